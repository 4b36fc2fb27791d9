package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands that need no database, run in-process; the database commands run in the *IT tests. */
class CliCommandsTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    record Result(int exit, String out, String err) {
        String line() {
            return out.strip();
        }
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MigratorCli.execute(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Result inDir(String... args) {
        String[] all = Stream.concat(Stream.of("--locations", dir.toString()), Stream.of(args)).toArray(String[]::new);
        return run(all);
    }

    @Test
    void revisionWritesAScriptOnTheOnlyHeadAndPrintsItsPath() throws Exception {
        Result first = inDir("revision", "-m", "create account", "--rev-id", "aaa1");
        assertThat(first.exit()).isZero();
        assertThat(first.line()).isEqualTo(dir.resolve("aaa1_create_account.sql").toString());
        Result second = inDir("revision", "-m", "add email", "--rev-id", "bbb2");
        assertThat(Files.readString(Path.of(second.line()))).contains("-- migrator:down aaa1\n");
        assertThat(inDir("heads").line()).isEqualTo("bbb2 (head)");
    }

    @Test
    void severalHeadsWithoutHeadIsBadInputThenMergeJoinsThem() {
        inDir("revision", "-m", "base", "--rev-id", "aaa1");
        inDir("revision", "-m", "one", "--rev-id", "bbb2");
        Result branch = inDir("revision", "-m", "audit", "--head", "aaa1", "--branch-label", "audit", "--rev-id", "ccc3");
        assertThat(branch.exit()).isZero();
        Result ambiguous = inDir("revision", "-m", "more");
        assertThat(ambiguous.exit()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("bbb2, ccc3").contains("--head").contains("merge").hasLineCount(1);
        assertThat(inDir("revision", "-m", "more", "--head", "audit@head", "--rev-id", "ddd4").exit()).isZero();
        // as Alembic prints them: ddd4 is on audit's branch, which its parent ccc3 starts
        assertThat(inDir("heads").out())
                .isEqualTo("bbb2 (head)\nddd4 (audit) (head)\n".replace("\n", System.lineSeparator()));
        Result merge = inDir("merge", "-m", "join", "heads", "--rev-id", "eee5");
        assertThat(merge.exit()).isZero();
        assertThat(inDir("history").out().lines().toList()).containsExactly(
                "bbb2, ddd4 -> eee5 (audit) (head) (mergepoint), join",
                "ccc3 -> ddd4 (audit), more",
                "aaa1 -> ccc3 (audit), audit",
                "aaa1 -> bbb2, one",
                "<base> -> aaa1 (branchpoint), base");
        assertThat(inDir("history", "-r", "ccc3:ddd4").out().lines().toList())
                .containsExactly("ccc3 -> ddd4 (audit), more", "aaa1 -> ccc3 (audit), audit");
        assertThat(inDir("branches").out().lines().toList()).containsExactly(
                "aaa1 (branchpoint), base", "    -> bbb2, one", "    -> ccc3 (audit), audit");
    }

    @Test
    void jsonOutputsParse() throws Exception {
        inDir("revision", "-m", "base", "--rev-id", "aaa1");
        inDir("revision", "-m", "one", "--rev-id", "bbb2", "--depends-on", "aaa1");
        JsonMapper json = JsonMapper.builder().build();
        JsonNode heads = json.readTree(inDir("--json", "heads").out());
        assertThat(heads.get("heads").get(0).get("revision").asString()).isEqualTo("bbb2");
        JsonNode history = json.readTree(inDir("history", "--json").out());
        assertThat(history.get("revisions")).hasSize(2);
        assertThat(history.get("revisions").get(1).get("parents")).isEmpty();
        JsonNode shown = json.readTree(inDir("--json", "show", "bbb").out());
        assertThat(shown.get("revision").get("dependsOn").get(0).asString()).isEqualTo("aaa1");
        assertThat(shown.get("reversible").asBoolean()).isTrue();
        assertThat(shown.get("checksum").asString()).hasSize(64);
    }

    @Test
    void showPrintsTheRevisionInAlembicsShape() {
        inDir("revision", "-m", "base", "--rev-id", "aaa1", "--branch-label", "core");
        Result shown = inDir("show", "core");
        assertThat(shown.out()).contains("Rev: aaa1 (core) (head)").contains("Parent: <base>")
                .contains("Branch names: core").contains("Path: " + dir.resolve("aaa1_base.sql"));
    }

    @Test
    void aRepeatableRevisionStaysOutOfTheGraphCommandsAndComesLastInTheOfflineScript() throws Exception {
        inDir("revision", "-m", "base", "--rev-id", "aaa1");
        Result written = inDir("revision", "-m", "Views", "--repeatable");
        assertThat(written.line()).isEqualTo(dir.resolve("r_views.sql").toString());
        Files.writeString(dir.resolve("r_views.sql"), Files.readString(dir.resolve("r_views.sql"))
                + "CREATE OR REPLACE VIEW v AS SELECT 1 AS one;\n");
        Result taken = inDir("revision", "-m", "views", "--repeatable");
        assertThat(taken.exit()).isEqualTo(2);
        assertThat(taken.err()).contains("id r_views is used by").hasLineCount(1);
        assertThat(inDir("revision", "-m", "x", "--repeatable", "--head", "aaa1").err())
                .contains("--repeatable takes no --head");
        assertThat(inDir("revision", "-m", "x", "--rev-id", "r_views").err())
                .contains("--rev-id r_views is taken by the repeatable revision");
        assertThat(inDir("revision", "-m", "next", "--rev-id", "bbb2").exit()).isZero(); // one head: aaa1
        assertThat(inDir("heads").line()).isEqualTo("bbb2 (head)");
        assertThat(inDir("history").out()).doesNotContain("r_views");
        Result shown = inDir("show", "r_views");
        assertThat(shown.out()).contains("Rev: r_views (repeatable)").contains("Repeatable: runs after the versioned")
                .doesNotContain("Parent:").contains("Path: " + dir.resolve("r_views.sql"));
        String script = inDir("--dialect", "postgresql", "upgrade", "--sql").out();
        assertThat(script.indexOf("CREATE OR REPLACE VIEW v")).isGreaterThan(script.indexOf("bbb2"));
        assertThat(inDir("--dialect", "postgresql", "stamp", "heads", "--sql").out()).doesNotContain("VIEW");
    }

    @Test
    void badLabelsAndIdsWriteNoFile() throws Exception {
        inDir("revision", "-m", "base", "--rev-id", "aaa1", "--branch-label", "core");
        List<Result> bad = List.of(
                inDir("revision", "-m", "x", "--branch-label", "core"),
                inDir("revision", "-m", "x", "--branch-label", "heads"),
                inDir("revision", "-m", "x", "--rev-id", "aaa1"),
                inDir("revision", "-m", "x", "--rev-id", "no way"),
                inDir("revision", "-m", "x", "--depends-on", "zzz"),
                inDir("merge", "-m", "x", "heads"));
        for (Result result : bad) {
            assertThat(result.exit()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: ").hasLineCount(1).doesNotContain("Exception");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        for (Result result : List.of(run("frobnicate"), run("upgrade", "--bogus"), run("downgrade"),
                run("revision"), run("--json"), run("history", "-r"))) {
            assertThat(result.exit()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: ").hasLineCount(1);
        }
    }

    @Test
    void onlineCommandsWithoutAUrlSaySoAndOfflineNeedsADialect() {
        Result noUrl = inDir("current");
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(noUrl.err()).contains("--url").contains("DATABASE_URL");
        Result noDialect = inDir("upgrade", "--sql");
        assertThat(noDialect.exit()).isEqualTo(2);
        assertThat(noDialect.err()).contains("--dialect");
        Result range = inDir("--url", "jdbc:h2:mem:x", "upgrade", "base:heads");
        assertThat(range.exit()).isEqualTo(2);
        assertThat(range.err()).contains("--sql");
        Result offlineDowngrade = inDir("--dialect", "postgresql", "downgrade", "base", "--sql");
        assertThat(offlineDowngrade.exit()).isEqualTo(2);
        assertThat(offlineDowngrade.err()).contains("START:END");
    }

    @Test
    void sqlReadsTheDialectFromTheEnvironmentsUrlAndNeverConnects() {
        inDir("revision", "-m", "base", "--rev-id", "aaa1");
        // Nothing listens on port 1: the script still comes out, so nothing was opened.
        env.put("DATABASE_URL", "mariadb://root:pw@127.0.0.1:1/nowhere");
        Result script = inDir("upgrade", "--sql");
        assertThat(script.exit()).as(script.err()).isZero();
        assertThat(script.out()).contains("INSERT INTO `migrator_version`").contains("'aaa1'");
        env.put("MIGRATOR_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThat(inDir("upgrade", "--sql").out()).contains(":\"migrator_schema\"");
    }

    @Test
    void globalOptionsWorkAfterTheSubcommandToo() {
        Result after = run("heads", "--locations", dir.toString(), "--json");
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out()).contains("\"heads\"");
    }

    @Test
    void aConnectionFailureIsExitOneWithoutThePassword() {
        env.put("DATABASE_URL", "postgresql://someone:topsecret@127.0.0.1:1/nowhere");
        Result failed = inDir("current");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).startsWith("error: Cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere as someone")
                .hasLineCount(1).doesNotContain("topsecret");
    }

    @Test
    void checkFlagsUnlabelledHeadsOnly() {
        inDir("revision", "-m", "base", "--rev-id", "aaa1");
        inDir("revision", "-m", "one", "--rev-id", "bbb2");
        inDir("revision", "-m", "two", "--rev-id", "ccc3", "--head", "aaa1", "--branch-label", "two");
        MigratorCli cli = new MigratorCli(Map.of());
        cli.locations = List.of(dir.toString());
        assertThat(CheckCommand.unlabelledHeads(cli.catalog().graph())).containsExactly("bbb2");
        inDir("revision", "-m", "three", "--rev-id", "ddd4", "--head", "bbb2", "--branch-label", "one");
        assertThat(CheckCommand.unlabelledHeads(cli.catalog().graph())).isEmpty();
    }

    @Test
    void headsAndHistoryShowInheritedLabelsAndEffectiveHeadsAsAlembicDoes() {
        // Alembic 1.8.1 on the same graph prints exactly these lines for heads and history.
        inDir("revision", "-m", "", "--rev-id", "aa");
        inDir("revision", "-m", "", "--rev-id", "bb", "--head", "aa", "--branch-label", "pine");
        inDir("revision", "-m", "", "--rev-id", "cc", "--head", "bb");
        inDir("revision", "-m", "", "--rev-id", "dd", "--head", "aa", "--branch-label", "other", "--depends-on", "cc");
        assertThat(inDir("heads").out().lines()).containsExactlyInAnyOrder("dd (other) (head)",
                "cc (pine) (effective head)");
        assertThat(inDir("history").out().lines()).containsExactly("aa (cc) -> dd (other) (head)",
                "bb -> cc (pine) (effective head)", "aa -> bb (pine)", "<base> -> aa (branchpoint)");
    }

    @Test
    void anOfflinePurgeEmptiesTheTableThenWritesEveryTarget() {
        inDir("revision", "-m", "base", "--rev-id", "aaa1");
        inDir("revision", "-m", "other", "--rev-id", "bbb2", "--head", "base", "--branch-label", "other");
        Result script = inDir("--dialect", "postgresql", "stamp", "aaa1", "bbb2", "--purge", "--sql");
        assertThat(script.exit()).as(script.err()).isZero();
        String sql = script.out();
        assertThat(sql.indexOf("DELETE FROM")).isPositive().isLessThan(sql.indexOf("VALUES ('aaa1')"));
        assertThat(sql).contains("VALUES ('bbb2')").containsOnlyOnce("BEGIN;").containsOnlyOnce("COMMIT;");
        assertThat(inDir("--dialect", "postgresql", "stamp", "base:aaa1", "--purge", "--sql").err())
                .contains("range");
    }

    @Test
    void everyCommandHasHelpInAllThreeSpellings() {
        List<String> commands = List.of("upgrade", "downgrade", "stamp", "current", "heads", "branches", "history",
                "show", "pending", "check", "revision", "merge");
        for (String command : commands) {
            for (Result help : List.of(run(command, "--help"), run(command, "-h"), run("help", command))) {
                assertThat(help.exit()).as(command + ": " + help.err()).isZero();
                assertThat(help.out()).as(command).contains("Usage: migrator " + command);
                assertThat(help.err()).as(command).isEmpty();
            }
        }
        assertThat(run("help").out()).contains("Commands:", "upgrade", "help");
    }

    @Test
    void revisionSaysWhenItCreatesTheFolder() {
        Path fresh = dir.resolve("db/migrations");
        Result first = run("--locations", fresh.toString(), "revision", "-m", "base", "--rev-id", "aaa1");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("note: created the folder " + fresh + ", which did not exist")
                .hasLineCount(1);
        Result second = run("--locations", fresh.toString(), "revision", "-m", "next", "--rev-id", "bbb2");
        assertThat(second.err()).isEmpty();
    }

    @Test
    void upgradeDowngradeAndStampStopWhenTheLocationsHoldNoScript() throws Exception {
        Files.createDirectories(dir.resolve("postgres"));
        Files.writeString(dir.resolve("postgres/a.sql"), "-- migrator:revision aaa1\n-- migrator:upgrade\nSELECT 1;\n");
        String vendorFolders = dir + "/{vendor}";
        for (Result result : List.of(
                run("--locations", vendorFolders, "--dialect", "postgresql", "upgrade", "--sql"),
                run("--locations", vendorFolders, "--url", "jdbc:h2:mem:noscripts", "upgrade"),
                run("--locations", vendorFolders, "--url", "jdbc:h2:mem:noscripts", "downgrade", "base"),
                run("--locations", vendorFolders, "--url", "jdbc:h2:mem:noscripts", "stamp", "heads"))) {
            assertThat(result.exit()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: No revision script").contains("does not exist; folders beside"
                    + " it: postgres").contains("{vendor} is '").hasLineCount(1);
        }
        Result allowed = run("--locations", vendorFolders, "--url", "jdbc:h2:mem:noscripts",
                "--no-fail-on-missing-locations", "upgrade");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("Nothing to upgrade");
    }
}
