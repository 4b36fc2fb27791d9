package dev.migrator.benchmarks.boot;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boot benchmark's service (docs/performance.md, "Boot"): a small Spring Boot web service over JDBC (HikariCP)
 * with the actuator's readiness probe, one endpoint that reads the database through the pool. The same class runs in
 * every variant; which migration tool migrates at startup is decided by the class path alone (the driver puts
 * {@code boot-lib/common} and at most one tool's folder on it), so a variant loads no class of the other tools.
 *
 * <p>With {@code --bench.connect-at-startup=true} and no tool (the {@code connect} variant), a runner reads the
 * database once before the service is ready: the floor of what any tool that reads the database at startup pays
 * (the pool's first connection, the JDBC driver, one query), which the no-tool service pays only at its first request.
 *
 * <p>When ready it prints {@link ReadyLine}.
 */
@SpringBootApplication
@RestController
public class BootService implements ApplicationListener<ApplicationReadyEvent> {

    private final JdbcClient jdbc;

    public BootService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static void main(String[] args) {
        SpringApplication.run(BootService.class, args);
    }

    /** The service's own work: the number of the benchmark's tables {@code t<i>}, read over the pool. */
    @GetMapping("/tables")
    public long tables() {
        return jdbc.sql("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
                + " AND tablename ~ '^t[0-9]+$'").query(Long.class).single();
    }

    @Bean
    @ConditionalOnBooleanProperty("bench.connect-at-startup")
    static ApplicationRunner connectAtStartup(BootService service) {
        return args -> ReadyLine.startupQuery(service.tables());
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ReadyLine.print(event);
    }
}
