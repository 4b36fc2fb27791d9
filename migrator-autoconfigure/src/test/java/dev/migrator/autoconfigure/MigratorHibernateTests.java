package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.jpa.NoteEntity;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** migrator and Hibernate together: who manages the schema, and when Hibernate may validate it. */
class MigratorHibernateTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, MigratorAutoConfiguration.class,
                    MigratorStartupAutoConfiguration.class))
            .withUserConfiguration(Entities.class);

    private ApplicationContextRunner on(TestDatabase db) {
        return contextRunner.withPropertyValues("spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password());
    }

    @Test
    void hibernateLeavesAMigratedEmbeddedDatabaseAlone() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            on(db).withPropertyValues("migrator.phase=initialization").run(context -> {
                assertThat(context).hasNotFailed();
                // Boot leaves hbm2ddl.auto out altogether for "none".
                assertThat(ddlAuto(context.getBean(LocalContainerEntityManagerFactoryBean.class))).isNull();
            });
        }
    }

    @Test
    void anApplicationsOwnMigratorBeanKeepsHibernateFromCreatingAndDroppingTheSchema() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            on(db).withPropertyValues("migrator.on-startup=none")
                    .withBean("appMigrator", Migrator.class,
                            () -> Migrator.create(db.dataSource(), MigratorConfig.builder().build()))
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
                        assertThat(ddlAuto(context.getBean(LocalContainerEntityManagerFactoryBean.class))).isNull();
                    });
        }
    }

    @Test
    void withoutMigratorHibernateWouldCreateAndDropTheEmbeddedSchema() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            on(db).withPropertyValues("migrator.enabled=false").run(context -> assertThat(ddlAuto(
                    context.getBean(LocalContainerEntityManagerFactoryBean.class))).isEqualTo("create-drop"));
        }
    }

    @Test
    void initializationPhaseLetsHibernateValidateTheMigratedSchema() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            on(db).withPropertyValues("migrator.phase=initialization", "spring.jpa.hibernate.ddl-auto=validate")
                    .run(context -> assertThat(context).hasNotFailed());
        }
    }

    @Test
    void runnerPhaseValidationFailsWithAnAnalysisPointingAtTheInitializationPhase() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            on(db).withPropertyValues("spring.jpa.hibernate.ddl-auto=validate").run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("note", "migrator.phase=runner");
                assertThat(analysis.getAction()).contains("migrator.phase=initialization");
            });
        }
    }

    private static Object ddlAuto(LocalContainerEntityManagerFactoryBean factory) {
        return factory.getJpaPropertyMap().get("hibernate.hbm2ddl.auto");
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = NoteEntity.class)
    static class Entities {
    }
}
