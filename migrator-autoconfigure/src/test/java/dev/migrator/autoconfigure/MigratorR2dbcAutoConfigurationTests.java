package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.reactive.ReactiveMigrator;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** A reactive service without a JDBC DataSource migrates over its R2DBC ConnectionFactory. */
class MigratorR2dbcAutoConfigurationTests {

    private static final Set<String> HEADS = Set.of("b2tag0000002");

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, MigratorAutoConfiguration.class,
                    MigratorR2dbcAutoConfiguration.class, MigratorStartupAutoConfiguration.class));

    @Test
    void migratesOverR2dbcWhenThereIsNoDataSource() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner.withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl()).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(ReactiveMigrator.class).hasSingleBean(Migrator.class)
                        .hasSingleBean(MigratorStartupRunner.class);
                assertThat(db.tableNames()).isEmpty();
                context.getBean(MigratorStartupRunner.class).run(null);
                assertThat(db.tableNames()).contains("note", "tag", "migrator_version", "migrator_history");
                assertThat(context.getBean(ReactiveMigrator.class).current().block()).isEqualTo(HEADS);
            });
        }
    }

    @Test
    void migratesMariaDbOverR2dbcWithNoJdbcDriverOrPoolOnTheClasspath() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
            // Spring's JDBC support, HikariCP and every JDBC driver hidden (Boot's JDBC module stays: its
            // spring.factories entries cannot be hidden): a WebFlux service with only R2DBC migrates.
            contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.jdbc.", "com.zaxxer.hikari.",
                    "org.postgresql.", "org.mariadb.jdbc.", "org.h2."))
                    .withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl(), "migrator.phase=initialization")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(ReactiveMigrator.class)
                                .doesNotHaveBean(DataSource.class).doesNotHaveBean(MigratorStartupRunner.class);
                        assertThatThrownBy(() -> context.getClassLoader().loadClass("org.mariadb.jdbc.Driver"))
                                .isInstanceOf(ClassNotFoundException.class);
                        assertThat(db.tableNames()).contains("note", "tag", "migrator_version", "migrator_history");
                        assertThat(context.getBean(ReactiveMigrator.class).current().block()).isEqualTo(HEADS);
                    });
        }
    }

    @Test
    void initializationPhaseMigratesBeforeDatabaseClientIsCreated() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner.withUserConfiguration(TableProbe.class)
                    .withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl(), "migrator.phase=initialization")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(MigratorMigrationInitializer.class);
                        // The probe, built on a DatabaseClient while the context refreshed, saw the migrated tables.
                        assertThat(context.getBean(TableProbe.class).tablesAtStartup).containsExactly("note", "tag");
                    });
        }
    }

    @Test
    void theRunnerPhaseLeavesDatabaseClientUnordered() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner.withUserConfiguration(TableProbe.class)
                    .withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl())
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(MigratorMigrationInitializer.class);
                        // The DatabaseClient did not wait for migrator: the tables come with the runner, later.
                        assertThat(context.getBean(TableProbe.class).tablesAtStartup).isEmpty();
                        context.getBean(MigratorStartupRunner.class).run(null);
                        assertThat(db.tableNames()).contains("note", "tag");
                    });
        }
    }

    @Test
    void jdbcWinsWhenTheServiceHasBothADataSourceAndAConnectionFactory() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            // Boot's own DataSource auto-configuration backs off beside a ConnectionFactory, so the
            // application defines the DataSource itself.
            contextRunner.withBean(DataSource.class, db::dataSource)
                    .withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl())
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Migrator.class)
                            .doesNotHaveBean(ReactiveMigrator.class));
        }
    }

    @Test
    void backsOffWhenDisabled() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner.withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl(), "migrator.enabled=false")
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class)
                            .doesNotHaveBean(ReactiveMigrator.class));
        }
    }

    /** An application bean that reads the schema as soon as it exists, through R2DBC's DatabaseClient. */
    @Configuration(proxyBeanMethods = false)
    static class TableProbe {

        List<String> tablesAtStartup;

        @Bean
        DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
            return DatabaseClient.create(connectionFactory);
        }

        @Bean
        List<String> startupTables(DatabaseClient client) {
            tablesAtStartup = client.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    + "current_schema() AND table_name IN ('note', 'tag') ORDER BY table_name")
                    .map(row -> row.get(0, String.class)).all().collectList().block();
            return tablesAtStartup;
        }
    }
}
