package dev.migrator.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where migrations connect, when not through the application's DataSource. Defaults to
 * {@code migrator.url}, {@code migrator.user} and {@code migrator.password}; define a bean to supply
 * them from elsewhere.
 */
public interface MigratorConnectionDetails extends ConnectionDetails {

    /** A JDBC URL for a pool of migrator's own, or null to use the application's DataSource. */
    @Nullable String getJdbcUrl();

    /** The user; with no URL, a pool on the application DataSource's URL is opened as this user. */
    @Nullable String getUsername();

    @Nullable String getPassword();

    default @Nullable String getDriverClassName() {
        return null;
    }
}
