package dev.migrator.engine;

/** {@link EngineSuite} over JDBC. */
class JdbcEngineTest extends EngineSuite {

    @Override
    Transport transport() {
        return Transport.JDBC;
    }
}
