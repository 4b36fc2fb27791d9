package dev.migrator.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.MigratorConnectionDetails;
import dev.migrator.autoconfigure.MigratorStartupAutoConfiguration;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A {@code @ServiceConnection} PostgreSQL container sends the migrations to it. This machine has
 * no Docker engine, so the "container" is the local test database behind a container's API: what
 * is tested is Boot's service-connection wiring into migrator, and the migration itself.
 */
class MigratorContainerConnectionDetailsFactoryTests {

    private static TestDatabase database;

    @Test
    void aServiceConnectionContainerIsWhereMigrationsGo() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            database = db;
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class,
                            MigratorAutoConfiguration.class, MigratorStartupAutoConfiguration.class))
                    .withUserConfiguration(ContainerConfiguration.class)
                    .withPropertyValues("migrator.phase=initialization")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(JdbcConnectionDetails.class);
                        MigratorConnectionDetails details = context.getBean(MigratorConnectionDetails.class);
                        assertThat(details.getClass().getName()).contains("MigratorContainerConnectionDetails");
                        assertThat(details.getJdbcUrl()).isEqualTo(db.url());
                        assertThat(db.tableNames()).contains("note", "tag", "migrator_version");
                        assertThat(context.getBean(Migrator.class).current()).isEqualTo(Set.of("b2tag0000002"));
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ContainerConfiguration {

        @Bean
        @ServiceConnection
        PostgreSQLContainer postgres() {
            return new LocalPostgres(database);
        }
    }

    /** The container API over the already running local server: nothing to start or stop. */
    static final class LocalPostgres extends PostgreSQLContainer {

        private final TestDatabase db;

        LocalPostgres(TestDatabase db) {
            super("postgres:17");
            this.db = db;
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public String getJdbcUrl() {
            return db.url();
        }

        @Override
        public String getUsername() {
            return db.user();
        }

        @Override
        public String getPassword() {
            return db.password();
        }
    }
}
