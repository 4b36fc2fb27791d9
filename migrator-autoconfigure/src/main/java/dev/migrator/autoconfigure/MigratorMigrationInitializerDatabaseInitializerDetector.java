package dev.migrator.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link MigratorMigrationInitializer} initializes the database, so beans that
 * depend on database initialization are created after it. The Migrator bean itself is not an
 * initializer: in the runner phase nothing waits for it during refresh.
 */
final class MigratorMigrationInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigratorMigrationInitializer.class);
    }

    /** Same slot as Boot's Flyway initializer (1): after the DataSource's own script initializer (0). */
    @Override
    public int getOrder() {
        return 1;
    }
}
