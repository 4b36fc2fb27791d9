package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Whole boots against PostgreSQL with a pending revision that builds an index on an existing table
 * without CONCURRENTLY: {@code migrator.lint.*} logs it, or stops the boot before it is applied.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorStartupLintTests {

    @TempDir
    Path scripts;

    private void pendingIndexOnExistingTable(TestDatabase db, String comment) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE account (id bigint PRIMARY KEY, email text)");
        }
        Files.writeString(scripts.resolve("i1_email_index.sql"), "-- migrator:revision i1\n-- migrator:upgrade\n"
                + comment + "CREATE INDEX account_email ON account (email);\n");
    }

    @Test
    void byDefaultFindingsAreLoggedAndTheUpgradeRuns(CapturedOutput output) throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            pendingIndexOnExistingTable(db, "");
            application(db).run().close();
            assertThat(output).contains("Lint: error [require-concurrent-index-creation]")
                    .contains("i1_email_index.sql:3 (revision i1)").contains("fix: CREATE INDEX CONCURRENTLY");
            assertThat(db.tableNames()).contains("migrator_version");
            assertThat(versionRows(db)).containsExactly("i1");
        }
    }

    @Test
    void failOnErrorStopsTheBootBeforeAnythingIsApplied() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            pendingIndexOnExistingTable(db, "");
            assertThatThrownBy(() -> application(db, "migrator.lint.fail-on=error").run().close())
                    .isInstanceOf(UnsafeMigrationsException.class)
                    .hasMessageContaining("1 lint finding(s) at or above migrator.lint.fail-on=error")
                    .hasMessageContaining("[require-concurrent-index-creation]");
            assertThat(db.tableNames()).doesNotContain("migrator_version");
        }
    }

    @Test
    void anIgnoreCommentOrALowerSeverityLetsTheBootThrough() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            pendingIndexOnExistingTable(db, "-- migrator:lint-ignore require-concurrent-index-creation tiny table\n");
            application(db, "migrator.lint.fail-on=warning").run().close();
            assertThat(versionRows(db)).containsExactly("i1");
        }
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            pendingIndexOnExistingTable(db, "");
            application(db, "migrator.lint.fail-on=error",
                    "migrator.lint.severity.require-concurrent-index-creation=warning").run().close();
            assertThat(versionRows(db)).containsExactly("i1");
        }
    }

    @Test
    void theLintAndTheUpgradeShareOneSession() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            pendingIndexOnExistingTable(db, "");
            application(db).run().close(); // applies i1
            CountingConnections.borrowed.set(0);
            application(db).sources(CountingConnections.class).run().close(); // a no-op boot that lints
            // One session for the lint and the run: the state and the scripts read once (was two sessions)
            assertThat(CountingConnections.borrowed).hasValue(1);
            assertThat(versionRows(db)).containsExactly("i1");
        }
    }

    /** Counts the connections taken from the service's DataSource. */
    @Configuration(proxyBeanMethods = false)
    static class CountingConnections {

        static final AtomicInteger borrowed = new AtomicInteger();

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource)) {
                        return bean;
                    }
                    return new DelegatingDataSource(dataSource) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            borrowed.incrementAndGet();
                            return super.getConnection();
                        }
                    };
                }
            };
        }
    }

    private static List<String> versionRows(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT version_num FROM migrator_version")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private SpringApplicationBuilder application(TestDatabase db, String... properties) {
        return new SpringApplicationBuilder(MinimalApplication.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "spring.main.banner-mode=off",
                        "migrator.locations=filesystem:" + scripts)
                .properties(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
            MigratorStartupAutoConfiguration.class})
    static class MinimalApplication {
    }
}
