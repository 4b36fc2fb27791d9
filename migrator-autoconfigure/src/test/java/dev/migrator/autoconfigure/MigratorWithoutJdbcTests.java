package dev.migrator.autoconfigure;

import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.json;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.actuate.endpoint.MigrationsEndpoint;
import dev.migrator.autoconfigure.actuate.endpoint.MigratorEndpointAutoConfiguration;
import dev.migrator.autoconfigure.actuate.health.MigrationsHealthIndicator;
import dev.migrator.autoconfigure.actuate.health.MigratorHealthContributorAutoConfiguration;
import dev.migrator.autoconfigure.actuate.metrics.MigratorMetricsAutoConfiguration;
import dev.migrator.reactive.ReactiveMigrator;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

/**
 * A reactive service on {@code migrator-starter-r2dbc}: no Spring JDBC support, no Boot JDBC module, no
 * HikariCP, no JDBC driver. Every migrator auto-configuration is listed, as a real service has them all;
 * the JDBC one must back off on its classes, and the rest must work over R2DBC. (A class hidden here can
 * still be linked by code that names it; {@code JdbcFreeClassPathTests} boots on a class path that lacks
 * the jars, where such code fails.)
 */
class MigratorWithoutJdbcTests {

    /**
     * Spring's JDBC support, HikariCP, the JDBC drivers and Boot's JDBC module but for the classes its own
     * spring.factories names (in {@code org.springframework.boot.jdbc.init}, the detector, failure analyzers
     * and connection details factories are instantiated from the jar, which stays on this class path).
     */
    static final String[] JDBC_STACK = {"org.springframework.jdbc.", "org.springframework.boot.jdbc.autoconfigure.",
            "org.springframework.boot.jdbc.EmbeddedDatabaseConnection", "org.springframework.boot.jdbc.DataSource",
            "org.springframework.boot.jdbc.SchemaManagement", "com.zaxxer.hikari.", "org.postgresql.",
            "org.mariadb.jdbc.", "org.h2.Driver"};

    private static final Set<String> HEADS = Set.of("b2tag0000002");

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withClassLoader(new FilteredClassLoader(JDBC_STACK))
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, MetricsAutoConfiguration.class,
                    MigratorAutoConfiguration.class, MigratorR2dbcAutoConfiguration.class,
                    MigratorStartupAutoConfiguration.class, MigratorEndpointAutoConfiguration.class,
                    MigratorHealthContributorAutoConfiguration.class, MigratorMetricsAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("management.endpoints.web.exposure.include=migrations");

    @Test
    void migratesPostgresqlOverR2dbcWithTheEndpointHealthAndMetrics() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner.withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl(), "migrator.phase=initialization")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(ReactiveMigrator.class)
                                .hasSingleBean(Migrator.class).hasSingleBean(MigratorMigrationInitializer.class)
                                .doesNotHaveBean(DataSource.class).doesNotHaveBean(MigrationConnection.class);
                        assertThat(context.getBeanNamesForType(MigratorSchemaManagementProvider.class)).isEmpty();
                        assertThatThrownBy(() -> context.getClassLoader()
                                .loadClass("org.springframework.boot.jdbc.EmbeddedDatabaseConnection"))
                                .isInstanceOf(ClassNotFoundException.class);
                        assertJdbcAutoConfigurationBackedOffOnItsClasses(context.getBeanFactory());

                        // The migration ran over R2DBC during refresh: tables, version row, history.
                        assertThat(db.tableNames()).contains("note", "tag", "migrator_version", "migrator_history");
                        assertThat(rows(db, "SELECT version_num FROM migrator_version")).containsExactly("b2tag0000002");
                        assertThat(rows(db, "SELECT count(*) FROM migrator_history")).containsExactly("2");
                        assertThat(context.getBean(ReactiveMigrator.class).current().block()).isEqualTo(HEADS);

                        Map<String, Object> migrator = endpointMigrator(context.getBean(MigrationsEndpoint.class));
                        assertThat(migrator).containsEntry("state", "up-to-date")
                                .containsEntry("current", List.of("b2tag0000002"));
                        assertThat(context.getBean(MigrationsHealthIndicator.class).health(false).getStatus())
                                .isEqualTo(Status.UP);
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        assertThat(registry.get("migrator.step").tags("direction", "upgrade", "outcome", "success")
                                .timer().count()).isEqualTo(2);
                        assertThat(registry.get("migrator.pending").gauge().value()).isZero();
                    });
        }
    }

    @Test
    void migratesMariaDbInTheRunnerPhase() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
            contextRunner.withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl()).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(MigratorStartupRunner.class)
                        .doesNotHaveBean(MigrationConnection.class);
                assertThat(context.getBean(MigrationsHealthIndicator.class).health(false).getStatus())
                        .isEqualTo(Status.OUT_OF_SERVICE);
                context.getBean(MigratorStartupRunner.class).run(null);
                assertThat(rows(db, "SELECT version_num FROM migrator_version")).containsExactly("b2tag0000002");
                assertThat(db.tableNames()).contains("note", "tag");
                assertThat(context.getBean(MigrationsHealthIndicator.class).health(false).getStatus())
                        .isEqualTo(Status.UP);
            });
        }
    }

    @Test
    void refusesSqlInitScriptsOnAnEmbeddedR2dbcDatabaseWithoutBootsJdbcModule() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner.withConfiguration(AutoConfigurations.of(
                    org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration.class))
                    .withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl(),
                            "spring.sql.init.schema-locations=classpath:sqlinit/schema.sql")
                    .run(context -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                            .isInstanceOf(MigratorConfigurationException.class)
                            .hasMessageContaining("spring.sql.init.mode=embedded"));
        }
    }

    @Test
    void migratorUrlIsRefusedWhereThereIsNoJdbcToOpenIt() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner.withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl(), "migrator.url=" + db.url())
                    .run(context -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                            .isInstanceOf(MigratorConfigurationException.class)
                            .hasMessageContaining("migrator.url").hasMessageContaining("spring-boot-jdbc"));
        }
    }

    private static void assertJdbcAutoConfigurationBackedOffOnItsClasses(
            org.springframework.beans.factory.config.ConfigurableListableBeanFactory beanFactory) {
        ConditionAndOutcomes outcomes = ConditionEvaluationReport.get(beanFactory).getConditionAndOutcomesBySource()
                .get(MigratorAutoConfiguration.class.getName());
        assertThat(outcomes).isNotNull();
        assertThat(outcomes.isFullMatch()).isFalse();
        assertThat(outcomes).anySatisfy(outcome -> assertThat(outcome.getOutcome().getMessage())
                .contains("did not find required class"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> endpointMigrator(MigrationsEndpoint endpoint) {
        Map<String, Object> contexts = (Map<String, Object>) json(endpoint.migrations()).get("contexts");
        Map<String, Object> context = (Map<String, Object>) contexts.values().iterator().next();
        return (Map<String, Object>) ((Map<String, Object>) context.get("migrators")).get("migrator");
    }
}
