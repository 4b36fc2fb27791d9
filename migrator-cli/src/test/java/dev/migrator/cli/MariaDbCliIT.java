package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

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
    void lintLocksSaysItMeasuresPostgresqlOnly() throws Exception {
        Path scripts = Files.createDirectories(work.resolve("locks"));
        try (TestDatabase db = TestDatabase.create(kind())) {
            CliJar.Result result = cli(db, scripts, "lint", "--locks");
            assertThat(result.exit()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).contains("PostgreSQL databases only").hasLineCount(1);
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
