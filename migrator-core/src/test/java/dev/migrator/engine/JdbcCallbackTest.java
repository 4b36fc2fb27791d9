package dev.migrator.engine;

/** {@link CallbackSuite} over JDBC. */
class JdbcCallbackTest extends CallbackSuite {

    @Override
    Transport transport() {
        return Transport.JDBC;
    }
}
