package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialects;
import dev.migrator.error.ScriptException;
import dev.migrator.testing.Corpora;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import org.hsqldb.cmdline.SqlFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An offline script, run by psql or the mariadb client, leaves exactly the schema and version
 * rows that the online run leaves.
 */
class OfflineScriptTest {

    @TempDir
    Path dir;

    private Path scripts;

    private Map<String, String> placeholders = Map.of();

    private MigratorConfig config() {
        return MigratorConfig.builder().locations("filesystem:" + scripts).placeholders(placeholders).build();
    }

    /** Runs the command online in one database and offline (script + client) in another, and compares. */
    private void assertSameOnlineAndOffline(TestDatabase online, TestDatabase offline, Command command, String range)
            throws Exception {
        Migrator migrator = Migrator.create(online.dataSource(), config());
        String target = range.substring(range.indexOf(':') + 1);
        migrator.run(command, target);
        String script = Migrator.offline(config()).script(Dialects.byName(offline.kind().dialectName()), command, range);
        Path file = Files.writeString(dir.resolve("offline-" + System.nanoTime() + ".sql"), script);
        SchemaDumps.runScript(offline, file);
        assertThat(Databases.versionRows(offline)).isEqualTo(Databases.versionRows(online));
        assertThat(SchemaDumps.schema(offline)).isEqualTo(SchemaDumps.schema(online));
        assertThat(Databases.strings(offline, "SELECT count(*) FROM migrator_history"))
                .isEqualTo(Databases.strings(online, "SELECT count(*) FROM migrator_history"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "truenas__middleware, POSTGRESQL", "openstack__neutron, POSTGRESQL", "cds-snc__notification-api, POSTGRESQL",
        "truenas__middleware, MARIADB", "openstack__neutron, MARIADB", "cds-snc__notification-api, MARIADB"})
    void corpusGraphsUpAndDown(String corpus, DatabaseKind kind) throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        CorpusScripts.write(Corpora.file("alembic-graphs/" + corpus + ".tsv"), scripts);
        try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind)) {
            assertSameOnlineAndOffline(online, offline, Command.UPGRADE, "base:heads");
            assertSameOnlineAndOffline(online, offline, Command.DOWNGRADE, "heads:base");
            assertThat(Databases.versionRows(offline)).isEmpty();
        }
    }

    @Test
    void pagilaOnPostgresql() throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        String pagila = Files.readString(Corpora.file("pagila/pagila-schema.sql"));
        new ScriptFolder(scripts).add("pagila", List.of(), pagila, null);
        try (TestDatabase online = TestDatabase.create(DatabaseKind.POSTGRESQL);
                TestDatabase offline = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            assertSameOnlineAndOffline(online, offline, Command.UPGRADE, "base:heads");
            assertThat(online.tableNames()).contains("actor", "film", "rental");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void aNonTransactionalRevisionAndARangeFromAMiddleRevision(DatabaseKind kind) throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        ScriptFolder folder = new ScriptFolder(scripts);
        folder.table("a");
        folder.table("b", "a");
        folder.add("c", List.of("b"), kind == DatabaseKind.POSTGRESQL
                ? "CREATE INDEX CONCURRENTLY ix_b ON t_b (id);" : "CREATE INDEX ix_b ON t_b (id);",
                "DROP INDEX ix_b" + (kind == DatabaseKind.MARIADB ? " ON t_b;" : ";"), "transactional false");
        folder.table("d", "c");
        try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind)) {
            assertSameOnlineAndOffline(online, offline, Command.UPGRADE, "base:b");
            assertSameOnlineAndOffline(online, offline, Command.UPGRADE, "b:heads");
            assertThat(Databases.versionRows(offline)).containsExactly("d");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void repeatablesComeAfterTheVersionedStepsAllFromBaseAndTheChangedOnesFromTheDatabasesState(DatabaseKind kind)
            throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        ScriptFolder folder = new ScriptFolder(scripts);
        folder.table("a");
        folder.repeatable("r_one", "CREATE OR REPLACE VIEW v_one AS SELECT id FROM t_a;");
        folder.repeatable("r_two", "CREATE OR REPLACE VIEW v_two AS SELECT id AS two FROM t_a;");
        try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind)) {
            assertSameOnlineAndOffline(online, offline, Command.UPGRADE, "base:heads");
            assertThat(SchemaDumps.schema(offline)).contains("v_one", "v_two");

            folder.repeatable("r_two", "CREATE OR REPLACE VIEW v_two AS SELECT id + 1 AS two FROM t_a;");
            Migrator.create(online.dataSource(), config()).upgrade("heads");
            String script = Migrator.create(offline.dataSource(), config()).scriptFromCurrent(Command.UPGRADE, "heads");
            assertThat(script).contains("v_two AS SELECT id + 1 AS two").doesNotContain("v_one");
            SchemaDumps.runScript(offline, Files.writeString(dir.resolve("changed.sql"), script));
            assertThat(SchemaDumps.schema(offline)).isEqualTo(SchemaDumps.schema(online)).contains("+ 1");
            String history = "SELECT revision, direction, outcome, checksum FROM migrator_history ORDER BY id";
            assertThat(Databases.strings(offline, history)).hasSize(4).isEqualTo(Databases.strings(online, history));
            assertThat(Migrator.create(offline.dataSource(), config()).status().state())
                    .isEqualTo(MigrationStatus.State.UP_TO_DATE);
        }
    }

    @Test
    void mariadbProceduresAndTriggersComeOutWithDelimiters() throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        new ScriptFolder(scripts).add("p", List.of(), """
                CREATE TABLE counter (n int);
                INSERT INTO counter VALUES (0);
                DELIMITER //
                CREATE PROCEDURE bump()
                BEGIN
                  UPDATE counter SET n = n + 1;
                  UPDATE counter SET n = n + 1;
                END//
                CREATE TRIGGER counter_guard BEFORE UPDATE ON counter FOR EACH ROW
                BEGIN
                  IF NEW.n < 0 THEN SET NEW.n = 0; END IF;
                END//
                DELIMITER ;
                CALL bump();""", "DROP PROCEDURE bump;\nDROP TABLE counter;");
        try (TestDatabase online = TestDatabase.create(DatabaseKind.MARIADB);
                TestDatabase offline = TestDatabase.create(DatabaseKind.MARIADB)) {
            assertSameOnlineAndOffline(online, offline, Command.UPGRADE, "base:heads");
            assertThat(Databases.strings(offline, "SELECT n FROM counter")).containsExactly("2");
        }
    }

    @Test
    void postgresqlFunctionBodiesRunUnderPsql() throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        new ScriptFolder(scripts).add("f", List.of(), """
                CREATE TABLE counter (n int);
                CREATE FUNCTION plus_one(i int) RETURNS int LANGUAGE plpgsql AS $body$
                BEGIN
                  RETURN i + 1; -- a semicolon inside dollar quotes
                END;
                $body$;
                CREATE FUNCTION twice(i int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT i * 2;
                END;
                INSERT INTO counter VALUES (twice(plus_one(1)));""", "DROP TABLE counter;");
        try (TestDatabase online = TestDatabase.create(DatabaseKind.POSTGRESQL);
                TestDatabase offline = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            assertSameOnlineAndOffline(online, offline, Command.UPGRADE, "base:heads");
            assertThat(Databases.strings(offline, "SELECT n FROM counter")).containsExactly("4");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void placeholdersGetTheSameValuesOfflineAsOnline(DatabaseKind kind) throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        String body = kind == DatabaseKind.POSTGRESQL
                ? "CREATE FUNCTION motto() RETURNS text LANGUAGE sql AS $$ SELECT '${motto}'::text $$;"
                : "CREATE FUNCTION motto() RETURNS text RETURN '${motto}';";
        new ScriptFolder(scripts).add("p", List.of(), """
                CREATE TABLE ${table} (v varchar(100));
                INSERT INTO ${table} VALUES ('${motto}');
                INSERT INTO ${table} VALUES ('${migrator:schema}');
                %s""".formatted(body), "DROP FUNCTION motto;\nDROP TABLE ${table};");
        try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind)) {
            String schema = kind == DatabaseKind.POSTGRESQL ? "public" : offline.name();
            placeholders = Map.of("table", "mottos", "motto", "measure twice; cut once");
            // Offline, the schema is the DBA's session's, which the script cannot know: it must be given.
            assertThatThrownBy(() -> Migrator.offline(config())
                    .script(Dialects.byName(kind.dialectName()), Command.UPGRADE, "heads"))
                    .isInstanceOf(ScriptException.class)
                    .hasMessageContaining("p_revision.sql:8")
                    .hasMessageContaining("${migrator:schema}")
                    .hasMessageContaining("--placeholder migrator:schema=NAME");
            placeholders = Map.of("table", "mottos", "motto", "measure twice; cut once", "migrator:schema", schema);
            assertSameOnlineAndOffline(online, offline, Command.UPGRADE, "base:heads");
            assertThat(Databases.strings(offline, "SELECT v FROM mottos ORDER BY v"))
                    .containsExactly("measure twice; cut once", schema);
            assertThat(Databases.strings(offline, "SELECT motto()")).containsExactly("measure twice; cut once");
            assertSameOnlineAndOffline(online, offline, Command.DOWNGRADE, "heads:base");
            assertThat(offline.tableNames()).doesNotContain("mottos");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void callbacksRunInTheSamePlacesOfflineAsOnline(DatabaseKind kind) throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        CallbackScripts.write(scripts);
        try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind)) {
            CallbackScripts.createLog(online);
            CallbackScripts.createLog(offline);
            for (String range : List.of("base:heads", "heads:base")) {
                Command command = range.startsWith("base") ? Command.UPGRADE : Command.DOWNGRADE;
                Migrator.create(online.dataSource(), config()).run(command, range.substring(range.indexOf(':') + 1));
                String script = Migrator.offline(config()).script(Dialects.byName(kind.dialectName()), command, range);
                assertThat(script).contains("callback " + (command == Command.UPGRADE ? "afterEachMigrate" : "beforeUndo"));
                runScript(offline, Files.writeString(dir.resolve(command + ".sql"), script));
                assertThat(CallbackScripts.log(offline)).isEqualTo(CallbackScripts.log(online));
            }
            assertThat(CallbackScripts.log(offline)).hasSize(17).startsWith("beforeMigrate", "beforeEachMigrate a",
                    "upgrade a", "afterEachMigrate a").endsWith("afterEachUndo a", "afterUndo");
        }
    }

    /** With the database's own client; H2's is its script runner (RUNSCRIPT, as the H2 shell runs a file). */
    private static void runScript(TestDatabase db, Path file) throws Exception {
        if (db.kind() != DatabaseKind.H2) {
            SchemaDumps.runScript(db, file);
            return;
        }
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + file.toString().replace("'", "''") + "'");
        }
    }

    @Test
    void rendersWithoutAnyConnection() throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        new ScriptFolder(scripts).table("a");
        // Only a URL to read the dialect from; nothing listens there.
        String script = Migrator.offline(config())
                .script(Dialects.fromUrl("jdbc:postgresql://unreachable.invalid:1/none"), Command.UPGRADE, "heads");
        assertThat(script).contains("CREATE TABLE t_a (id int);").contains("BEGIN;").contains("COMMIT;")
                .contains("INSERT INTO");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void aPurgeScriptRepairsAVersionTableThatCannotBeRightAsTheOnlineRunDoes(DatabaseKind kind) throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        ScriptFolder folder = new ScriptFolder(scripts);
        folder.table("aaa");
        folder.table("bbb", "aaa");
        folder.table("ccc");
        try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind)) {
            for (TestDatabase db : List.of(online, offline)) {
                Migrator.create(db.dataSource(), config()).upgrade("heads");
                Databases.execute(db, "INSERT INTO migrator_version (version_num) VALUES ('aaa'), ('ghost')");
            }
            Migrator.create(online.dataSource(), config()).purgeAndStamp(List.of("bbb", "ccc"));
            String script = Migrator.offline(config()).purgeAndStampScript(Dialects.byName(kind.dialectName()),
                    List.of("bbb", "ccc"));
            assertThat(script).contains("DELETE FROM");
            SchemaDumps.runScript(offline, Files.writeString(dir.resolve("purge.sql"), script));
            assertThat(Databases.versionRows(offline)).containsExactly("bbb", "ccc")
                    .isEqualTo(Databases.versionRows(online));
            assertThat(Migrator.create(offline.dataSource(), config()).status().state())
                    .isEqualTo(MigrationStatus.State.UP_TO_DATE);
        }
    }

    @Test
    void aDialectFromTheSpiWritesAScriptThatItsDatabaseRunsToTheOnlineResult() throws Exception {
        scripts = Files.createDirectory(dir.resolve("scripts"));
        ScriptFolder folder = new ScriptFolder(scripts);
        folder.table("a");
        folder.table("b", "a");
        folder.table("c", "a");
        folder.add("m", List.of("b", "c"), "INSERT INTO t_b VALUES (1);\nINSERT INTO t_c VALUES (2);", "DELETE FROM t_b;");
        try (TestDatabase online = TestDatabase.create(DatabaseKind.HSQLDB);
                TestDatabase offline = TestDatabase.create(DatabaseKind.HSQLDB)) {
            Migrator.create(online.dataSource(), config()).upgrade("heads");
            String script = Migrator.offline(config()).script(Dialects.fromUrl(offline.url()), Command.UPGRADE, "heads");
            assertThat(script).contains("START TRANSACTION;").doesNotContain("BEGIN;");
            // HSQLDB's own command-line client (SqlTool) runs it, as psql runs a PostgreSQL script
            try (java.sql.Connection c = offline.connect()) {
                SqlFile client = new SqlFile(new java.io.StringReader(script), "offline.sql", System.out, "UTF-8", false,
                        (java.io.File) null);
                client.setConnection(c);
                client.setContinueOnError(false);
                client.execute();
            }
            assertThat(Databases.versionRows(offline)).containsExactly("m").isEqualTo(Databases.versionRows(online));
            // the online run also leaves the table its run lock used; the script takes no lock
            assertThat(offline.tableNames()).isEqualTo(online.tableNames().stream()
                    .filter(table -> !table.equals("migrator_version_lock")).toList());
            String history = "SELECT revision, direction, outcome, checksum FROM \"migrator_history\" ORDER BY id";
            assertThat(Databases.strings(offline, history)).hasSize(4).isEqualTo(Databases.strings(online, history));
            assertThat(Databases.strings(offline, "SELECT count(*) FROM t_c")).containsExactly("1");
        }
    }
}
