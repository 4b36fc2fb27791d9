package dev.migrator.autoconfigure.testcontainers;

import dev.migrator.autoconfigure.MigratorConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * {@link MigratorConnectionDetails} from a {@code @ServiceConnection} {@link JdbcDatabaseContainer},
 * as Boot's Flyway and Liquibase modules do: a test's container is where migrations go.
 */
class MigratorContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<JdbcDatabaseContainer<?>, MigratorConnectionDetails> {

    @Override
    protected MigratorConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
        return new MigratorContainerConnectionDetails(source);
    }

    /** Read from the container once it has started. */
    private static final class MigratorContainerConnectionDetails
            extends ContainerConnectionDetails<JdbcDatabaseContainer<?>> implements MigratorConnectionDetails {

        private MigratorContainerConnectionDetails(ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
            super(source);
        }

        @Override
        public String getJdbcUrl() {
            return getContainer().getJdbcUrl();
        }

        @Override
        public String getUsername() {
            return getContainer().getUsername();
        }

        @Override
        public String getPassword() {
            return getContainer().getPassword();
        }

        @Override
        public String getDriverClassName() {
            return getContainer().getDriverClassName();
        }
    }
}
