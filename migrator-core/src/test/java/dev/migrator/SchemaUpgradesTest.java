package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.ScriptFolder;
import dev.migrator.error.BadInputException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One Migrator, many schemas (schema per tenant): each schema gets its own tables and books. */
class SchemaUpgradesTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachSchemaGetsItsTablesAndVersionRowsAndAFailureStopsNoOther(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            List<String> schemas = schemaNames(db, 3);
            try {
                for (String schema : schemas) {
                    execute(db, "CREATE " + container(kind) + " " + quote(kind, schema));
                }
                // The second tenant already has a table the first revision creates: its run fails there.
                execute(db, "CREATE TABLE " + quote(kind, schemas.get(1)) + ".note (x int)"); // unquoted, as the script has it
                Migrator migrator = Migrator.create(db.dataSource(), config());

                SchemaRuns runs = migrator.upgradeSchemas(schemas, "heads", 2);

                assertThat(runs.upgraded()).containsOnlyKeys(schemas.get(0), schemas.get(2));
                assertThat(runs.failed()).containsOnlyKeys(schemas.get(1));
                assertThat(runs.failed().get(schemas.get(1))).isInstanceOf(MigrationFailedException.class)
                        .hasMessageContaining("a0000000001");
                for (String schema : List.of(schemas.get(0), schemas.get(2))) {
                    assertThat(runs.upgraded().get(schema).stepsRun()).isEqualTo(2);
                    assertThat(tables(db, schema)).contains("note", "tag", "migrator_version", "migrator_history");
                    assertThat(migrator.inSchema(schema).current()).containsExactly("b0000000002");
                }
                assertThat(migrator.inSchema(schemas.get(1)).current()).isEmpty();
                // Nothing landed in the connection's own schema, and the pool's connections came back to it.
                assertThat(db.tableNames()).doesNotContain("note", "tag", "migrator_version");
                try (Connection pooled = db.dataSource().getConnection()) {
                    assertThat(tables(pooled, kind, null)).doesNotContain("note", "tag", "migrator_version");
                }
                // A second pass finds nothing to do where the first succeeded.
                SchemaRuns again = migrator.upgradeSchemas(List.of(schemas.get(0), schemas.get(2)), "heads", 2);
                assertThat(again.upgraded().values()).allSatisfy(run -> assertThat(run.stepsRun()).isZero());
            } finally {
                dropDatabases(db, schemas);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSchemaThatDoesNotExistIsNamedAndNothingIsWritten(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            String missing = schemaNames(db, 1).get(0);
            Migrator migrator = Migrator.create(db.dataSource(), config());
            assertThatThrownBy(() -> migrator.inSchema(missing).upgrade("heads"))
                    .isInstanceOf(dev.migrator.error.MigratorException.class).hasMessageContaining(missing);
            assertThat(db.tableNames()).isEmpty();
            assertThatThrownBy(() -> migrator.upgradeSchemas(List.of("a", "a"), "heads", 1))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("named twice");
            assertThatThrownBy(() -> migrator.inSchema("no-such; name"))
                    .isInstanceOf(BadInputException.class);
        }
    }

    private MigratorConfig config() {
        ScriptFolder scripts = new ScriptFolder(folder);
        scripts.add("a0000000001", List.of(), "CREATE TABLE note (id int PRIMARY KEY);", "DROP TABLE note;");
        scripts.add("b0000000002", List.of("a0000000001"), "CREATE TABLE tag (name varchar(20) PRIMARY KEY);",
                "DROP TABLE tag;");
        return MigratorConfig.builder().locations(scripts.location()).build();
    }

    /** Names unique to this test's database: on MariaDB they are databases of the server. */
    private static List<String> schemaNames(TestDatabase db, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(db.name().toLowerCase(Locale.ROOT) + "_t" + i);
        }
        return names;
    }

    private static String container(DatabaseKind kind) {
        return kind == DatabaseKind.MARIADB ? "DATABASE" : "SCHEMA";
    }

    private static String quote(DatabaseKind kind, String name) {
        return kind == DatabaseKind.MARIADB ? "`" + name + "`" : "\"" + name + "\"";
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> tables(TestDatabase db, String schema) throws SQLException {
        try (Connection c = db.connect()) {
            return tables(c, db.kind(), schema);
        }
    }

    /** The tables of a schema (a database on MariaDB), or of the connection's current one when null. */
    private static List<String> tables(Connection c, DatabaseKind kind, String schema) throws SQLException {
        String current = kind == DatabaseKind.MARIADB ? c.getCatalog() : c.getSchema();
        String name = schema == null ? current : schema;
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = kind == DatabaseKind.MARIADB ? c.getMetaData().getTables(name, null, "%", null)
                : c.getMetaData().getTables(null, name, "%", null)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    private static void dropDatabases(TestDatabase db, List<String> schemas) throws SQLException {
        if (db.kind() == DatabaseKind.MARIADB) {
            for (String schema : schemas) {
                execute(db, "DROP DATABASE IF EXISTS `" + schema + "`");
            }
        }
    }
}
