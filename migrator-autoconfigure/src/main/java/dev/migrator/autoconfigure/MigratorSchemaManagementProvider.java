package dev.migrator.autoconfigure;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.SchemaManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Reports the database migrator migrates as managed, so Hibernate's {@code ddl-auto} defaults to
 * {@code none} instead of {@code create-drop} on an embedded database. With the application's own
 * Migrator bean, which connection it migrates is not known here: every DataSource counts as managed.
 */
final class MigratorSchemaManagementProvider implements SchemaManagementProvider {

    private final @Nullable MigrationDatabase database;

    /** @param database the auto-configured connection, or null beside an application's own Migrator */
    MigratorSchemaManagementProvider(@Nullable MigrationDatabase database) {
        this.database = database;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        MigrationDatabase migrated = database;
        return migrated == null || dataSource.equals(migrated.dataSource()) ? SchemaManagement.MANAGED
                : SchemaManagement.UNMANAGED;
    }
}
