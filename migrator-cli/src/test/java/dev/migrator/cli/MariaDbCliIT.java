package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MariaDbCliIT extends CliEndToEnd {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    void applyWithClient(TestDatabase db, Path script) {
        Clients.apply(db, script);
    }

    @Test
    void lintLocksMeasuresMariaDbsMetadataLocks() throws Exception {
        Path scripts = Files.createDirectories(work.resolve("locks"));
        Files.writeString(scripts.resolve("m1_copy.sql"), "-- migrator:revision m1\n-- migrator:upgrade\n"
                + "ALTER TABLE account ADD COLUMN note varchar(20), ALGORITHM=COPY;\n");
        Files.writeString(scripts.resolve("m2_inplace.sql"), "-- migrator:revision m2\n-- migrator:down m1\n"
                + "-- migrator:upgrade\nALTER TABLE account ADD COLUMN tag varchar(20), ALGORITHM=INPLACE, LOCK=NONE;\n");
        try (TestDatabase db = TestDatabase.create(kind())) {
            try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE TABLE account (id bigint PRIMARY KEY, email varchar(100))");
            }
            CliJar.Result result = cli(db, scripts, "lint", "--locks");
            assertThat(result.out()).as(result.toString())
                    .contains("Measured locks on tables that existed before (2 statements")
                    .containsPattern("m1 \\S+m1_copy.sql:3 \\(\\d+ ms\\) ALTER TABLE account ADD COLUMN note")
                    .contains(db.name() + ".account MDL_SHARED_NO_WRITE: reads go on, writes BLOCKED")
                    .contains(db.name() + ".account MDL_SHARED_UPGRADABLE: reads go on, writes go on")
                    .contains(db.name() + ".account MDL_EXCLUSIVE: reads BLOCKED, writes BLOCKED");
            assertThat(versionRows(db)).containsExactly("m2");
        }
    }

    @Test
    void aJdbcMysqlUrlUpgradesMariaDbThroughTheBundledDriver() throws Exception {
        Path scripts = work.resolve("migrations");
        try (TestDatabase db = TestDatabase.create(kind())) {
            Path script = Path.of(ok(cli(db, scripts, "revision", "-m", "create account")).out().strip());
            fill(script, "CREATE TABLE account (id int PRIMARY KEY);", "DROP TABLE account;");
            String mysqlUrl = db.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
            assertThat(mysqlUrl).startsWith("jdbc:mysql:");
            CliJar.Result upgraded = ok(CliJar.run(work, Map.of(), List.of("--url", mysqlUrl, "--user", db.user(),
                    "--password", db.password(), "--locations", scripts.toString(), "upgrade")));
            assertThat(upgraded.out()).contains("Upgraded to");
            assertThat(db.tableNames()).contains("account");
            assertThat(versionRows(db)).hasSize(1);
        }
    }
}
