package dev.migrator.benchmarks.boot;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.event.ApplicationReadyEvent;

/**
 * The line both boot services print at {@link ApplicationReadyEvent}: {@code READY uptime_ms=... cpu_ms=...
 * classes=... beans=...}, the JVM's uptime, the process's CPU time and the classes loaded then (the readiness state
 * turns to accepting traffic on the same event), and the migration beans the service has, by name, so that the
 * driver can check that the variant ran its tool and no other; and {@code startup_query=...}, what the
 * {@code connect} variant's one query at startup answered (-1 in every other variant).
 */
public final class ReadyLine {

    /** The {@code connect} variant's answer to its query at startup (the benchmark's tables), -1 until it ran. */
    private static volatile long startupQuery = -1;

    private ReadyLine() {
    }

    /** Records the {@code connect} variant's answer, printed in the line. */
    public static void startupQuery(long tables) {
        startupQuery = tables;
    }

    public static void print(ApplicationReadyEvent event) {
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
        System.out.printf(Locale.ROOT, "READY uptime_ms=%d cpu_ms=%d classes=%d beans=%s startup_query=%d%n", uptime,
                cpuMs, classes, beans.isEmpty() ? "none" : String.join(",", beans), startupQuery);
        System.out.flush();
    }
}
