package dev.migrator.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.util.ClassUtils;

/**
 * Makes R2DBC's {@code DatabaseClient} (and so Spring Data R2DBC repositories) wait for database
 * initialization, as Boot already does for JdbcTemplate, JdbcClient, JPA and jOOQ: with
 * {@code migrator.phase=initialization}, a reactive service's clients see the migrated schema.
 * Found through spring.factories, so it must load even without spring-r2dbc on the classpath.
 */
final class DatabaseClientDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    private static final String DATABASE_CLIENT = "org.springframework.r2dbc.core.DatabaseClient";

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        ClassLoader classLoader = DatabaseClientDependsOnDatabaseInitializationDetector.class.getClassLoader();
        if (!ClassUtils.isPresent(DATABASE_CLIENT, classLoader)) {
            return Set.of();
        }
        return Set.of(ClassUtils.resolveClassName(DATABASE_CLIENT, classLoader));
    }
}
