package dev.migrator.autoconfigure;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Reports the database migrator migrates as managed, so Hibernate's {@code ddl-auto} defaults to
 * {@code none} instead of {@code create-drop} on an embedded database.
 */
final class MigratorSchemaManagementProvider implements SchemaManagementProvider {

    private final MigrationDatabase database;

    MigratorSchemaManagementProvider(MigrationDatabase database) {
        this.database = database;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return dataSource.equals(database.dataSource()) ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
    }
}
