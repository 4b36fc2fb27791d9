package dev.migrator.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/** Builds the dedicated pool; the only class that touches HikariCP, which is optional. */
final class HikariPools {

    /** Migrations run one at a time; a few connections cover the lock session and a spare. */
    static final int MAX_CONNECTIONS = 3;

    private static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

    private HikariPools() {
    }

    /** A pool on {@code url}. */
    static DataSource open(ClassLoader classLoader, String url, @Nullable String user, @Nullable String password,
            @Nullable String driverClassName) {
        requireHikari(classLoader);
        DataSourceBuilder<HikariDataSource> builder = DataSourceBuilder.create(classLoader)
                .type(HikariDataSource.class).url(url);
        return configure(builder, user, password, driverClassName);
    }

    /** A pool on the application DataSource's URL, logged in as another user. */
    static DataSource derived(ClassLoader classLoader, DataSource application, @Nullable String user,
            @Nullable String password) {
        requireHikari(classLoader);
        return configure(DataSourceBuilder.derivedFrom(application).type(HikariDataSource.class), user, password, null);
    }

    private static DataSource configure(DataSourceBuilder<HikariDataSource> builder, @Nullable String user,
            @Nullable String password, @Nullable String driverClassName) {
        if (user != null) {
            builder.username(user);
        }
        if (password != null) {
            builder.password(password);
        }
        if (StringUtils.hasText(driverClassName)) {
            builder.driverClassName(driverClassName);
        }
        HikariDataSource pool = builder.build();
        pool.setPoolName("migrator");
        pool.setMaximumPoolSize(MAX_CONNECTIONS);
        pool.setMinimumIdle(0);
        return pool;
    }

    private static void requireHikari(ClassLoader classLoader) {
        if (!ClassUtils.isPresent(HIKARI, classLoader)) {
            throw new IllegalStateException("migrator.url and migrator.user need HikariCP on the classpath for "
                    + "migrator's own pool; add com.zaxxer:HikariCP (spring-boot-starter-jdbc brings it)");
        }
    }
}
