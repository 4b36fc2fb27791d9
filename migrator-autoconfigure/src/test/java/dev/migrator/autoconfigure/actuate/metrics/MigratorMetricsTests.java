package dev.migrator.autoconfigure.actuate.metrics;

import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.NOTE;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.TAG;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.migratedDuringRefresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.engine.Command;
import dev.migrator.error.DatabaseException;
import dev.migrator.error.GraphException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.error.TargetException;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The migrator.* meters after real runs: step timer, failure counter, pending gauge. */
class MigratorMetricsTests {

    private ApplicationContextRunner contextRunner(TestDatabase db) {
        return migratedDuringRefresh(db, MigratorMetricsAutoConfiguration.class)
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new);
    }

    @Test
    void timesEveryAppliedStepWithItsRevisionDirectionAndOutcome() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(MigrationStepTimer.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("migrator.step").tags("direction", "upgrade", "outcome", "success").timer()
                        .count()).isEqualTo(2);
                // one timer per direction and outcome, not one per revision
                assertThat(registry.find("migrator.step").timers()).hasSize(1);
                assertThat(registry.find("migrator.step").tagKeys("revision").timers()).isEmpty();
                context.getBean(Migrator.class).downgrade(NOTE);
                assertThat(registry.get("migrator.step").tags("direction", "downgrade",
                        "outcome", "success").timer().count()).isEqualTo(1);
                assertThat(registry.find("migrator.failures").counter()).isNull();
            });
        }
    }

    @Test
    void countsAFailedRunAndTimesItsFailedStep() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner(db).withPropertyValues("migrator.on-startup=none", "migrator.locations=classpath:db/broken")
                    .run(context -> {
                        assertThatThrownBy(() -> context.getBean(Migrator.class).upgrade("heads"))
                                .isInstanceOf(MigrationFailedException.class);
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        assertThat(registry.get("migrator.failures").tags("command", "upgrade", "exception",
                                "MigrationFailedException").counter().count()).isEqualTo(1);
                        assertThat(registry.get("migrator.step").tags("direction",
                                "upgrade", "outcome", "failure").timer().count()).isEqualTo(1);
                        assertThat(registry.find("migrator.step").tag("outcome", "success").timer()).isNull();
                    });
        }
    }

    @Test
    void aBadTargetCountsAsAFailedRun() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).run(context -> {
                assertThatThrownBy(() -> context.getBean(Migrator.class).upgrade("nosuch"))
                        .isInstanceOf(TargetException.class);
                assertThat(context.getBean(MeterRegistry.class).get("migrator.failures")
                        .tags("command", "upgrade", "exception", "TargetException").counter().count()).isEqualTo(1);
            });
        }
    }

    @Test
    void scriptsThatDoNotLoadAndARefusedConnectionCountAsFailedRunsToo() throws Exception {
        Path scripts = Files.createTempDirectory("broken-graph");
        Files.writeString(scripts.resolve("b.sql"), "-- migrator:revision b\n-- migrator:down missing\n\n"
                + "-- migrator:upgrade\nSELECT 1;\n");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues("migrator.on-startup=none", "migrator.locations=filesystem:" + scripts)
                    .run(context -> {
                        assertThatThrownBy(() -> context.getBean(Migrator.class).upgrade("heads"))
                                .isInstanceOf(GraphException.class);
                        assertThat(context.getBean(MeterRegistry.class).get("migrator.failures").tags("command",
                                "upgrade", "exception", "GraphException").counter().count()).isEqualTo(1);
                    });
            // nothing listens on port 1: the connection is refused before any script is looked at
            contextRunner(db).withPropertyValues("migrator.on-startup=none",
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
                    "spring.datasource.hikari.initialization-fail-timeout=-1").run(context -> {
                        assertThatThrownBy(() -> context.getBean(Migrator.class).stamp("heads"))
                                .isInstanceOf(DatabaseException.class);
                        assertThat(context.getBean(MeterRegistry.class).get("migrator.failures").tags("command",
                                "stamp", "exception", "DatabaseException").counter().count()).isEqualTo(1);
                    });
        }
    }

    @Test
    void thePendingGaugeIsReadAgainAfterARunButNotOnEveryScrape() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues("migrator.on-startup=none").run(context -> {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(pending(registry)).isEqualTo(2);
                context.getBean(Migrator.class).upgrade(NOTE);
                assertThat(pending(registry)).isEqualTo(1);
                // A change behind migrator's back shows only once the cached value is a minute old.
                try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("DELETE FROM \"migrator_version\"");
                }
                assertThat(pending(registry)).isEqualTo(1);
                context.getBean(Migrator.class).stamp(TAG);
                assertThat(pending(registry)).isEqualTo(0);
            });
        }
    }

    @Test
    void thePendingGaugeCountsAChangedRepeatableRevision(@TempDir Path repeatables) throws Exception {
        Files.writeString(repeatables.resolve("r_tag_names.sql"), "-- migrator:revision r_tag_names\n"
                + "-- migrator:repeatable true\n-- migrator:upgrade\nCREATE OR REPLACE VIEW tag_names AS SELECT name FROM tag;\n");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues("migrator.on-startup=none",
                    "migrator.locations=classpath:db/migrations,filesystem:" + repeatables).run(context -> {
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        assertThat(pending(registry)).isEqualTo(3);
                        context.getBean(Migrator.class).upgrade(TAG);
                        assertThat(pending(registry)).isEqualTo(0);
                    });
        }
    }

    @Test
    void offlineScriptsRecordNoSteps() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues("migrator.on-startup=none").run(context -> {
                Migrator migrator = context.getBean(Migrator.class);
                assertThat(migrator.scriptFromCurrent(Command.UPGRADE, "heads")).contains(TAG);
                assertThat(migrator.script(migrator.dialect(), Command.UPGRADE, "heads")).contains(TAG);
                assertThat(context.getBean(MeterRegistry.class).find("migrator.step").timers()).isEmpty();
            });
        }
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            migratedDuringRefresh(db, MigratorMetricsAutoConfiguration.class).run(context -> assertThat(context)
                    .hasNotFailed().doesNotHaveBean(MigrationStepTimer.class)
                    .doesNotHaveBean(MigrationFailureCounter.class).doesNotHaveBean(PendingRevisionsGauge.class));
        }
    }

    private static double pending(MeterRegistry registry) {
        return registry.get("migrator.pending").tag("name", "migrator").gauge().value();
    }
}
