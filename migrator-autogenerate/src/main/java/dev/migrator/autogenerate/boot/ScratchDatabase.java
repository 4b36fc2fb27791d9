package dev.migrator.autogenerate.boot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * {@code migrator.autogenerate.url} (with {@code username} and {@code password}): the database a
 * generate or check run brings to the heads and compares, in place of the one the application
 * configures. It replaces {@code spring.datasource.*} and {@code migrator.url} for that run only, so
 * the persistence unit, the {@code Migrator} and the comparison all use it and nothing else is
 * connected to. It is tried once before the application starts: a wrong URL ends the run with what
 * to do, not with Hibernate failing to find a dialect.
 */
final class ScratchDatabase {

    static final String URL = "migrator.autogenerate.url";
    static final String USERNAME = "migrator.autogenerate.username";
    static final String PASSWORD = "migrator.autogenerate.password";

    private ScratchDatabase() {
    }

    /** The settings that point the run at the scratch database; none when it has no URL. */
    static Map<String, Object> settings(Environment environment) {
        String url = environment.getProperty(URL);
        if (url == null || url.isBlank()) {
            return Map.of();
        }
        String username = environment.getProperty(USERNAME, environment.getProperty("spring.datasource.username", ""));
        String password = environment.getProperty(PASSWORD, environment.getProperty("spring.datasource.password", ""));
        tryConnecting(url, username, password);
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.datasource.url", url);
        settings.put("spring.datasource.username", username);
        settings.put("spring.datasource.password", password);
        if (environment.getProperty("migrator.url") != null) {
            // migrator's own pool would otherwise migrate the configured database, not the scratch one
            settings.put("migrator.url", url);
            settings.put("migrator.user", username);
            settings.put("migrator.password", password);
        }
        return settings;
    }

    private static void tryConnecting(String url, String username, String password) {
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new ScratchDatabaseUnreachableException(url, username, e);
        }
    }
}
