package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.RunResult;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** Whole SpringApplication boots: what the runner phase means for liveness and readiness, and concurrent boots. */
class MigratorStartupTests {

    @Test
    void migratesOnStartupWithTheRunnerAfterLivenessAndBeforeReadiness() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            MigrationListener listener = new MigrationListener() {
                @Override
                public void runFinished(RunResult result) {
                    events.add("migrated to " + result.rowsAfter());
                }
            };
            ApplicationListener<AvailabilityChangeEvent<?>> availability = event -> events.add(
                    String.valueOf(event.getState()));
            try (ConfigurableApplicationContext context = application(db).listeners(availability)
                    .initializers(ctx -> ctx.getBeanFactory().registerSingleton("listener", listener)).run()) {
                assertThat(context.getBean(Migrator.class).current()).containsExactly("b2tag0000002");
            }
            assertThat(events).containsSubsequence("CORRECT", "migrated to [b2tag0000002]", "ACCEPTING_TRAFFIC");
        }
    }

    @Test
    void twoInstancesBootingAtOnceApplyEachRevisionOnce() throws Exception {
        // Two applications in one JVM initialise Logback at the same moment, which it does not survive
        // (a ConcurrentModificationException in its property map, about one run in ten); real instances
        // are separate processes. Without a logging system the migrations still race each other here.
        String loggingSystem = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            bootTwiceAtOnce();
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
            }
        }
    }

    private static void bootTwiceAtOnce() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> boots = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    boots.add(pool.submit(() -> {
                        start.await();
                        application(db).run().close();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> boot : boots) {
                    boot.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT revision, count(*) FROM migrator_history WHERE direction = 'upgrade' GROUP BY revision"
                            + " ORDER BY revision")) {
                List<String> counts = new ArrayList<>();
                while (rs.next()) {
                    counts.add(rs.getString(1) + "=" + rs.getInt(2));
                }
                assertThat(counts).containsExactly("a1note000001=1", "b2tag0000002=1");
            }
        }
    }

    private static SpringApplicationBuilder application(TestDatabase db) {
        return new SpringApplicationBuilder(MinimalApplication.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "spring.main.banner-mode=off");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
            MigratorStartupAutoConfiguration.class})
    static class MinimalApplication {
    }
}
