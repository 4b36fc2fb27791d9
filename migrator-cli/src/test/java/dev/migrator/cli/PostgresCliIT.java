package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresCliIT extends CliEndToEnd {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }

    @Override
    void applyWithClient(TestDatabase db, Path script) {
        Clients.apply(db, script);
    }

    @Test
    void lintLocksAppliesThePendingRevisionsAndShowsCreateIndexBlocksWritesAndConcurrentlyDoesNot()
            throws Exception {
        Path scripts = Files.createDirectories(work.resolve("locks"));
        Files.writeString(scripts.resolve("x1_index.sql"), "-- migrator:revision x1\n-- migrator:upgrade\n"
                + "CREATE INDEX account_email ON account (email);\n");
        Files.writeString(scripts.resolve("x2_concurrently.sql"), "-- migrator:revision x2\n-- migrator:down x1\n"
                + "-- migrator:transactional false\n-- migrator:upgrade\n"
                + "CREATE INDEX CONCURRENTLY account_email2 ON account (email);\n");
        try (TestDatabase db = TestDatabase.create(kind())) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE account (id bigint PRIMARY KEY, email text)");
                st.execute("INSERT INTO account SELECT g, 'a' || g FROM generate_series(1, 1000) g");
            }
            CliJar.Result result = cli(db, scripts, "lint", "--locks");
            assertThat(result.exit()).as(result.toString()).isEqualTo(1);
            assertThat(result.out()).contains("error [require-concurrent-index-creation]")
                    .contains("Measured locks on tables that existed before (2 statements")
                    .containsPattern("x1 \\S+x1_index.sql:3 \\(\\d+ ms\\) CREATE INDEX account_email ON account"
                            + " \\(email\\)\\R    public.account ShareLock: reads go on, writes BLOCKED")
                    .containsPattern("x2 \\S+x2_concurrently.sql:5 \\(\\d+ ms\\) CREATE INDEX CONCURRENTLY"
                            + " account_email2 ON account \\(email\\)\\R    public.account ShareUpdateExclusiveLock:"
                            + " reads go on, writes go on");
            assertThat(versionRows(db)).containsExactly("x2");
            assertThat(ok(cli(db, scripts, "lint", "--locks")).out()).contains("Linted 0 revisions")
                    .contains("(0 statements applied");
        }
    }

    @Test
    void lintLocksWithARangeAppliesWhatTheRangeNeedsAndReportsOnlyTheRange() throws Exception {
        Path scripts = Files.createDirectories(work.resolve("locks-range"));
        Files.writeString(scripts.resolve("y1_column.sql"), "-- migrator:revision y1\n-- migrator:upgrade\n"
                + "ALTER TABLE account ADD COLUMN note text;\n");
        Files.writeString(scripts.resolve("y2_index.sql"), "-- migrator:revision y2\n-- migrator:down y1\n"
                + "-- migrator:upgrade\nCREATE INDEX account_note ON account (note);\n");
        Files.writeString(scripts.resolve("y3_index.sql"), "-- migrator:revision y3\n-- migrator:down y2\n"
                + "-- migrator:upgrade\nCREATE INDEX account_email ON account (email);\n");
        try (TestDatabase db = TestDatabase.create(kind())) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE account (id bigint PRIMARY KEY, email text)");
            }
            CliJar.Result result = cli(db, scripts, "lint", "--locks", "-r", "y2:y2");
            assertThat(result.out()).as(result.toString()).contains("(1 statement")
                    .containsPattern("y2 \\S+y2_index.sql:4 \\(\\d+ ms\\) CREATE INDEX account_note")
                    .doesNotContain("y1 ").doesNotContain("account_email");
            // y1 was applied too, since y2 needs it; y3 was not.
            assertThat(versionRows(db)).containsExactly("y2");
            assertThat(db.tableNames()).contains("account");
        }
    }

    @Test
    void insideTheSampleAppAUrlIsTheOnlyFlagAnUpgradeNeeds() throws Exception {
        Path sample = Path.of("..", "sample-app").toAbsolutePath().normalize();
        assertThat(sample.resolve("src/main/resources/application.properties")).exists();
        try (TestDatabase db = TestDatabase.create(kind())) {
            // The user and password ride in the URL: the sample's files name H2's user, for H2's URL only.
            String url = db.url().replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
            CliJar.Result upgraded = ok(CliJar.run(sample, Map.of(), List.of("--url", url, "upgrade")));
            assertThat(upgraded.out()).contains("Upgraded to");
            assertThat(db.tableNames()).contains("note", "tag", "migrator_version");
            CliJar.Result config = ok(CliJar.run(sample, Map.of(), List.of("--url", url, "config")));
            assertThat(config.out()).contains("migrator.locations in " + Path.of("src/main/resources/application.properties"));
        }
    }
}
