package dev.migrator.engine;

/** {@link PlaceholderSuite} over R2DBC. */
class R2dbcPlaceholderTest extends PlaceholderSuite implements SuiteDatabases.OverR2dbc {

    @Override
    Transport transport() {
        return Transport.R2DBC;
    }
}
