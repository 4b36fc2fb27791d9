package dev.migrator.engine;

/** {@link EngineSuite} over R2DBC. */
class R2dbcEngineTest extends EngineSuite implements SuiteDatabases.OverR2dbc {

    @Override
    Transport transport() {
        return Transport.R2DBC;
    }
}
