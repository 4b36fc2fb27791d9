package dev.migrator.autoconfigure.actuate.metrics;

import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.NOTE;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.TAG;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.migratedDuringRefresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;

/** The migrator.run and migrator.step observations, and the timers Boot's meter handler makes of them. */
class MigratorObservationTests {

    @Test
    void observesTheRunAndEachStepWithinIt() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            migratedDuringRefresh(db, MigratorObservationAutoConfiguration.class)
                    .withBean(TestObservationRegistry.class, TestObservationRegistry::create)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                                .hasNumberOfObservationsWithNameEqualTo("migrator.run", 1)
                                .hasNumberOfObservationsWithNameEqualTo("migrator.step", 2)
                                .forAllObservationsWithNameEqualTo("migrator.step", step -> step
                                        .hasLowCardinalityKeyValue("direction", "upgrade")
                                        .hasLowCardinalityKeyValue("outcome", "success"))
                                .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
                                        .filteredOn(observed -> "migrator.step".equals(observed.getName()))
                                        .allSatisfy(observed -> assertThat(observed.getParentObservation()
                                                .getContextView().getName()).isEqualTo("migrator.run")))
                                .hasAnObservation(step -> step.hasNameEqualTo("migrator.step")
                                        .hasContextualNameEqualTo("upgrade " + NOTE)
                                        .hasHighCardinalityKeyValue("revision", NOTE)
                                        .doesNotHaveLowCardinalityKeyValueWithKey("revision"))
                                .hasObservationWithNameEqualTo("migrator.run").that().hasBeenStopped()
                                .hasContextualNameEqualTo("migrator upgrade")
                                .hasLowCardinalityKeyValue("command", "upgrade")
                                .hasLowCardinalityKeyValue("outcome", "success")
                                .hasHighCardinalityKeyValue("steps", "2");
                    });
        }
    }

    @Test
    void aFailedStepEndsBothObservationsWithTheError() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            migratedDuringRefresh(db, MigratorObservationAutoConfiguration.class)
                    .withBean(TestObservationRegistry.class, TestObservationRegistry::create)
                    .withPropertyValues("migrator.on-startup=none", "migrator.locations=classpath:db/broken")
                    .run(context -> {
                        assertThatThrownBy(() -> context.getBean(Migrator.class).upgrade("heads"))
                                .isInstanceOf(MigrationFailedException.class);
                        TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                                .hasObservationWithNameEqualTo("migrator.step").that().hasBeenStopped()
                                .hasLowCardinalityKeyValue("outcome", "failure").hasError()
                                .assertThatError().isInstanceOf(MigrationFailedException.class);
                        TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                                .hasObservationWithNameEqualTo("migrator.run").that().hasBeenStopped()
                                .hasLowCardinalityKeyValue("outcome", "failure").hasError();
                    });
        }
    }

    @Test
    void withBootsObservationsTheStepTimerComesFromTheObservation() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            migratedDuringRefresh(db, MigratorObservationAutoConfiguration.class, MigratorMetricsAutoConfiguration.class)
                    .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                            MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                            CompositeMeterRegistryAutoConfiguration.class))
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(MigrationObservations.class)
                                .doesNotHaveBean(MigrationStepTimer.class);
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        assertThat(registry.get("migrator.step").tags("direction", "upgrade", "outcome", "success")
                                .timer().count()).isEqualTo(2);
                        assertThat(registry.get("migrator.run").tags("command", "upgrade", "outcome", "success")
                                .timer().count()).isEqualTo(1);
                        assertThat(registry.get("migrator.pending").gauge().value()).isZero();
                    });
        }
    }
}
