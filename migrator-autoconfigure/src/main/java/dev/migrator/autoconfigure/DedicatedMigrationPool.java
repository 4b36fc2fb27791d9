package dev.migrator.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * migrator's own small pool, opened on first use and closed by {@link #release()} after the
 * startup migration, so the (often privileged) migration login holds no idle connections while the
 * service runs. An application that later calls the Migrator bean reopens it for that call's
 * lifetime in the pool, until the next release or the context closes.
 */
final class DedicatedMigrationPool extends AbstractDataSource implements AutoCloseable {

    private final Supplier<DataSource> opener;
    private final String description;
    private @Nullable DataSource pool;

    DedicatedMigrationPool(Supplier<DataSource> opener, String description) {
        this.opener = opener;
        this.description = description;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource open;
        synchronized (this) {
            if (pool == null) {
                pool = opener.get();
            }
            open = pool;
        }
        return open.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("migrator's dedicated pool logs in with the configured user only");
    }

    synchronized boolean isOpen() {
        return pool != null;
    }

    /** Closes the pool and every connection in it; a later {@link #getConnection()} opens a new one. */
    synchronized void release() {
        if (pool instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot close migrator's pool on " + description, e);
            }
        }
        pool = null;
    }

    @Override
    public void close() {
        release();
    }

    @Override
    public String toString() {
        return "migrator pool on " + description;
    }
}
