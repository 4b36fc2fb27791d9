package dev.migrator.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;

/** Reads a test database back with plain JDBC, independent of the code under test. */
final class Databases {

    private Databases() {
    }

    static Set<String> versionRows(TestDatabase db) throws SQLException {
        return new TreeSet<>(strings(db, "SELECT version_num FROM " + quoted(db, "migrator_version")));
    }

    static List<String> strings(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** H2 and HSQLDB keep migrator's lower-case names only when quoted. */
    static String quoted(TestDatabase db, String table) {
        return db.kind().embedded() ? "\"" + table + "\"" : table;
    }
}
