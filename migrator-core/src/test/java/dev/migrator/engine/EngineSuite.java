package dev.migrator.engine;

import static dev.migrator.engine.Databases.execute;
import static dev.migrator.engine.Databases.quoted;
import static dev.migrator.engine.Databases.strings;
import static dev.migrator.engine.Databases.versionRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.error.BadInputException;
import dev.migrator.error.ChecksumMismatchException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.error.TargetException;
import dev.migrator.graph.Revision;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine against the real PostgreSQL, MariaDB and H2; runs once per transport (JDBC and
 * R2DBC), through the same engine code.
 */
abstract class EngineSuite {

    abstract Transport transport();

    @TempDir
    Path dir;

    private Migrator migrator(TestDatabase db) {
        return migrator(db, MigratorConfig.builder());
    }

    private Migrator migrator(TestDatabase db, MigratorConfig.Builder config) {
        return transport().migrator(db, config.locations("filesystem:" + dir).build());
    }

    /** a - b - c, with d branching from a and m merging c and d. */
    private ScriptFolder branchAndMerge() {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.table("b", "a");
        scripts.table("c", "b");
        scripts.table("d", "a");
        scripts.table("m", "c", "d");
        return scripts;
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void upgradesBranchesAndMergesThenDowngradesStepByStep(DatabaseKind kind) throws Exception {
        branchAndMerge();
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = migrator(db);
            assertThat(migrator.upgrade("c").stepsRun()).isEqualTo(3);
            assertThat(versionRows(db)).containsExactly("c");
            assertThat(migrator.upgrade("d").stepsRun()).isEqualTo(1);
            assertThat(versionRows(db)).containsExactly("c", "d");
            assertThat(migrator.upgrade("heads").stepsRun()).isEqualTo(1);
            assertThat(versionRows(db)).containsExactly("m");
            assertThat(db.tableNames()).contains("t_a", "t_b", "t_c", "t_d", "t_m", "migrator_version", "migrator_history");
            assertThat(migrator.upgrade("heads").stepsRun()).isZero();

            assertThatThrownBy(() -> migrator.downgrade("-1")).isInstanceOf(TargetException.class)
                    .hasMessageContaining("'m' is a merge point of c, d").hasMessageContaining("name a revision");
            migrator.downgrade("d");
            assertThat(versionRows(db)).containsExactly("d");
            assertThat(db.tableNames()).doesNotContain("t_m", "t_c", "t_b").contains("t_d");
            migrator.upgrade("c");
            assertThat(versionRows(db)).containsExactly("c", "d");
            assertThatThrownBy(() -> migrator.downgrade("-1")).isInstanceOf(TargetException.class)
                    .hasMessageContaining("several current revisions (c, d)").hasMessageContaining("label@-N or rev-N");
            migrator.downgrade("c-1"); // docs/targets.md: un-applies everything that is not an ancestor of b, d too
            assertThat(versionRows(db)).containsExactly("b");
            migrator.downgrade("base");
            assertThat(versionRows(db)).isEmpty();
            assertThat(db.tableNames()).doesNotContain("t_a", "t_b", "t_c", "t_d");
            List<String> history = strings(db, "SELECT concat(direction, ' ', revision) FROM "
                    + quoted(db, "migrator_history") + " ORDER BY id");
            assertThat(history).containsExactly("upgrade a", "upgrade b", "upgrade c", "upgrade d", "upgrade m",
                    "downgrade m", "downgrade c", "downgrade b", "upgrade b", "upgrade c",
                    "downgrade d", "downgrade c", "downgrade b", "downgrade a");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void labelTargetsMoveOneBranchAtATime(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.add("x1", List.of("a"), "CREATE TABLE t_x1 (id int);", "DROP TABLE t_x1;", "branch-labels billing");
        scripts.table("x2", "x1");
        scripts.add("y1", List.of("a"), "CREATE TABLE t_y1 (id int);", "DROP TABLE t_y1;", "branch-labels shipping");
        scripts.table("y2", "y1");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = migrator(db);
            migrator.upgrade("billing@head");
            assertThat(versionRows(db)).containsExactly("x2");
            assertThat(db.tableNames()).contains("t_a", "t_x1", "t_x2").doesNotContain("t_y1");
            migrator.upgrade("shipping@+1");
            assertThat(versionRows(db)).containsExactly("x2", "y1");
            migrator.downgrade("billing@-1");
            assertThat(versionRows(db)).containsExactly("x1", "y1");
            migrator.downgrade("billing@base");
            assertThat(versionRows(db)).containsExactly("y1");
            assertThat(db.tableNames()).contains("t_a", "t_y1").doesNotContain("t_x1");
            migrator.upgrade("heads");
            assertThat(versionRows(db)).containsExactly("x2", "y2");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void tablesTakeTheConfiguredNamesAndSchema(DatabaseKind kind) throws Exception {
        new ScriptFolder(dir).table("a");
        try (TestDatabase db = TestDatabase.create(kind)) {
            String schema = kind == DatabaseKind.MARIADB ? db.name() + "_meta" : "meta";
            // Names are quoted, so on H2 the schema keeps its lower case only when created quoted.
            execute(db, (kind == DatabaseKind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ")
                    + (kind.embedded() ? "\"" + schema + "\"" : schema));
            try {
                Migrator migrator = migrator(db, MigratorConfig.builder().schema(schema).versionTable("schema_version")
                        .historyTable("schema_history"));
                migrator.upgrade("heads");
                String q = kind.embedded() ? "\"" : "";
                assertThat(strings(db, "SELECT version_num FROM " + q + schema + q + "." + q + "schema_version" + q))
                        .containsExactly("a");
                assertThat(strings(db, "SELECT revision FROM " + q + schema + q + "." + q + "schema_history" + q))
                        .containsExactly("a");
                assertThat(db.tableNames()).doesNotContain("migrator_version", "schema_version");
                assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
            } finally {
                if (kind == DatabaseKind.MARIADB) {
                    execute(db, "DROP DATABASE " + schema);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "POSTGRESQL")
    void aFailingRevisionRollsBackWholeAndKeepsEarlierOnes(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.add("b", List.of("a"), "CREATE TABLE t_b (id int);\nINSERT INTO t_b VALUES (1);\nINSERT INTO missing VALUES (1);",
                "DROP TABLE t_b;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("b_revision.sql:8")
                    .hasMessageContaining("statement 3 of 3: INSERT INTO missing VALUES (1))")
                    .hasMessageContaining("missing")
                    .hasMessageContaining("rolled back");
            assertThat(versionRows(db)).containsExactly("a");
            assertThat(db.tableNames()).contains("t_a").doesNotContain("t_b");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "POSTGRESQL")
    void aRevisionThatCommitsItselfIsNotReportedRolledBack(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.add("b", List.of("a"), "CREATE TABLE t_b1 (id int);\nCOMMIT AND CHAIN;\nCREATE TABLE t_b2 (id int);\n"
                + "INSERT INTO missing VALUES (1);", "DROP TABLE t_b1;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("statement 4 of 4: INSERT INTO missing VALUES (1))")
                    .hasMessageContaining("ends its transaction itself (statement 2 of 4: COMMIT AND CHAIN)")
                    .hasMessageContaining("statements 1 to 2 were committed by it and stay")
                    .hasMessageNotContaining("The revision was rolled back");
            assertThat(db.tableNames()).contains("t_a", "t_b1").doesNotContain("t_b2");
            assertThat(versionRows(db)).containsExactly("a");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "POSTGRESQL")
    void aLongFailingStatementIsShownOnOneLineWithTheCutMarked(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.add("a", List.of(), "CREATE TABLE vets (\n    id integer PRIMARY KEY,\n    first_name varchar(30),\n"
                + "    last_name varchar(30),\n    specialty_of_the_house varchar(80),\n    badge no_such_type\n);",
                "DROP TABLE vets;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("(statement 1 of 1: CREATE TABLE vets ( id integer PRIMARY KEY, first_name "
                            + "varchar(30), last_name")
                    .hasMessageContaining("specialty ... [cut; 147 characters]): ")
                    .hasMessageContaining("no_such_type");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "POSTGRESQL")
    void oneTransactionForTheWholeRunRollsEverythingBack(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.add("b", List.of("a"), "INSERT INTO missing VALUES (1);", "SELECT 1;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db, MigratorConfig.builder().transactionPerMigration(false)).upgrade("heads"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("no revision of it stays applied");
            assertThat(db.tableNames()).doesNotContain("t_a");
            assertThat(versionRows(db)).isEmpty();
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.WithoutTransactionalDdl.class)
    void aFailureWithoutTransactionalDdlIsRecordedAndTheNextRunResumesAfterWhatRan(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.add("b", List.of("a"), "CREATE TABLE t_b1 (id int);\nCREATE TABLE t_b2 (id int REFERENCES blocker (id));",
                "DROP TABLE t_b2;\nDROP TABLE t_b1;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("b_revision.sql:7")
                    .hasMessageContaining("Statements 1 to 1 of 2 ran and stayed");
            assertThat(db.tableNames()).contains("t_b1").doesNotContain("t_b2");
            assertThat(versionRows(db)).containsExactly("a");
            assertThat(strings(db, "SELECT concat(outcome, ':', statements) FROM " + quoted(db, "migrator_history")
                    + " WHERE revision = 'b'"))
                    .containsExactly("failed:1");

            // The cause is fixed outside migrator; rerunning statement 1 would fail on the existing t_b1.
            execute(db, "CREATE TABLE blocker (id int PRIMARY KEY)");
            assertThat(migrator(db).upgrade("heads").stepsRun()).isEqualTo(1);
            assertThat(db.tableNames()).contains("t_b1", "t_b2");
            assertThat(versionRows(db)).containsExactly("b");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.WithoutTransactionalDdl.class)
    void fixingTheFailedStatementResumesButEditingOneThatRanStops(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        Path b = scripts.add("b", List.of("a"), "CREATE TABLE t_b1 (id int);\nCREATE TABLE t_b2 (id int REFERENCES blocker (id));",
                "DROP TABLE t_b2;\nDROP TABLE t_b1;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(MigrationFailedException.class);

            // Editing the statement that ran: nobody can tell what ran, so nothing runs.
            String original = Files.readString(b);
            Files.writeString(b, original.replace("CREATE TABLE t_b1 (id int)", "CREATE TABLE t_b1 (id bigint)"));
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("those statements have changed");
            assertThat(db.tableNames()).doesNotContain("t_b2");

            // Fixing the statement that failed is what the error asked for: the run resumes there.
            Files.writeString(b, original.replace(" REFERENCES blocker (id)", ""));
            assertThat(migrator(db).upgrade("heads").stepsRun()).isEqualTo(1);
            assertThat(db.tableNames()).contains("t_b1", "t_b2");
            assertThat(versionRows(db)).containsExactly("b");
            assertThat(migrator(db).status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void theDriftMessageStampsWhereTheDatabaseIsNotTheEditedRevision(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        Path a = scripts.table("a");
        scripts.table("b", "a");
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).upgrade("heads");
            Files.writeString(a, Files.readString(a).replace("(id int)", "(id bigint)"));
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(ChecksumMismatchException.class)
                    .hasMessageContaining("`stamp b`");
            migrator(db).stamp("b");
            assertThat(versionRows(db)).containsExactly("b");
            assertThat(migrator(db).status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void anEditedAppliedRevisionStopsTheRunUntilStamped(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        Path a = scripts.table("a");
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).upgrade("heads");
            Files.writeString(a, Files.readString(a).replace("(id int)", "(id bigint)"));
            scripts.table("b", "a");
            assertThatThrownBy(() -> migrator(db).upgrade("heads"))
                    .isInstanceOf(ChecksumMismatchException.class)
                    .hasMessageContaining("changed since they ran: a (" + dir.resolve("a_revision.sql") + ")")
                    .hasMessageContaining("stamp a");
            assertThat(db.tableNames()).doesNotContain("t_b");
            MigrationStatus status = migrator(db).status();
            assertThat(status.state()).isEqualTo(MigrationStatus.State.DIVERGED);
            assertThat(status.drifted()).extracting(Revision::id).containsExactly("a");
            assertThat(migrator(db, MigratorConfig.builder().validateChecksums(false)).plan(Command.UPGRADE, "heads")
                    .steps()).hasSize(1);

            migrator(db).stamp("a");
            assertThat(migrator(db).upgrade("heads").stepsRun()).isEqualTo(1);
            assertThat(versionRows(db)).containsExactly("b");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void downgradeThroughAnIrreversibleRevisionChangesNothing(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.add("b", List.of("a"), "CREATE TABLE t_b (id int);", null);
        scripts.table("c", "b");
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).upgrade("heads");
            assertThatThrownBy(() -> migrator(db).downgrade("base"))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("Cannot downgrade to 'base'")
                    .hasMessageContaining("'b' (" + dir.resolve("b_revision.sql") + ") has no downgrade section")
                    .hasMessageContaining("nothing was changed");
            assertThat(versionRows(db)).containsExactly("c");
            assertThat(db.tableNames()).contains("t_a", "t_b", "t_c");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void stampMovesTheVersionRowsWithoutRunningScripts(DatabaseKind kind) throws Exception {
        branchAndMerge();
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).stamp("c");
            assertThat(versionRows(db)).containsExactly("c");
            assertThat(db.tableNames()).doesNotContain("t_a", "t_c");
            migrator(db).upgrade("heads");
            assertThat(db.tableNames()).contains("t_d", "t_m").doesNotContain("t_a");
            migrator(db).stamp("base");
            assertThat(versionRows(db)).isEmpty();
        }
    }

    /** The repair command a refusal names, as the user would copy it: {@code `migrator stamp --purge a b`}. */
    private static List<String> purgeTargetsIn(String message) {
        Matcher command = Pattern.compile("`migrator stamp --purge ([^`]+)`").matcher(message);
        assertThat(command.find()).as(message).isTrue();
        return List.of(command.group(1).split(" "));
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void stampPurgeEmptiesTheTableWhateverItHoldsAndRepairsWhatTheRefusalNames(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("aaa");
        scripts.table("bbb", "aaa");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = migrator(db);
            migrator.upgrade("heads");
            assertThat(migrator.purgeAndStamp("aaa").plan().purge()).isTrue();
            assertThat(versionRows(db)).containsExactly("aaa");

            // what the old purge left behind, and a row no script defines
            execute(db, "INSERT INTO " + quoted(db, "migrator_version") + " (version_num) VALUES ('bbb')");
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.DIVERGED);
            String refusal = org.assertj.core.api.Assertions.catchThrowable(() -> migrator.upgrade("heads")).getMessage();
            assertThat(refusal).contains("aaa, bbb").contains("already an ancestor of bbb");
            assertThat(purgeTargetsIn(refusal)).containsExactly("bbb");
            execute(db, "INSERT INTO " + quoted(db, "migrator_version") + " (version_num) VALUES ('ghost')");
            // (upgrade takes a row it does not know for a newer release's, and has nothing to do)
            String unknown = org.assertj.core.api.Assertions.catchThrowable(() -> migrator.stamp("bbb"))
                    .getMessage();
            assertThat(unknown).contains("ghost");
            assertThat(versionRows(db)).containsExactly("aaa", "bbb", "ghost");

            migrator.purgeAndStamp(purgeTargetsIn(unknown));
            assertThat(versionRows(db)).containsExactly("bbb");
            assertThat(migrator.upgrade("heads").stepsRun()).isZero();
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
            migrator.purgeAndStamp("base");
            assertThat(versionRows(db)).isEmpty();
            assertThat(db.tableNames()).contains("t_aaa", "t_bbb");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void labelQualifiedDowngradesGiveAlembicsResults(DatabaseKind kind) throws Exception {
        // Each graph and command sequence of issue 16, with the version rows Alembic 1.8.1 leaves.
        try (TestDatabase db = TestDatabase.create(kind)) {
            ScriptFolder scripts = new ScriptFolder(Files.createDirectories(dir.resolve("opal")));
            scripts.table("r01");
            scripts.add("r02", List.of(), "CREATE TABLE t_r02 (id int);", "DROP TABLE t_r02;", "branch-labels opal",
                    "depends-on r01");
            Migrator opal = inFolder(db, scripts);
            opal.upgrade("r02");
            opal.downgrade("opal@-1");
            assertThat(versionRows(db)).containsExactly("r01");
            assertThat(db.tableNames()).contains("t_r01").doesNotContain("t_r02");
        }
        try (TestDatabase db = TestDatabase.create(kind)) {
            ScriptFolder scripts = new ScriptFolder(Files.createDirectories(dir.resolve("omega")));
            scripts.table("r01");
            scripts.table("r02");
            scripts.add("r03", List.of("r01", "r02"), "CREATE TABLE t_r03 (id int);", "DROP TABLE t_r03;",
                    "branch-labels omega");
            Migrator omega = inFolder(db, scripts);
            omega.upgrade("r01");
            omega.upgrade("r02");
            assertThat(omega.downgrade("omega@r02").stepsRun()).isZero();
            assertThat(versionRows(db)).containsExactly("r01", "r02");
        }
        try (TestDatabase db = TestDatabase.create(kind)) {
            ScriptFolder scripts = new ScriptFolder(Files.createDirectories(dir.resolve("pine")));
            scripts.add("r01", List.of(), "CREATE TABLE t_r01 (id int);", "DROP TABLE t_r01;", "branch-labels pine");
            scripts.table("r02", "r01");
            scripts.table("r03", "r02");
            scripts.table("r04", "r01");
            scripts.add("r05", List.of("r03"), "CREATE TABLE t_r05 (id int);", "DROP TABLE t_r05;", "depends-on r04");
            Migrator pine = inFolder(db, scripts);
            pine.upgrade("r05");
            pine.downgrade("pine@-2");
            assertThat(versionRows(db)).containsExactly("r02", "r04");
            assertThat(db.tableNames()).contains("t_r02", "t_r04").doesNotContain("t_r03", "t_r05");
        }
        try (TestDatabase db = TestDatabase.create(kind)) {
            ScriptFolder scripts = new ScriptFolder(Files.createDirectories(dir.resolve("ipsum")));
            scripts.table("r01");
            scripts.table("r02", "r01");
            scripts.table("r03", "r02");
            scripts.add("r04", List.of("r02"), "CREATE TABLE t_r04 (id int);", "DROP TABLE t_r04;",
                    "branch-labels ipsum");
            Migrator ipsum = inFolder(db, scripts);
            ipsum.upgrade("r03");
            assertThat(ipsum.downgrade("ipsum@r01").stepsRun()).isEqualTo(2);
            assertThat(versionRows(db)).containsExactly("r01");
        }
        try (TestDatabase db = TestDatabase.create(kind)) {
            ScriptFolder scripts = new ScriptFolder(Files.createDirectories(dir.resolve("lorem")));
            scripts.add("r01", List.of(), "CREATE TABLE t_r01 (id int);", "DROP TABLE t_r01;", "branch-labels lorem");
            scripts.add("r02", List.of(), "CREATE TABLE t_r02 (id int);", "DROP TABLE t_r02;", "depends-on r01");
            Migrator lorem = inFolder(db, scripts);
            lorem.upgrade("r02");
            lorem.stamp("lorem@base");
            assertThat(versionRows(db)).isEmpty();
        }
    }

    private Migrator inFolder(TestDatabase db, ScriptFolder scripts) {
        return transport().migrator(db, MigratorConfig.builder().locations(scripts.location()).build());
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void severalStampTargetsAreStampedTogether(DatabaseKind kind) throws Exception {
        branchAndMerge().table("e");
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).stamp(List.of("c", "d", "e"));
            assertThat(versionRows(db)).containsExactly("c", "d", "e");
            migrator(db).stamp(List.of("b", "a")); // a is below b: b replaces c, its line's row; d stays
            assertThat(versionRows(db)).containsExactly("b", "d", "e");
            assertThat(db.tableNames()).doesNotContain("t_a", "t_b", "t_e");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void siblingsReadyTogetherRunInIdOrderNotInTheOrderAMergeNamesThem(DatabaseKind kind) throws Exception {
        // Sourcegraph's case: 1730239195 uses a column its older sibling 1729894119 adds, without saying so.
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.add("1000000000", List.of(), "CREATE TABLE repo (id int);", "DROP TABLE repo;");
        scripts.add("1730239195", List.of("1000000000"), "CREATE INDEX repo_name ON repo (name);",
                kind == DatabaseKind.MARIADB ? "DROP INDEX repo_name ON repo;" : "DROP INDEX repo_name;");
        scripts.add("1729894119", List.of("1000000000"), "ALTER TABLE repo ADD COLUMN name varchar(20);",
                "ALTER TABLE repo DROP COLUMN name;");
        scripts.add("1740000000", List.of("1730239195", "1729894119"), "CREATE TABLE joined (id int);",
                "DROP TABLE joined;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            List<String> order = migrator(db).upgrade("heads").plan().steps().stream().map(s -> s.revision().id())
                    .toList();
            assertThat(order).containsExactly("1000000000", "1729894119", "1730239195", "1740000000");
            assertThat(versionRows(db)).containsExactly("1740000000");
            migrator(db).downgrade("base");
            assertThat(db.tableNames()).doesNotContain("repo");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void badInputCreatesNothing(DatabaseKind kind) throws Exception {
        branchAndMerge().table("e", "a");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("head")).isInstanceOf(TargetException.class)
                    .hasMessageContaining("there are 2: e, m").hasMessageContaining("use heads, a label@head or a revision");
            assertThatThrownBy(() -> migrator(db).upgrade("nosuch")).isInstanceOf(TargetException.class)
                    .hasMessageContaining("'nosuch'");
            new ScriptFolder(dir).table("x", "missing_parent");
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("revision 'x' (" + dir.resolve("x_revision.sql") + ")")
                    .hasMessageContaining("names parent 'missing_parent', which does not exist");
            assertThat(db.tableNames()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "POSTGRESQL")
    void sessionStateChangesDoNotBreakTheBookkeeping(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.add("a", List.of(), "CREATE SCHEMA other;\nSET search_path TO other;\nCREATE TABLE t_a (id int);",
                "DROP SCHEMA other CASCADE;");
        scripts.add("b", List.of("a"), "SELECT set_config('search_path', '', false);\nCREATE TABLE public.t_b (id int);",
                "DROP TABLE public.t_b;");
        scripts.add("c", List.of("b"), "SET ROLE postgres;\nCREATE TABLE public.t_c (id int);", "DROP TABLE public.t_c;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).upgrade("heads");
            assertThat(versionRows(db)).containsExactly("c");
            assertThat(strings(db, "SELECT count(*) FROM public.migrator_history")).containsExactly("3");
            assertThat(strings(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrator_version'"))
                    .containsExactly("1");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "POSTGRESQL")
    void aNonTransactionalRevisionCanCreateAnIndexConcurrently(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.add("b", List.of("a"), "CREATE INDEX CONCURRENTLY ix_a ON t_a (id);", "DROP INDEX CONCURRENTLY ix_a;",
                "transactional false");
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).upgrade("heads");
            assertThat(strings(db, "SELECT indexname FROM pg_indexes WHERE tablename = 't_a'")).containsExactly("ix_a");
            migrator(db).downgrade("a");
            assertThat(strings(db, "SELECT indexname FROM pg_indexes WHERE tablename = 't_a'")).isEmpty();
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void statusTellsPendingUpToDateAndAhead(DatabaseKind kind) throws Exception {
        branchAndMerge();
        try (TestDatabase db = TestDatabase.create(kind)) {
            MigrationStatus fresh = migrator(db).status();
            assertThat(fresh.state()).isEqualTo(MigrationStatus.State.PENDING);
            assertThat(fresh.pending()).hasSize(5);
            migrator(db).upgrade("heads");
            assertThat(migrator(db).status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
            assertThat(migrator(db).status().drifted()).isEmpty();
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void vendorLocationsAreReadForTheConnectedDatabase(DatabaseKind kind) throws Exception {
        // Scripts under {vendor} are read once the session names its dialect; the others while it opens.
        new ScriptFolder(Files.createDirectories(dir.resolve(kind.dialectName()))).table("a");
        new ScriptFolder(Files.createDirectories(dir.resolve("other"))).table("z");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = transport().migrator(db,
                    MigratorConfig.builder().locations("filesystem:" + dir + "/{vendor}").build());
            assertThat(migrator.upgrade("heads").stepsRun()).isEqualTo(1);
            assertThat(versionRows(db)).containsExactly("a");
            assertThat(db.tableNames()).contains("t_a").doesNotContain("t_z");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void aBaselineStampRecordsEveryRevisionSoLaterEditsAreCaught(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        Path a = scripts.table("a");
        scripts.table("b", "a");
        scripts.table("c", "b");
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).stamp("heads"); // an existing database taken over as it is
            assertThat(versionRows(db)).containsExactly("c");
            assertThat(strings(db, "SELECT revision FROM " + quoted(db, "migrator_history") + " ORDER BY id"))
                    .containsExactly("c", "a", "b");
            Files.writeString(a, Files.readString(a).replace("(id int)", "(id bigint)"));
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(ChecksumMismatchException.class)
                    .hasMessageContaining("changed since they ran: a (" + dir.resolve("a_revision.sql") + ")")
                    .hasMessageContaining("`stamp c`");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void anOlderReleaseBootsAgainstADatabaseANewerOneMigrated(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = branchAndMerge();
        try (TestDatabase db = TestDatabase.create(kind)) {
            scripts.table("n", "m"); // the newer release's revision
            migrator(db).upgrade("heads");
            Files.delete(dir.resolve("n_revision.sql")); // the older release, during a rolling deploy or a rollback
            MigrationStatus ahead = migrator(db).status();
            assertThat(ahead.state()).isEqualTo(MigrationStatus.State.AHEAD);
            assertThat(ahead.pending()).isEmpty();
            assertThat(ahead.current()).containsExactly("n");
            RunResult result = migrator(db).upgrade("heads");
            assertThat(result.stepsRun()).isZero();
            assertThat(versionRows(db)).containsExactly("n");

            // A revision of the older release that never ran: the graph cannot be guessed.
            scripts.table("x", "m");
            assertThat(migrator(db).status().state()).isEqualTo(MigrationStatus.State.DIVERGED);
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("at revision(s) n, which none of the 6 scripts defines")
                    .hasMessageContaining("`migrator stamp --purge REV...`");
            assertThat(db.tableNames()).doesNotContain("t_x");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.class)
    void statusTellsAheadWhenANewerReleaseMigratedPastTheHeads(DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.table("b", "a");
        Path newer = scripts.table("c", "b");
        try (TestDatabase db = TestDatabase.create(kind)) {
            migrator(db).upgrade("heads");
            Files.delete(newer); // this instance runs the release before c
            MigrationStatus ahead = migrator(db).status();
            assertThat(ahead.state()).isEqualTo(MigrationStatus.State.AHEAD);
            assertThat(ahead.pending()).isEmpty();
            assertThat(ahead.current()).containsExactly("c");

            scripts.table("e", "b"); // a revision of its own that the database never saw
            MigrationStatus diverged = migrator(db).status();
            assertThat(diverged.state()).isEqualTo(MigrationStatus.State.DIVERGED);
            assertThat(diverged.pending()).extracting(Revision::id).containsExactly("e");
        }
    }
}
