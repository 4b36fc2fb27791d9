package dev.migrator.benchmarks.reactiveboot;

import dev.migrator.benchmarks.boot.ReadyLine;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The boot benchmark's reactive service (docs/performance.md, "Boot"): WebFlux on Netty over R2DBC, with the
 * actuator's readiness probe and one endpoint that reads the database through the R2DBC connection factory; no
 * servlet container, no JDBC of its own. Its class path is the driver's, as for {@code BootService}: the reactive
 * stack and at most one tool with what that tool needs besides (Flyway and Liquibase migrate over JDBC even here:
 * a JDBC driver and {@code spring.flyway.url}/{@code spring.liquibase.url}; migrator over the service's R2DBC).
 * {@code --bench.connect-at-startup=true} reads the database once before readiness, as {@code BootService} does.
 */
@SpringBootApplication
@RestController
public class ReactiveBootService implements ApplicationListener<ApplicationReadyEvent> {

    private final DatabaseClient database;

    public ReactiveBootService(DatabaseClient database) {
        this.database = database;
    }

    public static void main(String[] args) {
        SpringApplication.run(ReactiveBootService.class, args);
    }

    /** The service's own work: the number of the benchmark's tables {@code t<i>}, read over R2DBC. */
    @GetMapping("/tables")
    public Mono<Long> tables() {
        return database.sql("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
                + " AND tablename ~ '^t[0-9]+$'").map(row -> row.get(0, Long.class)).one();
    }

    /** The {@code connect} variant: the first R2DBC connection and one query, before the service is ready. */
    @Bean
    @ConditionalOnBooleanProperty("bench.connect-at-startup")
    static ApplicationRunner connectAtStartup(ReactiveBootService service) {
        return args -> ReadyLine.startupQuery(service.tables().blockOptional().orElse(-1L));
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ReadyLine.print(event);
    }
}
