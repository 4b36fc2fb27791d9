package dev.migrator.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrator.error.DatabaseException;
import javax.sql.DataSource;

/** The command's small connection pool, closed when the command ends. */
final class Database implements AutoCloseable {

    // H2's run lock holds a second connection while the first migrates; lint --locks holds four at once
    // (the migrating one, an observer, a prober and an open snapshot).
    private static final int POOL_SIZE = 4;

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and its first connection, so that a wrong URL, host or password is reported
     * at once, in one line, without the password.
     */
    static Database open(ConnectionSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setPoolName("migrator");
        config.setConnectionTimeout(10_000);
        try {
            return new Database(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new DatabaseException("Cannot connect to " + settings + ": " + rootMessage(e), e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
