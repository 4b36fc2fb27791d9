package dev.migrator.autoconfigure;

import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The DataSource the auto-configured migrator works on, and the dedicated pool behind it when
 * migrator opened one ({@code migrator.url} / {@code migrator.user}), so startup can close it.
 */
final class MigrationDatabase implements MigrationConnection, AutoCloseable {

    private final DataSource dataSource;
    private final @Nullable DedicatedMigrationPool pool;

    private MigrationDatabase(DataSource dataSource, @Nullable DedicatedMigrationPool pool) {
        this.dataSource = dataSource;
        this.pool = pool;
    }

    static MigrationDatabase shared(DataSource dataSource) {
        return new MigrationDatabase(dataSource, null);
    }

    static MigrationDatabase dedicated(DedicatedMigrationPool pool) {
        return new MigrationDatabase(pool, pool);
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Nullable DedicatedMigrationPool pool() {
        return pool;
    }

    /** Closes the dedicated pool, if any, once the startup work is done; the next call reopens it. */
    @Override
    public void release() {
        if (pool != null) {
            pool.release();
        }
    }

    @Override
    public void close() {
        release();
    }
}
