package dev.migrator.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers fallback for contributors who have Docker but no local servers. */
final class ContainerServers {

    private ContainerServers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives for the whole JVM; Ryuk removes it afterwards
    static ServerEndpoint start(DatabaseKind kind) {
        JdbcDatabaseContainer<?> container = switch (kind) {
            case POSTGRESQL -> new PostgreSQLContainer("postgres:15-alpine");
            case MARIADB -> new MariaDBContainer("mariadb:10.11").withUsername("root").withPassword("");
            case H2, HSQLDB -> throw new IllegalArgumentException(kind + " needs no container");
        };
        container.start();
        return new ServerEndpoint(kind, container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "Testcontainers " + container.getDockerImageName());
    }
}
