package dev.migrator.autoconfigure.actuate.health;

import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.NEWER;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.TAG;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.migratedDuringRefresh;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Health contributor {@code migrations}: UP with nothing pending, the configured status otherwise. */
class MigrationsHealthIndicatorTests {

    private ApplicationContextRunner contextRunner(TestDatabase db) {
        return migratedDuringRefresh(db, MigratorHealthContributorAutoConfiguration.class);
    }

    @Test
    void isUpWhenNothingIsPending() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).run(context -> {
                Health health = health(context);
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("state", "up-to-date")
                        .containsEntry("current", List.of(TAG)).containsEntry("heads", List.of(TAG))
                        .containsEntry("pending", 0);
            });
        }
    }

    @Test
    void isOutOfServiceWhileRevisionsArePending() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues("migrator.on-startup=none").run(context -> {
                Health health = health(context);
                assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                assertThat(health.getDetails()).containsEntry("state", "pending").containsEntry("current", List.of())
                        .containsEntry("pending", 2);
            });
        }
    }

    @Test
    void thePendingStatusIsConfigurable() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues("migrator.on-startup=none", "migrator.health.pending-status=down")
                    .run(context -> assertThat(health(context).getStatus()).isEqualTo(Status.DOWN));
            contextRunner(db).withPropertyValues("migrator.on-startup=none", "migrator.health.pending-status=UP")
                    .run(context -> assertThat(health(context).getStatus()).isEqualTo(Status.UP));
        }
    }

    @Test
    void aDatabaseANewerReleaseMigratedIsUp() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            upgrade(db, "db/migrations", "db/newer");
            contextRunner(db).withPropertyValues("migrator.on-startup=none").run(context -> {
                Health health = health(context);
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("state", "ahead")
                        .containsEntry("current", List.of(NEWER)).containsEntry("pending", 0);
            });
        }
    }

    @Test
    void isDownWhenTheDatabaseCannotBeRead() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner(db).withPropertyValues("migrator.on-startup=none",
                    "spring.datasource.url=" + db.url().replace(db.name(), db.name() + "_missing"),
                    "spring.datasource.hikari.initialization-fail-timeout=-1",
                    "spring.datasource.hikari.connection-timeout=2000")
                    .run(context -> {
                        Health health = health(context);
                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(health.getDetails()).containsKey("error");
                    });
        }
    }

    @Test
    void backsOffWhenDisabled() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues("management.health.migrations.enabled=false")
                    .run(context -> assertThat(context).hasNotFailed()
                            .doesNotHaveBean(MigrationsHealthIndicator.class));
        }
    }

    private static Health health(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed().hasBean("migrationsHealthIndicator");
        return context.getBean(MigrationsHealthIndicator.class).health(true);
    }
}
