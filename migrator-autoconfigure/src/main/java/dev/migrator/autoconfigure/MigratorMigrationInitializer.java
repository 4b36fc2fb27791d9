package dev.migrator.autoconfigure;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * {@code migrator.phase=initialization}: does the startup work while the context refreshes. Spring
 * Boot's database-initialization ordering makes the JPA EntityManagerFactory, JdbcTemplate,
 * JdbcClient and jOOQ DSLContext depend on this bean (see
 * {@link MigratorMigrationInitializerDatabaseInitializerDetector}).
 */
public final class MigratorMigrationInitializer implements InitializingBean, Ordered {

    private final MigratorStartup startup;

    MigratorMigrationInitializer(MigratorStartup startup) {
        this.startup = startup;
    }

    @Override
    public void afterPropertiesSet() {
        startup.run();
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
