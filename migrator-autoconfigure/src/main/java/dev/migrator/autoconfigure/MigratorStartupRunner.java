package dev.migrator.autoconfigure;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * {@code migrator.phase=runner}: does the startup work once the context has started. Liveness is
 * already correct then, and readiness turns to accepting traffic only after every runner returned,
 * so a load balancer waits for the migration while the orchestrator sees a live process.
 */
public final class MigratorStartupRunner implements ApplicationRunner, InitializingBean, Ordered {

    /** Before the application's own runners, which may well use the database. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final MigratorStartup startup;

    MigratorStartupRunner(MigratorStartup startup) {
        this.startup = startup;
    }

    /** Checks while the context refreshes, before a web server listens, that the locations hold scripts. */
    @Override
    public void afterPropertiesSet() {
        startup.checkScripts();
    }

    @Override
    public void run(ApplicationArguments args) {
        startup.run();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
