package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.RunResult;
import dev.migrator.error.ChecksumMismatchException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The auto-configuration's conditions, back-offs and startup work, against H2 and the local PostgreSQL. */
class MigratorAutoConfigurationTests {

    private static final Set<String> HEADS = Set.of("b2tag0000002");

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class,
                    MigratorStartupAutoConfiguration.class));

    private ApplicationContextRunner withDataSource(TestDatabase db) {
        return contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password());
    }

    @Test
    void backsOffWithNoDataSourceAndNoMigratorUrl() {
        contextRunner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class)
                .doesNotHaveBean(MigratorStartupRunner.class));
    }

    @Test
    void backsOffWhenDisabled() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db).withPropertyValues("migrator.enabled=false")
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class)
                            .doesNotHaveBean(MigratorProperties.class));
        }
    }

    @Test
    void runnerPhaseCreatesTheBeansButLeavesTheSchemaToTheRunner() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(Migrator.class)
                        .hasSingleBean(MigratorStartupRunner.class)
                        .doesNotHaveBean(MigratorMigrationInitializer.class);
                assertThat(db.tableNames()).isEmpty();
                context.getBean(MigratorStartupRunner.class).run(null);
                assertThat(db.tableNames()).contains("note", "tag", "migrator_version", "migrator_history");
                assertThat(context.getBean(Migrator.class).current()).isEqualTo(HEADS);
            });
        }
    }

    @Test
    void initializationPhaseMigratesBeforeJdbcClientIsCreated() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db)
                    .withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class,
                            JdbcClientAutoConfiguration.class))
                    .withUserConfiguration(TagReaderConfiguration.class)
                    .withPropertyValues("migrator.phase=initialization")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(MigratorMigrationInitializer.class)
                                .doesNotHaveBean(MigratorStartupRunner.class);
                        assertThat(context.getBean(TagReader.class).tagsAtStartup()).containsExactly("first");
                    });
        }
    }

    @Test
    void initializationPhaseMigratesMariaDb() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
            withDataSource(db)
                    .withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class,
                            JdbcClientAutoConfiguration.class))
                    .withUserConfiguration(TagReaderConfiguration.class)
                    .withPropertyValues("migrator.phase=initialization")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(TagReader.class).tagsAtStartup()).containsExactly("first");
                        assertThat(context.getBean(Migrator.class).current()).isEqualTo(HEADS);
                    });
        }
    }

    @Test
    void runnerPhaseDoesNotMakeJdbcClientWait() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db)
                    .withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class,
                            JdbcClientAutoConfiguration.class))
                    .withUserConfiguration(TableProbeConfiguration.class)
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(MigratorMigrationInitializer.class);
                        // A JdbcClient user built during the refresh saw no table: nothing waited for migrator.
                        assertThat(context.getBean(TableProbe.class).tablesAtStartup()).isEmpty();
                        context.getBean(MigratorStartupRunner.class).run(null);
                        assertThat(db.tableNames()).contains("note", "tag");
                    });
        }
    }

    @Test
    void validateFailsTheBootWhenRevisionsArePending() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db).withPropertyValues("migrator.phase=initialization", "migrator.on-startup=validate")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .isInstanceOf(PendingMigrationsException.class);
                        FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
                        assertThat(analysis).isNotNull();
                        assertThat(analysis.getDescription()).contains("base (no revision applied)",
                                "2 revision(s) are pending", "a1note000001  create note", "b2tag0000002  create tag",
                                "b2_tag.sql");
                        assertThat(analysis.getAction()).contains("upgrade heads", "migrator.on-startup=upgrade");
                        assertThat(db.tableNames()).isEmpty();
                    });
        }
    }

    @Test
    void validatePassesWhenTheDatabaseIsUpToDate() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db).withPropertyValues("migrator.phase=initialization").run(context -> assertThat(context)
                    .hasNotFailed());
            withDataSource(db).withPropertyValues("migrator.phase=initialization", "migrator.on-startup=validate")
                    .run(context -> assertThat(context).hasNotFailed());
        }
    }

    @Test
    void validateFailsOnAnEditedAppliedRevision() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db).withPropertyValues("migrator.phase=initialization")
                    .run(context -> assertThat(context).hasNotFailed());
            withDataSource(db).withPropertyValues("migrator.phase=initialization", "migrator.on-startup=validate",
                    "migrator.locations=classpath:db/edited").run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .isInstanceOf(ChecksumMismatchException.class);
                        FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).contains("a1note000001", "a1_note.sql");
                        assertThat(analysis.getAction()).contains("stamp", "migrator.validate-checksums=false");
                    });
        }
    }

    @Test
    void aFailingRevisionFailsTheBootWithAnAnalysisNamingFileAndLine() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            withDataSource(db).withPropertyValues("migrator.phase=initialization",
                    "migrator.locations=classpath:db/broken").run(context -> {
                        assertThat(context).hasFailed();
                        FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
                        assertThat(analysis).isNotNull();
                        assertThat(analysis.getCause()).isInstanceOf(MigrationFailedException.class);
                        assertThat(analysis.getDescription()).contains("c1broken0001", "c1_broken.sql:7");
                        assertThat(analysis.getAction()).contains("c1_broken.sql:7", "migrator.on-startup=none");
                        // PostgreSQL rolls the failed revision back whole, its first table included.
                        assertThat(db.tableNames()).doesNotContain("fine");
                    });
        }
    }

    @Test
    void userDefinedMigratorBeanWins() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db).withUserConfiguration(UserMigratorConfiguration.class).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(Migrator.class)
                        .doesNotHaveBean(MigrationDatabase.class)
                        .hasSingleBean(MigratorSchemaManagementProvider.class);
                assertThat(context.getBean(Migrator.class)).isSameAs(context.getBean(UserMigratorConfiguration.class)
                        .migrator);
                // The application's Migrator still gets the startup work.
                context.getBean(MigratorStartupRunner.class).run(null);
                assertThat(db.tableNames()).contains("app_versions");
            });
        }
    }

    @Test
    void dedicatedUrlIsUsedAndClosed() throws Exception {
        try (TestDatabase app = TestDatabase.create(DatabaseKind.H2);
                TestDatabase target = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            withDataSource(app).withPropertyValues("migrator.phase=initialization", "migrator.url=" + target.url(),
                    "migrator.user=" + target.user(), "migrator.password=" + target.password()).run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(target.tableNames()).contains("note", "tag", "migrator_version");
                        assertThat(app.tableNames()).isEmpty();
                        DedicatedMigrationPool pool = context.getBean(MigrationDatabase.class).pool();
                        assertThat(pool).isNotNull();
                        assertThat(pool.isOpen()).isFalse();
                        assertThat(connectionsTo(target)).isZero();
                        // The bean stays usable: a call reopens the pool until the context closes.
                        assertThat(context.getBean(Migrator.class).current()).isEqualTo(HEADS);
                        assertThat(pool.isOpen()).isTrue();
                        context.close();
                        assertThat(pool.isOpen()).isFalse();
                    });
            assertThat(connectionsTo(target)).isZero();
        }
    }

    @Test
    void dedicatedUserMigratesTheApplicationDatabaseOverItsOwnPool() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            withDataSource(db).withPropertyValues("migrator.phase=initialization", "migrator.user=" + db.user(),
                    "migrator.password=" + db.password()).run(context -> {
                        assertThat(context).hasNotFailed();
                        DedicatedMigrationPool pool = context.getBean(MigrationDatabase.class).pool();
                        assertThat(pool).isNotNull();
                        assertThat(pool.isOpen()).isFalse();
                        assertThat(db.tableNames()).contains("note", "tag");
                    });
        }
    }

    @Test
    void migratorUrlAloneIsEnoughWithoutAnyDataSource() {
        try (TestDatabase target = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner.withPropertyValues("migrator.phase=initialization", "migrator.url=" + target.url(),
                    "migrator.user=" + target.user()).run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
                        assertThat(target.tableNames()).contains("note", "tag");
                    });
        }
    }

    @Test
    void jdbcConnectionDetailsWithoutADataSourceGetAPoolOfTheirOwn() {
        try (TestDatabase target = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner.withBean(JdbcConnectionDetails.class, () -> new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return target.user();
                }

                @Override
                public String getPassword() {
                    return target.password();
                }

                @Override
                public String getJdbcUrl() {
                    return target.url();
                }
            }).withPropertyValues("migrator.phase=initialization").run(context -> {
                assertThat(context).hasNotFailed();
                DedicatedMigrationPool pool = context.getBean(MigrationDatabase.class).pool();
                assertThat(pool.isOpen()).as("the pool of its own, closed once the startup work is done").isFalse();
                assertThat(target.tableNames()).contains("note", "tag");
            });
        }
    }

    @Test
    void migratorDataSourceQualifierPicksTheDataSourceToMigrate() {
        try (TestDatabase app = TestDatabase.create(DatabaseKind.H2);
                TestDatabase target = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner.withBean("appDataSource", DataSource.class, () -> simple(app), bd -> bd.setPrimary(true))
                    .withBean(TestDatabase.class, () -> target)
                    .withUserConfiguration(MigrationDataSourceConfiguration.class)
                    .withPropertyValues("migrator.phase=initialization").run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(target.tableNames()).contains("note", "tag");
                        assertThat(app.tableNames()).isEmpty();
                    });
        }
    }

    @Test
    void propertiesReachTheEngineConfig() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db).withPropertyValues("migrator.locations=classpath:a,filesystem:/b/{vendor}",
                    "migrator.version-table=v", "migrator.history-table=h", "migrator.version-table-schema=s",
                    "migrator.lock-timeout=30", "migrator.transaction-per-migration=false",
                    "migrator.validate-checksums=false", "migrator.fail-on-missing-locations=false",
                    "migrator.dialect=postgresql").run(context -> {
                        MigratorConfig config = context.getBean(Migrator.class).config();
                        assertThat(config.locations()).containsExactly("classpath:a", "filesystem:/b/{vendor}");
                        assertThat(config.versionTable()).isEqualTo("v");
                        assertThat(config.historyTable()).isEqualTo("h");
                        assertThat(config.schema()).isEqualTo("s");
                        assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
                        assertThat(config.transactionPerMigration()).isFalse();
                        assertThat(config.validateChecksums()).isFalse();
                        assertThat(config.dialect()).isEqualTo("postgresql");
                    });
        }
    }

    @Test
    void customizersListenersAndStrategyAreApplied() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            List<RunResult> runs = new ArrayList<>();
            withDataSource(db).withPropertyValues("migrator.phase=initialization")
                    .withBean(MigratorCustomizer.class, () -> config -> config.versionTable("custom_version"))
                    .withBean(MigrationListener.class, () -> new MigrationListener() {
                        @Override
                        public void runFinished(RunResult result) {
                            runs.add(result);
                        }
                    })
                    .withBean(MigratorStartupStrategy.class, () -> migrator -> migrator.upgrade("a1note000001"))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(runs).singleElement().satisfies(run -> assertThat(run.rowsAfter())
                                .containsExactly("a1note000001"));
                        assertThat(db.tableNames()).contains("custom_version", "note").doesNotContain("tag");
                    });
        }
    }

    @Test
    void onStartupNoneLeavesTheDatabaseAlone() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db).withPropertyValues("migrator.phase=initialization", "migrator.on-startup=none")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
                        assertThat(db.tableNames()).isEmpty();
                    });
        }
    }

    @Test
    void exportWritesTheOfflineScriptAndChangesNothing(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out/upgrade.sql");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            withDataSource(db).withPropertyValues("migrator.phase=initialization", "migrator.on-startup=export",
                    "migrator.offline-export.output=" + output).run(context -> assertThat(context).hasNotFailed());
            assertThat(db.tableNames()).isEmpty();
            assertThat(Files.readString(output)).contains("CREATE TABLE note", "CREATE TABLE tag", "b2tag0000002");
            // A DBA runs it with psql: the database ends where an online upgrade leaves it.
            List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
                    output.toString()));
            command.addAll(db.clientArguments());
            Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
            String log = new String(psql.getInputStream().readAllBytes());
            assertThat(psql.waitFor()).as(log).isZero();
            withDataSource(db).withPropertyValues("migrator.phase=initialization", "migrator.on-startup=validate")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(Migrator.class).current()).isEqualTo(HEADS);
                    });
        }
    }

    @Test
    void exportWithoutAnOutputFileFailsClearly() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            withDataSource(db).withPropertyValues("migrator.phase=initialization", "migrator.on-startup=export")
                    .run(context -> assertThat(context).hasFailed().getFailure()
                            .hasStackTraceContaining("needs migrator.offline-export.output"));
        }
    }

    @Test
    void reportsTheMigratedDataSourceAsSchemaManaged() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2); TestDatabase other = TestDatabase.create(
                DatabaseKind.H2)) {
            withDataSource(db).withPropertyValues("migrator.on-startup=none").run(context -> {
                MigratorSchemaManagementProvider provider = context.getBean(MigratorSchemaManagementProvider.class);
                assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
                        .isEqualTo(SchemaManagement.MANAGED);
                assertThat(provider.getSchemaManagement(simple(other))).isEqualTo(SchemaManagement.UNMANAGED);
            });
        }
    }

    private static DataSource simple(TestDatabase db) {
        return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(db.url()).username(db.user())
                .password(db.password()).build();
    }

    /** Sessions on the database other than ours, as PostgreSQL counts them. */
    /**
     * The other sessions on the database. A closed pool's backends leave pg_stat_activity a moment
     * after their sockets close, so a count above zero is asked again for up to two seconds.
     */
    private static int connectionsTo(TestDatabase db) throws Exception {
        int count = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                rs.next();
                count = rs.getInt(1);
            }
            if (count == 0) {
                return 0;
            }
            Thread.sleep(100);
        }
        return count;
    }

    /** Reads the migrated table while it is created: only works if the schema is there by then. */
    record TagReader(List<String> tagsAtStartup) {
    }

    @Configuration(proxyBeanMethods = false)
    static class TagReaderConfiguration {

        @Bean
        TagReader tagReader(JdbcClient jdbc) {
            return new TagReader(jdbc.sql("SELECT name FROM tag").query(String.class).list());
        }
    }

    record TableProbe(List<String> tablesAtStartup) {
    }

    @Configuration(proxyBeanMethods = false)
    static class TableProbeConfiguration {

        @Bean
        TableProbe tableProbe(JdbcClient jdbc) {
            return new TableProbe(jdbc.sql("SELECT LOWER(table_name) FROM information_schema.tables "
                    + "WHERE table_schema = 'PUBLIC' AND LOWER(table_name) IN ('note', 'tag')").query(String.class).list());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MigrationDataSourceConfiguration {

        @Bean
        @MigratorDataSource
        DataSource migrationDataSource(TestDatabase target) {
            return simple(target);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserMigratorConfiguration {

        final Migrator migrator;

        UserMigratorConfiguration(DataSource dataSource) {
            this.migrator = Migrator.create(dataSource, MigratorConfig.builder().versionTable("app_versions").build());
        }

        @Bean
        @Primary
        Migrator userMigrator() {
            return migrator;
        }
    }
}
