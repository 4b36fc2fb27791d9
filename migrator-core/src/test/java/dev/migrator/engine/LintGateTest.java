package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.lint.Finding;
import dev.migrator.lint.LintSettings;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Migrator.upgrade(target, settings, gate)} on PostgreSQL: the gate sees the findings of
 * what the run would apply, and only those, before anything is applied; throwing stops the run.
 */
class LintGateTest {

    @TempDir
    Path dir;

    @Test
    void theGateSeesThePendingRevisionsFindingsAndCanStopTheRunBeforeAnythingIsApplied() throws Exception {
        ScriptFolder folder = new ScriptFolder(dir);
        folder.add("a1", List.of(), "CREATE TABLE account (id bigint PRIMARY KEY, email text);\n"
                + "CREATE INDEX account_id_email ON account (id, email);", "DROP TABLE account;");
        MigratorConfig config = MigratorConfig.builder().locations(folder.location()).build();
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            List<String> failed = new ArrayList<>();
            Migrator migrator = Migrator.create(db.dataSource(), config).withListener(new MigrationListener() {
                @Override
                public void runFailed(Command command, RuntimeException failure) {
                    failed.add(failure.getMessage());
                }
            });
            List<Finding> seen = new ArrayList<>();
            migrator.upgrade("heads", LintSettings.defaults(), seen::addAll); // an index on a new table: fine
            assertThat(versionRows(db)).containsExactly("a1");

            folder.add("a2", List.of("a1"), "CREATE INDEX account_email ON account (email);", "DROP INDEX account_email;");
            seen.clear();
            assertThatThrownBy(() -> migrator.upgrade("heads", LintSettings.defaults(), findings -> {
                seen.addAll(findings);
                throw new IllegalStateException("stopped by the gate");
            })).hasMessage("stopped by the gate");
            assertThat(seen).extracting(Finding::revision).containsOnly("a2");
            assertThat(seen).extracting(Finding::rule).contains("require-concurrent-index-creation");
            assertThat(versionRows(db)).containsExactly("a1");
            assertThat(failed).containsExactly("stopped by the gate");

            seen.clear();
            migrator.upgrade("heads", LintSettings.defaults(), seen::addAll);
            assertThat(versionRows(db)).containsExactly("a2");
            List<List<Finding>> calls = new ArrayList<>();
            migrator.upgrade("heads", LintSettings.defaults(), calls::add); // a no-op: asked once, with nothing
            assertThat(calls).containsExactly(List.of());
        }
    }

    private static List<String> versionRows(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version_num FROM migrator_version")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
