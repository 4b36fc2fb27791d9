package dev.migrator.autoconfigure.actuate.endpoint;

import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.NEWER;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.NOTE;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.SIDE;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.TAG;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.json;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.migratedDuringRefresh;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.migratedOverR2dbcDuringRefresh;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** {@code /actuator/migrations} in Boot's shape, read live, in each of its four states. */
class MigrationsEndpointTests {

    private static final String EXPOSED = "management.endpoints.web.exposure.include=migrations";

    private ApplicationContextRunner contextRunner(TestDatabase db) {
        return migratedDuringRefresh(db, MigratorEndpointAutoConfiguration.class).withPropertyValues(EXPOSED);
    }

    @Test
    void reportsAnUpToDateDatabaseWithItsHistory() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).run(context -> {
                Map<String, Object> migrator = migrator(context, "migrator");
                assertThat(migrator).containsEntry("current", List.of(TAG)).containsEntry("heads", List.of(TAG))
                        .containsEntry("state", "up-to-date").containsEntry("pending", List.of())
                        .containsEntry("drifted", List.of());
                List<Map<String, Object>> applied = list(migrator.get("applied"));
                assertThat(applied).extracting(row -> row.get("revision")).containsExactly(TAG, NOTE);
                assertThat(applied.get(0)).containsEntry("direction", "upgrade").containsEntry("outcome", "success")
                        .containsEntry("message", "create tag").containsKeys("checksum", "appliedAt", "durationMillis");
                assertThat((String) applied.get(0).get("by")).isEqualToIgnoringCase(db.user());
                assertThat((String) applied.get(0).get("checksum")).hasSize(64);
                assertThat(Instant.parse(String.valueOf(applied.get(0).get("appliedAt"))))
                        .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)));
            });
        }
    }

    @Test
    void listsPendingRevisionsInOrderWithTheirScripts() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues("migrator.on-startup=none").run(context -> {
                Map<String, Object> migrator = migrator(context, "migrator");
                assertThat(migrator).containsEntry("current", List.of()).containsEntry("state", "pending")
                        .containsEntry("applied", List.of());
                List<Map<String, Object>> pending = list(migrator.get("pending"));
                assertThat(pending).extracting(row -> row.get("revision")).containsExactly(NOTE, TAG);
                assertThat(pending.get(1)).containsEntry("message", "create tag")
                        .containsEntry("parents", List.of(NOTE));
                assertThat((String) pending.get(1).get("script")).endsWith("db/migrations/b2_tag.sql");

                // Read live: a run elsewhere shows on the next request.
                context.getBean(Migrator.class).upgrade(NOTE);
                assertThat(migrator(context, "migrator")).containsEntry("current", List.of(NOTE))
                        .containsEntry("state", "pending");
            });
        }
    }

    @Test
    void anEditedRepeatableRevisionIsPendingWithoutParents(@TempDir Path repeatables) throws Exception {
        Path view = repeatables.resolve("r_tag_names.sql");
        Files.writeString(view, "-- migrator:revision r_tag_names\n-- migrator:repeatable true\n-- migrator:message tag"
                + " names\n-- migrator:upgrade\nCREATE OR REPLACE VIEW tag_names AS SELECT name FROM tag;\n");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues("migrator.locations=classpath:db/migrations,filesystem:" + repeatables)
                    .run(context -> {
                        assertThat(migrator(context, "migrator")).containsEntry("state", "up-to-date")
                                .containsEntry("pending", List.of());
                        Files.writeString(view, Files.readString(view).replace("FROM tag", "FROM tag WHERE name > ''"));
                        Map<String, Object> migrator = migrator(context, "migrator");
                        assertThat(migrator).containsEntry("state", "pending").containsEntry("current", List.of(TAG));
                        List<Map<String, Object>> pending = list(migrator.get("pending"));
                        assertThat(pending).singleElement().satisfies(row -> assertThat(row)
                                .containsEntry("revision", "r_tag_names").containsEntry("parents", List.of())
                                .containsEntry("message", "tag names"));
                        assertThat(list(migrator.get("applied"))).extracting(row -> row.get("revision"))
                                .containsExactly("r_tag_names", TAG, NOTE);
                    });
        }
    }

    @Test
    void aDatabaseANewerReleaseMigratedIsAhead() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            upgrade(db, "db/migrations", "db/newer");
            contextRunner(db).withPropertyValues("migrator.on-startup=none").run(context -> {
                Map<String, Object> migrator = migrator(context, "migrator");
                assertThat(migrator).containsEntry("current", List.of(NEWER)).containsEntry("heads", List.of(TAG))
                        .containsEntry("state", "ahead").containsEntry("pending", List.of());
                assertThat(list(migrator.get("applied"))).extracting(row -> row.get("revision"))
                        .containsExactly(NEWER, TAG, NOTE);
            });
        }
    }

    @Test
    void unknownRevisionsAppliedAndKnownOnesPendingAreDiverged() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            upgrade(db, "db/migrations", "db/newer");
            contextRunner(db).withPropertyValues("migrator.on-startup=none",
                    "migrator.locations=classpath:db/migrations,classpath:db/sidebranch").run(context -> {
                        Map<String, Object> migrator = migrator(context, "migrator");
                        assertThat(migrator).containsEntry("current", List.of(NEWER))
                                .containsEntry("heads", List.of(SIDE)).containsEntry("state", "diverged");
                        assertThat(list(migrator.get("pending"))).extracting(row -> row.get("revision"))
                                .containsExactly(SIDE);
                    });
        }
    }

    @Test
    void anEditedAppliedRevisionIsDivergedAndNamed() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).run(context -> assertThat(migrator(context, "migrator")).containsEntry("state",
                    "up-to-date"));
            contextRunner(db).withPropertyValues("migrator.on-startup=none", "migrator.locations=classpath:db/edited")
                    .run(context -> {
                        Map<String, Object> migrator = migrator(context, "migrator");
                        assertThat(migrator).containsEntry("state", "diverged").containsEntry("pending", List.of());
                        assertThat(list(migrator.get("drifted"))).extracting(row -> row.get("revision"))
                                .containsExactly("a1note000001");
                    });
        }
    }

    @Test
    void worksOverR2dbc() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            migratedOverR2dbcDuringRefresh(db, MigratorEndpointAutoConfiguration.class).withPropertyValues(EXPOSED)
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(MigrationsEndpoint.class);
                        assertThat(migrator(context, "migrator")).containsEntry("current", List.of(TAG))
                                .containsEntry("state", "up-to-date");
                    });
        }
    }

    @Test
    void includesTheMigratorsOfParentContexts() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2);
                AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext()) {
            parent.setId("parent");
            parent.registerBean("parentMigrator", Migrator.class, () -> Migrator.create(db.dataSource(),
                    MigratorConfig.builder().locations(List.of("classpath:db/migrations")).build()));
            parent.refresh();
            contextRunner(db).withParent(parent).run(context -> {
                Map<String, Object> contexts = map(json(context.getBean(MigrationsEndpoint.class).migrations())
                        .get("contexts"));
                assertThat(contexts).containsKey("parent");
                assertThat(map(contexts.get(context.getId()))).containsEntry("parentId", "parent");
                assertThat(map(map(contexts.get("parent")).get("migrators"))).containsOnlyKeys("parentMigrator");
                assertThat(map(map(map(contexts.get("parent")).get("migrators")).get("parentMigrator")))
                        .containsEntry("state", "up-to-date");
            });
        }
    }

    @Test
    void neverShowsTheConnectionOrItsPassword() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            // Trust authentication ignores the password, so a made-up one still connects.
            contextRunner(db).withPropertyValues("spring.datasource.password=not-to-be-shown-42").run(context -> {
                String body = json(context.getBean(MigrationsEndpoint.class).migrations()).toString();
                assertThat(body).contains(TAG).doesNotContain("not-to-be-shown-42").doesNotContain(db.url())
                        .doesNotContain("jdbc:");
            });
        }
    }

    @Test
    void backsOffWhenNotExposed() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            migratedDuringRefresh(db, MigratorEndpointAutoConfiguration.class)
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
        }
    }

    @Test
    void backsOffWithoutAMigrator() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorEndpointAutoConfiguration.class))
                .withPropertyValues(EXPOSED)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
    }

    private static Map<String, Object> migrator(AssertableApplicationContext context, String bean) {
        assertThat(context).hasNotFailed();
        Map<String, Object> contexts = map(json(context.getBean(MigrationsEndpoint.class).migrations()).get("contexts"));
        return map(map(map(contexts.get(context.getId())).get("migrators")).get(bean));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
