package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code lint} without a database: every revision, linted for the dialect given. */
class LintCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result lint(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("--locations", dir.toString()), Stream.of(args)).toArray(String[]::new);
        int exit = MigratorCli.execute(Map.of(), new PrintWriter(out), new PrintWriter(err), all);
        return new Result(exit, out.toString(), err.toString());
    }

    private void script(String id, String down, String upgrade) throws Exception {
        Files.writeString(dir.resolve(id + ".sql"), "-- migrator:revision " + id + "\n"
                + (down == null ? "" : "-- migrator:down " + down + "\n") + "-- migrator:upgrade\n" + upgrade + "\n");
    }

    private void threeRevisions() throws Exception {
        script("aaa1", null, "CREATE TABLE account (id bigint PRIMARY KEY, email text);\n"
                + "CREATE INDEX account_email ON account (email);");
        script("bbb2", "aaa1", "SET lock_timeout = '5s';\n-- migrator:lint-ignore dropping-column 2.3 stopped reading it\n"
                + "ALTER TABLE account DROP COLUMN email;");
        script("ccc3", "bbb2", "SET lock_timeout = '5s';\nCREATE INDEX account_id ON account (id);");
    }

    @Test
    void repeatableRevisionsAreLintedAfterTheVersionedOnesUnlessARangeIsGiven() throws Exception {
        threeRevisions();
        Files.writeString(dir.resolve("r_reports.sql"), "-- migrator:revision r_reports\n-- migrator:repeatable true\n"
                + "-- migrator:upgrade\nSET lock_timeout = '5s';\nCREATE INDEX account_report ON account (id);\n");
        Result all = lint("--dialect", "postgresql", "lint");
        assertThat(all.out()).contains("r_reports " + dir.resolve("r_reports.sql") + ":5: error"
                + " [require-concurrent-index-creation] CREATE INDEX on existing table account")
                .contains("Linted 4 revisions for postgresql: 2 errors");
        assertThat(lint("--dialect", "postgresql", "lint", "-r", "bbb2:ccc3").out()).doesNotContain("r_reports");
    }

    @Test
    void anErrorLevelFindingExitsOneAndSaysWhereAndHowToFixIt() throws Exception {
        threeRevisions();
        Result result = lint("--dialect", "postgresql", "lint");
        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).contains("ccc3 " + dir.resolve("ccc3.sql") + ":5: error"
                        + " [require-concurrent-index-creation] CREATE INDEX on existing table account")
                .contains("    CREATE INDEX account_id ON account (id)")
                .contains("    fix: CREATE INDEX CONCURRENTLY")
                .contains("bbb2 " + dir.resolve("bbb2.sql") + ":6: ignored warning [dropping-column]")
                .contains("(2.3 stopped reading it)")
                .contains("Linted 3 revisions for postgresql: 1 error, 0 warnings, 0 info, 1 ignored")
                .doesNotContain("aaa1 ");
        assertThat(result.err()).isEqualTo("error: lint found 1 error-level finding" + System.lineSeparator());
    }

    @Test
    void jsonListsFindingsWithTheIgnoreReason() throws Exception {
        threeRevisions();
        Result result = lint("--dialect", "postgresql", "lint", "--json");
        assertThat(result.exit()).isEqualTo(1);
        JsonNode report = JsonMapper.builder().build().readTree(result.out());
        assertThat(report.get("errors").asInt()).isEqualTo(1);
        assertThat(report.get("ignored").asInt()).isEqualTo(1);
        JsonNode ignored = report.get("findings").get(0);
        assertThat(ignored.get("rule").asString()).isEqualTo("dropping-column");
        assertThat(ignored.get("severity").asString()).isEqualTo("warning");
        assertThat(ignored.get("ignoredBecause").asString()).isEqualTo("2.3 stopped reading it");
        JsonNode error = report.get("findings").get(1);
        assertThat(error.get("revision").asString()).isEqualTo("ccc3");
        assertThat(error.get("line").asInt()).isEqualTo(5);
        assertThat(error.has("ignoredBecause")).isFalse();
    }

    @Test
    void aRangeAndSeverityOverridesDecideTheExitCode() throws Exception {
        threeRevisions();
        Result onlyFirstTwo = lint("--dialect", "postgresql", "lint", "-r", ":bbb2");
        assertThat(onlyFirstTwo.exit()).as(onlyFirstTwo.out()).isZero();
        assertThat(onlyFirstTwo.out()).contains("Linted 2 revisions");
        Result downgraded = lint("--dialect", "postgresql", "lint", "--severity",
                "require-concurrent-index-creation=warning");
        assertThat(downgraded.exit()).isZero();
        assertThat(downgraded.out()).contains("1 warning");
    }

    @Test
    void mariadbGetsItsOwnRules() throws Exception {
        script("aaa1", null, "ALTER TABLE account ADD COLUMN note TEXT;\n"
                + "ALTER TABLE account MODIFY COLUMN name VARCHAR(500), ALGORITHM=INPLACE, LOCK=NONE;");
        Result result = lint("--dialect", "mariadb", "lint");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("warning [mysql-algorithm-unspecified]")
                .contains("0 errors, 1 warning");
    }

    @Test
    void badInputExitsTwo() throws Exception {
        threeRevisions();
        Result noDialect = lint("lint");
        assertThat(noDialect.exit()).isEqualTo(2);
        assertThat(noDialect.err()).contains("--dialect").hasLineCount(1);
        Result badRule = lint("--dialect", "postgresql", "lint", "--severity", "no-such=off");
        assertThat(badRule.exit()).isEqualTo(2);
        assertThat(badRule.err()).contains("No lint rule 'no-such'");
        Result badRange = lint("--dialect", "postgresql", "lint", "-r", "bbb2");
        assertThat(badRange.exit()).isEqualTo(2);
        assertThat(badRange.err()).contains("lint -r takes START:END");
    }
}
