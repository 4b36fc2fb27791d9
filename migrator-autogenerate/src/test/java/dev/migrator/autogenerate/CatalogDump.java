package dev.migrator.autogenerate;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.ExternalCommand;
import dev.migrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A schema's snapshot taken apart from the code under test: JDBC's own metadata, line by line and
 * sorted (a column re-added by a downgrade comes last, which does not matter here), and on
 * PostgreSQL and MariaDB the database's own dump tool's lines, sorted likewise. Names that H2
 * makes up afresh for each constraint are masked.
 */
final class CatalogDump {

    private CatalogDump() {
    }

    static List<String> of(TestDatabase db) throws SQLException {
        List<String> lines = new ArrayList<>(jdbc(db));
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            List<String> command = new ArrayList<>(List.of("pg_dump", "--schema-only", "--no-owner"));
            command.addAll(db.clientArguments());
            lines.addAll(tool(ExternalCommand.run(command).requireSuccess().output()));
        } else if (db.kind() == DatabaseKind.MARIADB) {
            List<String> command = new ArrayList<>(List.of("mariadb-dump", "--no-data", "--skip-comments"));
            command.addAll(db.clientArguments());
            lines.addAll(tool(ExternalCommand.run(command).requireSuccess().output()));
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> tool(String dump) {
        return Arrays.stream(dump.split("\n")).map(String::strip)
                .map(line -> line.replaceAll(",$", "").replaceAll(" AUTO_INCREMENT=\\d+", ""))
                .filter(line -> !line.isEmpty() && !line.startsWith("--") && !line.startsWith("\\"))
                .map(line -> "dump " + line).toList();
    }

    private static List<String> jdbc(TestDatabase db) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            String catalog = db.kind() == DatabaseKind.MARIADB ? c.getCatalog() : null;
            String schema = db.kind() == DatabaseKind.MARIADB ? null : c.getSchema();
            for (String table : db.tableNames()) {
                String t = db.kind() == DatabaseKind.H2 ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet rs = meta.getColumns(catalog, schema, t, "%")) {
                    while (rs.next()) {
                        lines.add(String.join(" ", "column", table, rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                                rs.getString("COLUMN_SIZE"), rs.getString("DECIMAL_DIGITS"), rs.getString("IS_NULLABLE"),
                                String.valueOf(rs.getString("COLUMN_DEF")), rs.getString("IS_AUTOINCREMENT")));
                    }
                }
                try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, t)) {
                    while (rs.next()) {
                        lines.add(String.join(" ", "pk", table, rs.getString("COLUMN_NAME"), rs.getString("KEY_SEQ")));
                    }
                }
                try (ResultSet rs = meta.getIndexInfo(catalog, schema, t, false, false)) {
                    while (rs.next()) {
                        lines.add(String.join(" ", "index", table, masked(rs.getString("INDEX_NAME")),
                                rs.getString("NON_UNIQUE"), rs.getString("ORDINAL_POSITION"), rs.getString("COLUMN_NAME")));
                    }
                }
                try (ResultSet rs = meta.getImportedKeys(catalog, schema, t)) {
                    while (rs.next()) {
                        lines.add(String.join(" ", "fk", table, rs.getString("FK_NAME"), rs.getString("FKCOLUMN_NAME"),
                                rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"), rs.getString("UPDATE_RULE"),
                                rs.getString("DELETE_RULE")));
                    }
                }
            }
        }
        return lines;
    }

    private static String masked(String name) {
        return String.valueOf(name).replaceAll("_INDEX_[0-9A-F]+$", "_INDEX_*").replaceAll("^(PRIMARY_KEY|CONSTRAINT)_[0-9A-F]+", "$1_*");
    }
}
