package dev.migrator.engine;

import static dev.migrator.engine.Databases.quoted;
import static dev.migrator.engine.Databases.strings;
import static dev.migrator.engine.Databases.versionRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialects;
import dev.migrator.error.BadInputException;
import dev.migrator.error.ChecksumMismatchException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.graph.Revision;
import dev.migrator.java.JavaRevision;
import dev.migrator.reactive.ReactiveMigrator;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Java revisions on PostgreSQL, MariaDB and H2 over JDBC: declared by a script, run on the run's
 * connection in the revision's transaction, refused offline and over R2DBC before anything runs. The
 * database is read back with plain JDBC.
 */
class JavaRevisionsTest {

    @TempDir
    Path dir;

    /** Lower-cases every email; the downgrade upper-cases them again. */
    public static final class LowerEmails implements JavaRevision {
        @Override
        public void upgrade(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE t_people SET email = LOWER(email)");
            }
        }

        @Override
        public void downgrade(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE t_people SET email = UPPER(email)");
            }
        }
    }

    /** Writes a row, then fails: the row must go with the revision. */
    public static final class FailsAfterAnInsert implements JavaRevision {
        @Override
        public void upgrade(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO t_people (email) VALUES ('half@done')");
            }
            throw new IllegalStateException("no mail server for half@done");
        }
    }

    /** Tries to commit its half of the work. */
    public static final class Commits implements JavaRevision {
        @Override
        public void upgrade(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO t_people (email) VALUES ('committed@early')");
            }
            connection.commit();
        }
    }

    public static final class NotARevision {
    }

    public static final class NeedsAnArgument implements JavaRevision {
        public NeedsAnArgument(String mailServer) {
        }

        @Override
        public void upgrade(Connection connection) {
        }
    }

    public static final class FailingConstructor implements JavaRevision {
        public FailingConstructor() {
            throw new IllegalStateException("no configuration");
        }

        @Override
        public void upgrade(Connection connection) {
        }
    }

    private Migrator migrator(TestDatabase db) {
        return Migrator.create(db.dataSource(), MigratorConfig.builder().locations("filesystem:" + dir).build());
    }

    /** Revision a: a table of people with upper-case emails. */
    private void people() {
        new ScriptFolder(dir).add("a", List.of(), "CREATE TABLE t_people (email varchar(100));\n"
                + "INSERT INTO t_people (email) VALUES ('ANN@EXAMPLE.COM');\n"
                + "INSERT INTO t_people (email) VALUES ('BOB@EXAMPLE.COM');", "DROP TABLE t_people;");
    }

    /** A Java revision's script on top of a, as `migrator revision --java` writes it. */
    private void javaRevision(String id, Class<?> type, String version, boolean reversible, String... extraHeader)
            throws IOException {
        StringBuilder text = new StringBuilder("-- migrator:revision " + id + "\n-- migrator:down a\n"
                + "-- migrator:message java " + id + "\n-- migrator:java " + type.getName() + "\n"
                + "-- migrator:java-version " + version + "\n");
        for (String line : extraHeader) {
            text.append("-- migrator:").append(line).append('\n');
        }
        text.append("\n-- migrator:upgrade\n-- ").append(type.getSimpleName()).append(".upgrade runs here\n");
        if (reversible) {
            text.append("\n-- migrator:downgrade\n");
        }
        Files.writeString(dir.resolve(id + "_java.sql"), text, StandardCharsets.UTF_8);
    }

    private static List<String> emails(TestDatabase db) throws SQLException {
        return strings(db, "SELECT email FROM t_people ORDER BY email");
    }

    private static List<String> history(TestDatabase db, String revision) throws SQLException {
        return strings(db, "SELECT concat(direction, ' ', outcome, ' ', coalesce(cast(statements AS char(10)), '-'))"
                + " FROM " + quoted(db, "migrator_history") + " WHERE revision = '" + revision + "' ORDER BY id");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void aJavaRevisionRunsUpAndDownOnTheRunsConnection(DatabaseKind kind) throws Exception {
        people();
        javaRevision("j", LowerEmails.class, "1", true);
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = migrator(db);
            assertThat(migrator.status().pending()).extracting(Revision::id).containsExactly("a", "j");
            assertThat(migrator.upgrade("heads").stepsRun()).isEqualTo(2);
            assertThat(emails(db)).containsExactly("ann@example.com", "bob@example.com");
            assertThat(versionRows(db)).containsExactly("j");
            assertThat(history(db, "j")).containsExactly("upgrade success -");
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);

            migrator.downgrade("a");
            assertThat(emails(db)).containsExactly("ANN@EXAMPLE.COM", "BOB@EXAMPLE.COM");
            assertThat(versionRows(db)).containsExactly("a");
            assertThat(history(db, "j")).containsExactly("upgrade success -", "downgrade success -");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void aFailingJavaRevisionRollsBackWithItsVersionRow(DatabaseKind kind) throws Exception {
        people();
        javaRevision("j", FailsAfterAnInsert.class, "1", false);
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("upgrade of Java revision j (" + FailsAfterAnInsert.class.getName())
                    .hasMessageContaining("no mail server for half@done")
                    .hasMessageContaining("transaction was rolled back");
            // Its row went with it (DML rolls back on all three), and a, committed before, stays.
            assertThat(emails(db)).containsExactly("ANN@EXAMPLE.COM", "BOB@EXAMPLE.COM");
            assertThat(versionRows(db)).containsExactly("a");
            assertThat(history(db, "j")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void raisingTheDeclaredVersionOfAnAppliedJavaRevisionIsAnEdit(DatabaseKind kind) throws Exception {
        people();
        javaRevision("j", LowerEmails.class, "1", true);
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).upgrade("heads");
            javaRevision("j", LowerEmails.class, "1", false); // the same version: no edit, whatever the sections say
            assertThat(migrator(db).status().drifted()).isEmpty();
            javaRevision("j", LowerEmails.class, "2", true);
            assertThat(migrator(db).status().drifted()).extracting(script -> script.id()).containsExactly("j");
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(ChecksumMismatchException.class)
                    .hasMessageContaining("j");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void aMissingClassAppliesNothing(DatabaseKind kind) throws Exception {
        people();
        Files.writeString(dir.resolve("j_java.sql"), "-- migrator:revision j\n-- migrator:down a\n"
                + "-- migrator:java com.example.NoSuchRevision\n-- migrator:java-version 1\n\n-- migrator:upgrade\n");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("Java revision j (" + dir.resolve("j_java.sql"))
                    .hasMessageContaining("class com.example.NoSuchRevision is not on the class path")
                    .hasMessageContaining("Nothing was applied");
            assertThat(db.tableNames()).doesNotContain("t_people", "migrator_version", "migrator_history");
        }
    }

    @Test
    void aClassThatIsNoJavaRevisionOrCannotBeCreatedIsAnErrorBeforeAnythingRuns() throws Exception {
        people();
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            javaRevision("j", NotARevision.class, "1", false);
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining(NotARevision.class.getName() + " does not implement "
                            + JavaRevision.class.getName());
            javaRevision("j", NeedsAnArgument.class, "1", false);
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("has no public no-argument constructor");
            javaRevision("j", FailingConstructor.class, "1", false);
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("the constructor of " + FailingConstructor.class.getName()
                            + " failed: java.lang.IllegalStateException: no configuration");
            assertThat(db.tableNames()).doesNotContain("t_people", "migrator_version");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void aJavaRevisionMayNotCommitTheRevisionsTransaction(DatabaseKind kind) throws Exception {
        people();
        javaRevision("j", Commits.class, "1", false);
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("called Connection.commit()");
            assertThat(emails(db)).doesNotContain("committed@early");
            assertThat(versionRows(db)).containsExactly("a");
        }
    }

    @Test
    void aNonTransactionalJavaRevisionKeepsWhatItRanAndRecordsTheFailure() throws Exception {
        people();
        javaRevision("j", FailsAfterAnInsert.class, "1", false, "transactional false");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("ran in auto-commit");
            assertThat(emails(db)).contains("half@done");
            assertThat(versionRows(db)).containsExactly("a");
            assertThat(history(db, "j")).containsExactly("upgrade failed -");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void overR2dbcAJavaRevisionIsRefusedBeforeAnythingRuns(DatabaseKind kind) throws Exception {
        people();
        javaRevision("j", LowerEmails.class, "1", true);
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = ReactiveMigrator.create(ConnectionFactories.get(db.r2dbcUrl()),
                    MigratorConfig.builder().locations("filesystem:" + dir).build()).blocking();
            assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("Revision j (" + dir.resolve("j_java.sql") + ") is a Java revision ("
                            + LowerEmails.class.getName() + "), which needs a JDBC connection")
                    .hasMessageContaining("migrate this database over JDBC");
            assertThat(db.tableNames()).doesNotContain("t_people", "migrator_version");
            // A stamp runs no code, and an upgrade short of the Java revision has none to run.
            migrator.upgrade("a");
            assertThat(versionRows(db)).containsExactly("a");
            migrator.stamp("j");
            assertThat(versionRows(db)).containsExactly("j");
        }
    }

    @Test
    void anOfflineScriptThatReachesAJavaRevisionStopsNamingItAndHowToGoOn() throws Exception {
        people();
        javaRevision("j", LowerEmails.class, "1", true);
        new ScriptFolder(dir).table("b", "j");
        var offline = Migrator.offline(MigratorConfig.builder().locations("filesystem:" + dir).build());
        var postgres = Dialects.byName("postgresql");
        assertThatThrownBy(() -> offline.script(postgres, Command.UPGRADE, "base:heads"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("Revision j (" + dir.resolve("j_java.sql") + ") is a Java revision ("
                        + LowerEmails.class.getName() + "), which runs only online")
                .hasMessageContaining("upgrade --sql START:a")
                .hasMessageContaining("upgrade --sql j:END");
        assertThatThrownBy(() -> offline.script(postgres, Command.DOWNGRADE, "heads:base"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Revision j");
        // Up to it, from it, and stamps through it render as usual.
        assertThat(offline.script(postgres, Command.UPGRADE, "base:a")).contains("CREATE TABLE t_people");
        assertThat(offline.script(postgres, Command.UPGRADE, "j:heads")).contains("CREATE TABLE t_b")
                .doesNotContain("t_people");
        assertThat(offline.stampScript(postgres, List.of("heads"))).contains("'j'");
    }
}
