package dev.migrator.autoconfigure.actuate.endpoint;

import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.NOTE;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.TAG;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.migratedDuringRefresh;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.migratedOverR2dbcDuringRefresh;
import static dev.migrator.autoconfigure.actuate.ActuateTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code /actuator/migrationsql}: only when enabled, the script for a range, a 400 for a bad one, no writes. */
class MigrationSqlEndpointTests {

    private static final String EXPOSED = "management.endpoints.web.exposure.include=migrationsql";
    private static final String ENABLED = "migrator.offline-export.enabled=true";

    private ApplicationContextRunner contextRunner(TestDatabase db) {
        return migratedDuringRefresh(db, MigratorEndpointAutoConfiguration.class)
                .withPropertyValues(EXPOSED, "migrator.on-startup=none");
    }

    @Test
    void isAbsentUnlessEnabledEvenWhenExposed() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).run(context -> assertThat(context).hasNotFailed()
                    .doesNotHaveBean(MigrationSqlEndpoint.class));
            contextRunner(db).withPropertyValues(ENABLED)
                    .run(context -> assertThat(context).hasSingleBean(MigrationSqlEndpoint.class));
        }
    }

    @Test
    void scriptsFromTheDatabasesRevisionsToTheHeadsWithoutWritingAnything() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            contextRunner(db).withPropertyValues(ENABLED).run(context -> {
                MigrationSqlEndpoint endpoint = context.getBean(MigrationSqlEndpoint.class);
                WebEndpointResponse<String> fresh = endpoint.script(null, null);
                assertThat(fresh.getStatus()).isEqualTo(200);
                assertThat(fresh.getBody()).contains("CREATE TABLE note", "CREATE TABLE tag", NOTE, TAG);
                assertThat(db.tableNames()).isEmpty();

                context.getBean(Migrator.class).upgrade(NOTE);
                List<String> history = rows(db, "SELECT id, revision, direction FROM migrator_history ORDER BY id");
                WebEndpointResponse<String> rest = endpoint.script("current", "heads");
                assertThat(rest.getStatus()).isEqualTo(200);
                assertThat(rest.getBody()).contains("CREATE TABLE tag").doesNotContain("CREATE TABLE note");
                assertThat(db.tableNames()).doesNotContain("tag");
                assertThat(rows(db, "SELECT version_num FROM migrator_version")).containsExactly(NOTE);
                assertThat(rows(db, "SELECT id, revision, direction FROM migrator_history ORDER BY id"))
                        .isEqualTo(history);
            });
        }
    }

    @Test
    void scriptsAnyRangeOfRevisions() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
            contextRunner(db).withPropertyValues(ENABLED).run(context -> {
                MigrationSqlEndpoint endpoint = context.getBean(MigrationSqlEndpoint.class);
                assertThat(endpoint.script("base", NOTE).getBody()).contains("CREATE TABLE note")
                        .doesNotContain("CREATE TABLE tag");
                assertThat(endpoint.script(NOTE, "heads").getBody()).contains("CREATE TABLE tag")
                        .doesNotContain("CREATE TABLE note");
                assertThat(db.tableNames()).isEmpty();
            });
        }
    }

    @Test
    void badRevisionsAreABadRequestWithTheReason() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            contextRunner(db).withPropertyValues(ENABLED).run(context -> {
                MigrationSqlEndpoint endpoint = context.getBean(MigrationSqlEndpoint.class);
                WebEndpointResponse<String> unknownFrom = endpoint.script("nosuch", "heads");
                assertThat(unknownFrom.getStatus()).isEqualTo(400);
                assertThat(unknownFrom.getBody()).contains("nosuch").doesNotContain("\tat ");
                WebEndpointResponse<String> unknownTo = endpoint.script("current", "nowhere");
                assertThat(unknownTo.getStatus()).isEqualTo(400);
                assertThat(unknownTo.getBody()).contains("nowhere");
                assertThat(endpoint.script("base:" + NOTE, null).getStatus()).isEqualTo(400);
                assertThat(db.tableNames()).isEmpty();
            });
        }
    }

    @Test
    void worksOverR2dbc() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            migratedOverR2dbcDuringRefresh(db, MigratorEndpointAutoConfiguration.class)
                    .withPropertyValues("migrator.on-startup=none", EXPOSED, ENABLED)
                    .run(context -> {
                        MigrationSqlEndpoint endpoint = context.getBean(MigrationSqlEndpoint.class);
                        assertThat(endpoint.script(null, null).getBody()).contains("CREATE TABLE note", TAG);
                        assertThat(endpoint.script("base", NOTE).getBody()).contains("CREATE TABLE note")
                                .doesNotContain(TAG);
                        assertThat(db.tableNames()).isEmpty();
                    });
        }
    }
}
