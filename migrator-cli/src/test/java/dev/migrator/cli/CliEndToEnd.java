package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end tests of the real jar against one kind of database; {@code PostgresCliIT} and
 * {@code MariaDbCliIT} run them. A database that cannot be reached fails them.
 */
abstract class CliEndToEnd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    abstract DatabaseKind kind();

    /** Runs an offline script with the database's own client, stopping at the first error. */
    abstract void applyWithClient(TestDatabase db, Path script);

    CliJar.Result cli(TestDatabase db, Path scripts, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", db.url(), "--user", db.user(), "--password", db.password(),
                "--locations", scripts.toString()));
        all.addAll(List.of(args));
        return CliJar.run(work, Map.of(), all);
    }

    static CliJar.Result ok(CliJar.Result result) {
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    /** Replaces the sections of a script written by {@code revision}; a null downgrade makes it irreversible. */
    static void fill(Path script, String upgrade, String downgrade) throws Exception {
        String text = Files.readString(script);
        String header = text.substring(0, text.indexOf("-- migrator:upgrade"));
        Files.writeString(script, header + "-- migrator:upgrade\n" + upgrade + "\n"
                + (downgrade == null ? "" : "\n-- migrator:downgrade\n" + downgrade + "\n"));
    }

    static Set<String> versionRows(TestDatabase db) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM migrator_version")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    static JsonNode json(CliJar.Result result) {
        return JSON.readTree(ok(result).out());
    }

    @Test
    void aJavaRevisionIsWrittenShownAndRunFromTheClassPath() throws Exception {
        Path scripts = work.resolve("migrations");
        String name = UpperCaseNames.class.getName();
        String classes = Path.of(UpperCaseNames.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        try (TestDatabase db = TestDatabase.create(kind())) {
            Path a = Path.of(ok(cli(db, scripts, "revision", "-m", "names")).out().strip());
            fill(a, "CREATE TABLE names (name varchar(50));\nINSERT INTO names VALUES ('ann');", "DROP TABLE names;");
            String first = a.getFileName().toString().substring(0, 12);
            Path java = Path.of(ok(cli(db, scripts, "revision", "-m", "upper case names", "--java", name)).out().strip());
            assertThat(Files.readString(java)).contains("-- migrator:java " + name + "\n-- migrator:java-version 1\n");
            String id = java.getFileName().toString().substring(0, 12);
            assertThat(ok(cli(db, scripts, "show", id)).out()).contains("Java: " + name + " (java-version 1;")
                    .contains("Reversible: true");
            assertThat(ok(cli(db, scripts, "history")).out())
                    .contains(first + " -> " + id + " (head) (java), upper case names");

            CliJar.Result withoutClasses = cli(db, scripts, "upgrade");
            assertThat(withoutClasses.exit()).as(withoutClasses.toString()).isEqualTo(2);
            assertThat(withoutClasses.err()).contains("Java revision " + id, "class " + name
                    + " is not on the class path", "--class-path", "Nothing was applied");
            assertThat(db.tableNames()).doesNotContain("names", "migrator_version");
            CliJar.Result offline = cli(db, scripts, "upgrade", "--sql");
            assertThat(offline.exit()).as(offline.toString()).isEqualTo(2);
            assertThat(offline.out()).isEmpty();
            assertThat(offline.err()).contains("Revision " + id, "is a Java revision (" + name + "), which runs only"
                    + " online", "upgrade --sql START:" + first);

            assertThat(ok(cli(db, scripts, "--class-path", classes, "upgrade")).out())
                    .contains("Running upgrade " + first + " -> " + id + ", upper case names (java " + name + ")");
            assertThat(names(db)).containsExactly("ANN");
            assertThat(versionRows(db)).containsExactly(id);
            ok(cli(db, scripts, "--class-path", classes, "downgrade", "-1"));
            assertThat(names(db)).containsExactly("ann");
            assertThat(versionRows(db)).containsExactly(first);
        }
    }

    private static List<String> names(TestDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM names")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void theDevelopersLoopFromRevisionToStampAndAnOfflineExportThatMatches() throws Exception {
        Path scripts = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create(kind()); TestDatabase offline = TestDatabase.create(kind())) {
            Path a = Path.of(ok(cli(db, scripts, "revision", "-m", "create account")).out().strip());
            fill(a, "CREATE TABLE account (id int PRIMARY KEY, name varchar(100) NOT NULL);", "DROP TABLE account;");
            String aId = a.getFileName().toString().substring(0, 12);
            Path b = Path.of(ok(cli(db, scripts, "revision", "-m", "add email", "--rev-id", "b0b0b0b0b0b0"))
                    .out().strip());
            fill(b, "ALTER TABLE account ADD COLUMN email varchar(200);", "ALTER TABLE account DROP COLUMN email;");
            assertThat(Files.readString(b)).contains("-- migrator:down " + aId);
            Path c = Path.of(ok(cli(db, scripts, "revision", "-m", "audit log", "--head", aId.substring(0, 6),
                    "--branch-label", "audit", "--rev-id", "c0c0c0c0c0c0")).out().strip());
            fill(c, "CREATE TABLE audit_log (id int PRIMARY KEY);", "DROP TABLE audit_log;");
            String bId = b.getFileName().toString().substring(0, 12);
            String cId = c.getFileName().toString().substring(0, 12);

            CliJar.Result twoHeads = cli(db, scripts, "revision", "-m", "more");
            assertThat(twoHeads.exit()).isEqualTo(2);
            assertThat(twoHeads.err()).contains(bId).contains(cId).contains("--head").hasLineCount(1);
            assertThat(ok(cli(db, scripts, "heads")).lines()).containsExactly(bId + " (head)", cId + " (audit) (head)");
            assertThat(json(cli(db, scripts, "--json", "heads")).get("heads")).hasSize(2);

            Path m = Path.of(ok(cli(db, scripts, "merge", "-m", "join", "heads")).out().strip());
            String mId = m.getFileName().toString().substring(0, 12);
            assertThat(Files.readString(m)).contains("-- migrator:down " + bId + ", " + cId);

            CliJar.Result upgrade = ok(cli(db, scripts, "upgrade"));
            assertThat(upgrade.out()).contains("Running upgrade <base> -> " + aId + ", create account")
                    .containsPattern("Finished upgrade " + aId + " in \\d+ ms")
                    .contains("Running upgrade " + bId + ", " + cId + " -> " + mId + ", join")
                    .contains("Upgraded to " + mId + ": 4 steps");
            assertThat(upgrade.err()).isEmpty();
            assertThat(versionRows(db)).containsExactly(mId);

            assertThat(ok(cli(db, scripts, "current")).lines()).containsExactly(mId + " (audit) (head) (mergepoint)");
            JsonNode current = json(cli(db, scripts, "current", "--json")).get("current");
            assertThat(current.get(0).get("revision").asString()).isEqualTo(mId);
            assertThat(current.get(0).get("head").asBoolean()).isTrue();
            assertThat(ok(cli(db, scripts, "history", "-i")).lines()).containsExactly(
                    bId + ", " + cId + " -> " + mId + " (audit) (head) (mergepoint) (current), join",
                    aId + " -> " + cId + " (audit), audit log",
                    aId + " -> " + bId + ", add email",
                    "<base> -> " + aId + " (branchpoint), create account");
            JsonNode history = json(cli(db, scripts, "history", "--json")).get("revisions");
            assertThat(history).hasSize(4);
            assertThat(history.get(0).get("mergePoint").asBoolean()).isTrue();
            assertThat(ok(cli(db, scripts, "branches")).out()).contains(aId + " (branchpoint)");
            JsonNode shown = json(cli(db, scripts, "show", "--json", mId.substring(0, 8)));
            assertThat(shown.get("revision").get("parents").toString()).contains(bId).contains(cId);
            assertThat(ok(cli(db, scripts, "show", "audit")).out()).contains("Rev: " + cId + " (audit)")
                    .contains("Parent: " + aId).contains("Path: " + c);
            assertThat(ok(cli(db, scripts, "pending")).out()).isEmpty();
            assertThat(json(cli(db, scripts, "pending", "--json")).get("state").asString()).isEqualTo("up-to-date");
            assertThat(ok(cli(db, scripts, "check")).out()).startsWith("OK");
            assertThat(json(cli(db, scripts, "check", "--json")).get("ok").asBoolean()).isTrue();

            // Downgrading to one branch un-applies the merge and the other branch.
            assertThat(ok(cli(db, scripts, "downgrade", "audit")).out()).contains("Running downgrade " + mId)
                    .contains("Running downgrade " + bId + " -> " + aId);
            assertThat(versionRows(db)).containsExactly(cId);
            CliJar.Result behind = cli(db, scripts, "check");
            assertThat(behind.exit()).isEqualTo(1);
            assertThat(behind.err()).contains("pending: ").contains(bId).contains(mId).hasLineCount(1);
            JsonNode report = JSON.readTree(cli(db, scripts, "check", "--json").out());
            assertThat(report.get("ok").asBoolean()).isFalse();
            assertThat(report.get("state").asString()).isEqualTo("pending");
            assertThat(report.get("pending")).hasSize(2);
            assertThat(ok(cli(db, scripts, "pending")).lines()).containsExactly(aId + " -> " + bId + ", add email",
                    bId + ", " + cId + " -> " + mId + " (audit) (head) (mergepoint), join");
            ok(cli(db, scripts, "downgrade", "-1"));
            assertThat(versionRows(db)).containsExactly(aId);
            assertThat(db.tableNames()).contains("account").doesNotContain("audit_log");

            ok(cli(db, scripts, "downgrade", "base"));
            assertThat(versionRows(db)).isEmpty();
            assertThat(db.tableNames()).containsExactly("migrator_history", "migrator_version");

            assertThat(ok(cli(db, scripts, "stamp", "heads")).out()).contains("Stamped to " + mId)
                    .contains("Running stamp <base> -> " + mId);
            assertThat(versionRows(db)).containsExactly(mId);
            assertThat(db.tableNames()).doesNotContain("account");
            ok(cli(db, scripts, "stamp", "base"));
            ok(cli(db, scripts, "upgrade", "heads"));
            assertThat(versionRows(db)).containsExactly(mId);

            // The offline script, from the URL's dialect, gives a second database the same rows and tables.
            CliJar.Result script = ok(cli(offline, scripts, "upgrade", "--sql"));
            assertThat(versionRows(db)).containsExactly(mId);
            assertThat(offline.tableNames()).isEmpty();
            Path file = work.resolve("upgrade.sql");
            Files.writeString(file, script.out(), StandardCharsets.UTF_8);
            applyWithClient(offline, file);
            assertThat(versionRows(offline)).isEqualTo(versionRows(db));
            assertThat(offline.tableNames()).isEqualTo(db.tableNames());
            assertThat(ok(cli(offline, scripts, "check")).out()).startsWith("OK");

            // An edited applied revision: check and upgrade name it; the flag lets the run go on.
            Files.writeString(a, Files.readString(a).replace("name varchar(100)", "name varchar(120)"));
            CliJar.Result drifted = cli(db, scripts, "check");
            assertThat(drifted.exit()).isEqualTo(1);
            assertThat(drifted.err()).contains(aId).contains(a.toString());
            CliJar.Result refused = cli(db, scripts, "upgrade");
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains(aId).hasLineCount(1);
            assertThat(ok(cli(db, scripts, "--no-validate-checksums", "upgrade")).out()).contains("Nothing to upgrade");
            ok(cli(db, scripts, "stamp", "heads"));
            assertThat(ok(cli(db, scripts, "check")).out()).startsWith("OK");
        }
    }

    /** One bad input: its scripts, the command, and what the message must name. */
    record BadInput(String name, Map<String, String> files, List<String> args, List<String> culprits) {
    }

    static String script(String id, String down, String extraHeader) {
        return "-- migrator:revision " + id + "\n-- migrator:down " + down + "\n" + extraHeader
                + "-- migrator:upgrade\nCREATE TABLE t_" + id + " (id int);\n-- migrator:downgrade\nDROP TABLE t_" + id
                + ";\n";
    }

    static List<BadInput> badInputs() {
        Map<String, String> twoBases = Map.of("abc1.sql", script("abc1", "", ""), "abc2.sql", script("abc2", "", ""));
        return List.of(
                new BadInput("malformed header", Map.of("ok.sql", script("r1", "", ""),
                        "broken_header.sql", "-- migrator:message no revision line\n-- migrator:upgrade\nSELECT 1;\n"),
                        List.of("upgrade"), List.of("broken_header.sql")),
                new BadInput("duplicate id", Map.of("one.sql", script("dup1", "", ""), "two.sql", script("dup1", "", "")),
                        List.of("upgrade"), List.of("dup1", "one.sql", "two.sql")),
                new BadInput("missing parent", Map.of("orphan.sql", script("r1", "ghost", "")),
                        List.of("upgrade"), List.of("ghost", "orphan.sql")),
                new BadInput("missing dependency", Map.of("needy.sql", script("r1", "", "-- migrator:depends-on phantom\n")),
                        List.of("upgrade"), List.of("phantom", "needy.sql")),
                new BadInput("cycle", Map.of("c1.sql", script("c1", "c2", ""), "c2.sql", script("c2", "c1", "")),
                        List.of("upgrade"), List.of("c1", "c2")),
                new BadInput("duplicate label", Map.of(
                        "l1.sql", script("l1", "", "-- migrator:branch-labels billing\n"),
                        "l2.sql", script("l2", "", "-- migrator:branch-labels billing\n")),
                        List.of("upgrade"), List.of("billing", "l1", "l2")),
                new BadInput("unknown target", twoBases, List.of("upgrade", "nosuch"), List.of("nosuch")),
                new BadInput("ambiguous prefix", twoBases, List.of("upgrade", "abc"), List.of("abc1", "abc2")),
                new BadInput("head with several heads", twoBases, List.of("upgrade", "head"), List.of("abc1", "abc2")),
                new BadInput("unknown option", twoBases, List.of("upgrade", "--frobnicate"), List.of("--frobnicate")),
                new BadInput("missing target", twoBases, List.of("downgrade"), List.of("TARGET")),
                new BadInput("unknown command", twoBases, List.of("upgrayedd"), List.of("upgrayedd")),
                new BadInput("range online", twoBases, List.of("upgrade", "base:heads"), List.of("--sql")));
    }

    @Test
    void aVersionTableThatCannotBeRightIsRepairedByTheCommandItsMessagePrints() throws Exception {
        Path scripts = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create(kind())) {
            ok(cli(db, scripts, "revision", "-m", "one", "--rev-id", "aaa"));
            ok(cli(db, scripts, "revision", "-m", "two", "--rev-id", "bbb"));
            ok(cli(db, scripts, "upgrade"));
            // the rows the broken purge used to leave, and a row no script defines
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO migrator_version (version_num) VALUES ('aaa'), ('ghost')");
            }
            CliJar.Result refused = cli(db, scripts, "downgrade", "-1");
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("ghost").hasLineCount(1);
            assertThat(cli(db, scripts, "check").exit()).isEqualTo(1);
            java.util.regex.Matcher repair = java.util.regex.Pattern.compile("`migrator (stamp --purge [^`]+)`")
                    .matcher(refused.err());
            assertThat(repair.find()).as(refused.err()).isTrue();
            assertThat(repair.group(1)).isEqualTo("stamp --purge bbb");

            CliJar.Result repaired = ok(cli(db, scripts, repair.group(1).split(" ")));
            assertThat(repaired.out()).contains("Emptied the version table (it held aaa, bbb, ghost) and stamped bbb");
            assertThat(versionRows(db)).containsExactly("bbb");
            assertThat(ok(cli(db, scripts, "check")).out()).startsWith("OK");
            ok(cli(db, scripts, "downgrade", "-1"));
            assertThat(versionRows(db)).containsExactly("aaa");
        }
    }

    @Test
    void severalStampTargetsAndSeveralHeadsThatCheckOnlyNotesUnlessAskedForOne() throws Exception {
        Path scripts = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create(kind())) {
            ok(cli(db, scripts, "revision", "-m", "one", "--rev-id", "aaa"));
            ok(cli(db, scripts, "revision", "-m", "two", "--rev-id", "bbb", "--head", "base"));
            ok(cli(db, scripts, "revision", "-m", "three", "--rev-id", "ccc", "--head", "base"));
            ok(cli(db, scripts, "stamp", "aaa", "bbb"));
            assertThat(versionRows(db)).containsExactly("aaa", "bbb");
            ok(cli(db, scripts, "upgrade"));
            CliJar.Result check = ok(cli(db, scripts, "check"));
            assertThat(check.out()).contains("OK").contains("note: the scripts have 3 heads (aaa, bbb, ccc)");
            CliJar.Result single = cli(db, scripts, "check", "--single-head");
            assertThat(single.exit()).isEqualTo(1);
            assertThat(single.err()).contains("3 heads");
        }
    }

    @Test
    void everyBadInputExitsTwoWithOneLineNamingTheCulpritAndTouchesNothing() throws Exception {
        try (TestDatabase db = TestDatabase.create(kind())) {
            for (BadInput bad : badInputs()) {
                Path scripts = Files.createDirectories(work.resolve(bad.name().replace(' ', '_')));
                for (Map.Entry<String, String> file : bad.files().entrySet()) {
                    Files.writeString(scripts.resolve(file.getKey()), file.getValue());
                }
                CliJar.Result result = cli(db, scripts, bad.args().toArray(String[]::new));
                assertThat(result.exit()).as(bad.name() + ": " + result).isEqualTo(2);
                assertThat(result.err()).as(bad.name()).startsWith("error: ").hasLineCount(1)
                        .doesNotContain("Exception").doesNotContain("\tat ");
                for (String culprit : bad.culprits()) {
                    assertThat(result.err()).as(bad.name()).contains(culprit);
                }
                assertThat(result.out()).as(bad.name()).isEmpty();
                assertThat(db.tableNames()).as(bad.name() + " created tables").isEmpty();
            }
        }
    }

    @Test
    void downgradeThroughAnIrreversibleRevisionChangesNothing() throws Exception {
        Path scripts = Files.createDirectories(work.resolve("irreversible"));
        Files.writeString(scripts.resolve("r1.sql"), script("r1", "", ""));
        Files.writeString(scripts.resolve("r2_no_way_back.sql"), "-- migrator:revision r2\n-- migrator:down r1\n"
                + "-- migrator:upgrade\nCREATE TABLE t_r2 (id int);\n");
        try (TestDatabase db = TestDatabase.create(kind())) {
            ok(cli(db, scripts, "upgrade"));
            List<String> tables = db.tableNames();
            CliJar.Result result = cli(db, scripts, "downgrade", "base");
            assertThat(result.exit()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).contains("r2").contains("r2_no_way_back.sql").hasLineCount(1)
                    .doesNotContain("Exception");
            assertThat(versionRows(db)).containsExactly("r2");
            assertThat(db.tableNames()).isEqualTo(tables);
        }
    }

    @Test
    void lintAndCheckWithAUrlSkipTheAppliedRevisionsUnlessAsked() throws Exception {
        Path scripts = Files.createDirectories(work.resolve("lint"));
        Files.writeString(scripts.resolve("l1.sql"), "-- migrator:revision l1\n-- migrator:upgrade\n"
                + "CREATE TABLE t_lint (id bigint PRIMARY KEY, name varchar(100));\n");
        try (TestDatabase db = TestDatabase.create(kind())) {
            ok(cli(db, scripts, "upgrade"));
            Files.writeString(scripts.resolve("l2.sql"), "-- migrator:revision l2\n-- migrator:down l1\n"
                    + "-- migrator:upgrade\nALTER TABLE t_lint RENAME COLUMN name TO full_name;\n");
            CliJar.Result pending = cli(db, scripts, "lint");
            assertThat(pending.exit()).as(pending.toString()).isEqualTo(1);
            assertThat(pending.out()).contains("l2 " + scripts.resolve("l2.sql") + ":4: error [renaming-column]")
                    .contains("Linted 1 revision for " + kind().name().toLowerCase(java.util.Locale.ROOT) + ": 1 error");
            CliJar.Result check = cli(db, scripts, "check", "--json");
            assertThat(check.exit()).isEqualTo(1);
            JsonNode checked = JSON.readTree(check.out());
            assertThat(checked.get("lint").valueStream().map(finding -> finding.get("rule").asString()))
                    .contains("renaming-column");
            assertThat(checked.get("problems").toString()).contains("1 error-level lint finding(s)");
            JsonNode all = json(cli(db, scripts, "lint", "--include-applied", "--json", "--severity",
                    "renaming-column=warning"));
            assertThat(all.get("revisions").asInt()).isEqualTo(2);
            assertThat(all.get("errors").asInt()).isZero();
            assertThat(all.get("findings").valueStream().filter(f -> f.get("rule").asString().equals("renaming-column"))
                    .map(f -> f.get("severity").asString())).containsExactly("warning");
            ok(cli(db, scripts, "upgrade"));
            assertThat(ok(cli(db, scripts, "lint")).out()).contains("Linted 0 revisions");
        }
    }

    @Test
    void aFailingStatementIsExitOneNamingFileAndLine() throws Exception {
        Path scripts = Files.createDirectories(work.resolve("failing"));
        Files.writeString(scripts.resolve("f1_fails.sql"), "-- migrator:revision f1\n-- migrator:down\n\n"
                + "-- migrator:upgrade\nCREATE TABLE t_ok (id int);\n\nINSERT INTO no_such_table VALUES (1);\n"
                + "-- migrator:downgrade\nDROP TABLE t_ok;\n");
        try (TestDatabase db = TestDatabase.create(kind())) {
            CliJar.Result result = cli(db, scripts, "upgrade");
            assertThat(result.exit()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: ").contains("f1_fails.sql:7").contains("f1").hasLineCount(1)
                    .doesNotContain("\tat ");
            assertThat(result.out()).contains("Running upgrade <base> -> f1").contains("Failed upgrade f1 after");
        }
    }

    @Test
    void aConnectionFailureIsExitOneWithThePasswordRedacted() {
        String scheme = kind() == DatabaseKind.POSTGRESQL ? "postgresql" : "mariadb";
        CliJar.Result result = CliJar.run(work, Map.of("DATABASE_URL", scheme + "://someone:topsecret@127.0.0.1:1/nowhere"),
                List.of("--locations", work.toString(), "current"));
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: Cannot connect to jdbc:" + scheme + "://127.0.0.1:1/nowhere as someone")
                .hasLineCount(1).doesNotContain("topsecret");
    }

    @Test
    void theEnvironmentGivesTheUrlAndTheDefaultLocationIsUnderTheWorkingDirectory() throws Exception {
        Path scripts = Files.createDirectories(work.resolve("src/main/resources/db/migrations"));
        Files.writeString(scripts.resolve("e1.sql"), script("e1", "", ""));
        try (TestDatabase db = TestDatabase.create(kind())) {
            Map<String, String> env = Map.of("MIGRATOR_URL", db.url(), "MIGRATOR_USER", db.user(),
                    "MIGRATOR_PASSWORD", db.password(), "DATABASE_URL", "postgresql://x:y@127.0.0.1:1/ignored");
            CliJar.Result result = CliJar.run(work, env, List.of("upgrade"));
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(versionRows(db)).containsExactly("e1");
            try (Stream<String> lines = CliJar.run(work, env, List.of("current")).out().lines()) {
                assertThat(lines).containsExactly("e1 (head)");
            }
        }
    }
}
