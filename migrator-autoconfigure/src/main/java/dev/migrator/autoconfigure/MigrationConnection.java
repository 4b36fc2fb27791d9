package dev.migrator.autoconfigure;

/**
 * The connection the auto-configured Migrator migrates over, as the startup work sees it: something
 * to release once that work is done. Over JDBC it is {@link MigrationDatabase} (which closes
 * migrator's dedicated pool); the startup work knows nothing more, so it needs no JDBC class.
 */
interface MigrationConnection {

    /** Frees what only the migration needed; a later call on the Migrator may take it again. */
    void release();
}
