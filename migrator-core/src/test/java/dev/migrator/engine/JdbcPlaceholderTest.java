package dev.migrator.engine;

/** {@link PlaceholderSuite} over JDBC. */
class JdbcPlaceholderTest extends PlaceholderSuite {

    @Override
    Transport transport() {
        return Transport.JDBC;
    }
}
