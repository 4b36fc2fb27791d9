package dev.migrator.engine;

/** {@link CallbackSuite} over R2DBC. */
class R2dbcCallbackTest extends CallbackSuite implements SuiteDatabases.OverR2dbc {

    @Override
    Transport transport() {
        return Transport.R2DBC;
    }
}
