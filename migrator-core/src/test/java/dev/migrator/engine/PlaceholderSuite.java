package dev.migrator.engine;

import static dev.migrator.engine.Databases.quoted;
import static dev.migrator.engine.Databases.strings;
import static dev.migrator.engine.Databases.versionRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.error.ScriptException;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * {@code ${name}} placeholders (docs/script-format.md#placeholders) against the real PostgreSQL,
 * MariaDB and H2, once per transport. The expected values come from the test (and from JDBC's own
 * metadata for the built-ins), never from the code under test.
 */
abstract class PlaceholderSuite {

    abstract Transport transport();

    @TempDir
    Path dir;

    private Migrator migrator(TestDatabase db, MigratorConfig.Builder config) {
        return transport().migrator(db, config.locations("filesystem:" + dir).build());
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void configuredAndBuiltInValuesReachTheDatabase(DatabaseKind kind) throws Exception {
        new ScriptFolder(dir).add("a", List.of(), """
                CREATE TABLE ${Table_Name} (k varchar(20), v varchar(200));
                INSERT INTO ${table_name} VALUES ('greeting', '${greeting}');
                INSERT INTO ${table_name} VALUES ('escaped', '\\${greeting}');
                INSERT INTO ${table_name} VALUES ('revision', '${migrator:revision}');
                INSERT INTO ${table_name} VALUES ('schema', '${migrator:schema}');
                INSERT INTO ${table_name} VALUES ('user', '${migrator:user}');
                INSERT INTO ${table_name} VALUES ('database', '${migrator:database}');
                INSERT INTO ${table_name} VALUES ('file', '${migrator:filename}');
                INSERT INTO ${table_name} VALUES ('table', '${migrator:versionTable}');""", null);
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db, MigratorConfig.builder().placeholder("TABLE_NAME", "pt").placeholder("greeting", greeting(kind)))
                    .upgrade("heads");
            String schema;
            String user;
            String database;
            try (Connection c = db.connect()) {
                DatabaseMetaData metaData = c.getMetaData();
                schema = kind == DatabaseKind.MARIADB ? c.getCatalog() : c.getSchema();
                user = metaData.getUserName();
                database = c.getCatalog();
            }
            assertThat(strings(db, "SELECT concat(k, '=', v) FROM pt ORDER BY k")).containsExactly(
                    "database=" + database, "escaped=${greeting}", "file=a_revision.sql", "greeting=" + greeting(kind),
                    "revision=a", "schema=" + schema, "table=migrator_version", "user=" + user);
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void anUndefinedPlaceholderStopsTheRunBeforeAnythingIsApplied(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.add("b", List.of("a"), "CREATE TABLE t_b (id int);\nINSERT INTO t_b VALUES (${missing});", null);
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db, MigratorConfig.builder()).upgrade("heads"))
                    .isInstanceOf(ScriptException.class)
                    .hasMessageContaining("b_revision.sql:7")
                    .hasMessageContaining("${missing}")
                    .hasMessageContaining("--placeholder missing=VALUE");
            assertThat(db.tableNames()).doesNotContain("t_a", "T_A", "t_b", "T_B", "migrator_version");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void aNewValueIsNotAnEditOfAnAppliedRevision(DatabaseKind kind) throws Exception {
        String upgrade = "CREATE TABLE t_a (env varchar(20));\nINSERT INTO t_a VALUES ('${env}');";
        new ScriptFolder(dir).add("a", List.of(), upgrade, "DROP TABLE t_a;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db, MigratorConfig.builder().placeholder("env", "staging")).upgrade("heads");
            Migrator production = migrator(db, MigratorConfig.builder().placeholder("env", "production"));
            assertThat(production.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
            assertThat(production.upgrade("heads").stepsRun()).isZero();
            // The checksum is of the text as written, ${env} and all (docs/script-format.md#checksums).
            assertThat(strings(db, "SELECT checksum FROM " + quoted(db, "migrator_history")))
                    .containsExactly(sha256(upgrade));
            assertThat(strings(db, "SELECT env FROM t_a")).containsExactly("staging");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void theDowngradeSectionGetsValuesAndAScriptCanTurnThemOff(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.add("a", List.of(), "CREATE TABLE ${name} (id int);", "DROP TABLE ${name};");
        scripts.add("b", List.of("a"), "CREATE TABLE t_b (v varchar(50));\nINSERT INTO t_b VALUES ('${name} ${not_one}');",
                "DROP TABLE t_b;", "placeholders false");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = migrator(db, MigratorConfig.builder().placeholder("name", "t_named"));
            migrator.upgrade("heads");
            assertThat(strings(db, "SELECT v FROM t_b")).containsExactly("${name} ${not_one}");
            assertThat(strings(db, "SELECT count(*) FROM t_named")).containsExactly("0");
            migrator.downgrade("base");
            assertThat(db.tableNames()).doesNotContain("t_named", "T_NAMED");
            assertThat(versionRows(db)).isEmpty();
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void valuesGoInBeforeStatementsAreSplit(DatabaseKind kind) throws Exception {
        // A semicolon inside a quoted value stays in its string; one outside quotes ends a statement.
        new ScriptFolder(dir).add("a", List.of(), """
                CREATE TABLE t_a (v varchar(50));
                ${more};
                INSERT INTO t_a VALUES ('${text}');""", null);
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db, MigratorConfig.builder().placeholder("text", greeting(kind)).placeholder("more",
                    "CREATE TABLE t_m1 (id int);\nCREATE TABLE t_m2 (id int)")).upgrade("heads");
            assertThat(strings(db, "SELECT v FROM t_a")).containsExactly(greeting(kind));
            assertThat(strings(db, "SELECT count(*) FROM t_m1")).containsExactly("0");
            assertThat(strings(db, "SELECT count(*) FROM t_m2")).containsExactly("0");
        }
    }

    /**
     * A value with a semicolon, but not for H2 over R2DBC: r2dbc-h2 cuts every statement at each
     * semicolon, also inside a string, whatever migrator hands it.
     */
    private String greeting(DatabaseKind kind) {
        return kind == DatabaseKind.H2 && transport() == Transport.R2DBC ? "hello, world" : "hello; world";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.strip().getBytes(StandardCharsets.UTF_8)));
    }
}
