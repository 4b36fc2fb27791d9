package dev.migrator.autoconfigure;

import dev.migrator.dialect.Dialects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.util.StringUtils;

/** Decides which connection migrator migrates over, in the documented order of precedence. */
final class MigrationDatabases {

    private MigrationDatabases() {
    }

    /**
     * {@code @MigratorDataSource} bean, then {@code migrator.url} (own pool), then {@code migrator.user}
     * on the application DataSource's URL (own pool), then the application DataSource, then a pool
     * from the JDBC connection details when there is no DataSource bean.
     */
    static MigrationDatabase choose(@Nullable ClassLoader classLoader, MigratorConnectionDetails details,
            @Nullable DataSource migratorDataSource, @Nullable DataSource applicationDataSource,
            @Nullable JdbcConnectionDetails jdbc) {
        ClassLoader loader = classLoader != null ? classLoader : MigrationDatabases.class.getClassLoader();
        if (migratorDataSource != null) {
            return MigrationDatabase.shared(migratorDataSource);
        }
        String url = details.getJdbcUrl();
        if (StringUtils.hasText(url)) {
            return MigrationDatabase.dedicated(new DedicatedMigrationPool(() -> HikariPools.open(loader, url,
                    details.getUsername(), details.getPassword(), details.getDriverClassName()), Dialects.redact(url)));
        }
        String user = details.getUsername();
        if (StringUtils.hasText(user) && applicationDataSource != null) {
            return MigrationDatabase.dedicated(new DedicatedMigrationPool(() -> HikariPools.derived(loader,
                    applicationDataSource, user, details.getPassword()), "the application's database as " + user));
        }
        if (applicationDataSource != null) {
            return MigrationDatabase.shared(applicationDataSource);
        }
        if (jdbc != null && jdbc.getJdbcUrl() != null) {
            String jdbcUrl = jdbc.getJdbcUrl();
            return MigrationDatabase.dedicated(new DedicatedMigrationPool(() -> HikariPools.open(loader, jdbcUrl,
                    jdbc.getUsername(), jdbc.getPassword(), jdbc.getDriverClassName()), Dialects.redact(jdbcUrl)));
        }
        throw new IllegalStateException("migrator has no single DataSource to migrate: there are several DataSource "
                + "beans and none is marked @Primary or @MigratorDataSource; mark one, or set migrator.url");
    }
}
