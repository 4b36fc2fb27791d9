package dev.migrator.benchmarks.boot;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boot benchmark's service (docs/performance.md, "Boot"): a small Spring Boot web service over JDBC (HikariCP)
 * with the actuator's readiness probe, one endpoint that reads the database through the pool. The same class runs in
 * every variant; which migration tool migrates at startup is decided by the class path alone (the driver puts
 * {@code boot-lib/common} and at most one tool's folder on it), so a variant loads no class of the other tools.
 *
 * <p>When ready it prints {@code READY uptime_ms=... cpu_ms=... classes=... beans=...}: the JVM's uptime, the process's
 * CPU time and the classes loaded at {@link ApplicationReadyEvent} (the readiness state turns to accepting traffic on the same event), and the
 * migration beans it has, by name, so that the driver can check that the variant ran its tool and no other.
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

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        // CPU time of the whole process (every thread, the JIT and GC included) up to now: what the boot cost the
        // machine, much steadier than the wall clock on a shared machine
        long cpuMs = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        // Bean names only: asking by type would load the tools' classes
        List<String> beans = new ArrayList<>();
        for (String name : event.getApplicationContext().getBeanDefinitionNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("flyway") || lower.equals("liquibase") || lower.equals("migrator")) {
                beans.add(lower);
            }
        }
        System.out.printf(Locale.ROOT, "READY uptime_ms=%d cpu_ms=%d classes=%d beans=%s%n", uptime, cpuMs, classes,
                beans.isEmpty() ? "none" : String.join(",", beans));
        System.out.flush();
    }
}
