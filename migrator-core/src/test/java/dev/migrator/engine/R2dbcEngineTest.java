package dev.migrator.engine;

/** {@link EngineSuite} over R2DBC. */
class R2dbcEngineTest extends EngineSuite {

    @Override
    Transport transport() {
        return Transport.R2DBC;
    }
}
