package dev.migrator.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the server for each kind of database, once per JVM: the URL from the environment,
 * else the local service, else (outside CI, with Docker) a Testcontainers container.
 * In CI an unreachable server is an error, never a reason to skip.
 */
final class DatabaseServers {

    private static final Map<DatabaseKind, ServerEndpoint> ENDPOINTS = new EnumMap<>(DatabaseKind.class);

    private DatabaseServers() {
    }

    static synchronized ServerEndpoint endpoint(DatabaseKind kind) {
        return ENDPOINTS.computeIfAbsent(kind, DatabaseServers::resolve);
    }

    private static ServerEndpoint resolve(DatabaseKind kind) {
        String prefix = switch (kind) {
            case POSTGRESQL -> "MIGRATOR_TEST_POSTGRES";
            case MARIADB -> "MIGRATOR_TEST_MARIADB";
            case H2, HSQLDB -> throw new IllegalArgumentException(kind + " runs in memory and needs no server");
        };
        String configuredUrl = System.getenv(prefix + "_URL");
        ServerEndpoint endpoint = switch (kind) {
            case POSTGRESQL -> new ServerEndpoint(kind,
                    orDefault(configuredUrl, "jdbc:postgresql://127.0.0.1:5432/test"),
                    orDefault(System.getenv(prefix + "_USER"), "postgres"),
                    orDefault(System.getenv(prefix + "_PASSWORD"), ""),
                    configuredUrl != null ? prefix + "_URL" : "the local default");
            default -> new ServerEndpoint(kind,
                    orDefault(configuredUrl, "jdbc:mariadb://127.0.0.1:3306/test"),
                    orDefault(System.getenv(prefix + "_USER"), "root"),
                    orDefault(System.getenv(prefix + "_PASSWORD"), ""),
                    configuredUrl != null ? prefix + "_URL" : "the local default");
        };
        SQLException failure = probe(endpoint);
        if (failure == null) {
            return endpoint;
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (configuredUrl == null && !ci && ContainerServers.dockerAvailable()) {
            return ContainerServers.start(kind);
        }
        throw new IllegalStateException("Cannot reach the " + kind + " test server at " + endpoint.adminUrl()
                + " (" + endpoint.origin() + "): " + failure.getMessage()
                + ". Start the local service, set " + prefix + "_URL (and _USER/_PASSWORD)"
                + (ci ? "; in CI the database tests never skip." : ", or run with a Docker engine for Testcontainers."),
                failure);
    }

    private static @Nullable SQLException probe(ServerEndpoint endpoint) {
        try (Connection ignored = endpoint.connectAdmin()) {
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
