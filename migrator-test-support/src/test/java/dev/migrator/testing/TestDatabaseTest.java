package dev.migrator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabaseTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachDatabaseIsFreshAndIsolatedFromTheOthers(DatabaseKind kind) throws SQLException {
        try (TestDatabase first = TestDatabase.create(kind); TestDatabase second = TestDatabase.create(kind)) {
            assertThat(first.name()).isNotEqualTo(second.name());
            assertThat(first.tableNames()).isEmpty();
            try (Connection c = first.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE note (id int PRIMARY KEY)");
            }
            assertThat(first.tableNames()).containsExactly("note");
            assertThat(second.tableNames()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void poolReachesTheSameDatabase(DatabaseKind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE via_pool (id int)");
            }
            assertThat(db.tableNames()).containsExactly("via_pool");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void closeDropsTheDatabaseOnTheServer(DatabaseKind kind) throws SQLException {
        TestDatabase db = TestDatabase.create(kind);
        String name = db.name();
        assertThat(exists(kind, name)).isTrue();
        db.close();
        assertThat(exists(kind, name)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void closeDropsTheH2Database() throws SQLException {
        TestDatabase db = TestDatabase.create(DatabaseKind.H2);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int)");
        }
        db.close();
        // IFEXISTS refuses to create a new in-memory database, so this proves the old one is gone.
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                "jdbc:h2:mem:" + db.name() + ";IFEXISTS=TRUE", "sa", "").close())
                .isInstanceOf(SQLException.class);
    }

    private static boolean exists(DatabaseKind kind, String name) throws SQLException {
        ServerEndpoint server = DatabaseServers.endpoint(kind);
        String sql = kind == DatabaseKind.POSTGRESQL
                ? "SELECT count(*) FROM pg_database WHERE datname = ?"
                : "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?";
        try (Connection c = server.connectAdmin(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
