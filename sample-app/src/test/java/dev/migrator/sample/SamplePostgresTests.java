package dev.migrator.sample;

import static dev.migrator.sample.SampleClient.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same service and scripts against the local PostgreSQL, by setting spring.datasource.url,
 * and what its actuator says about them: the migrations endpoint, health, metrics, and no
 * migrationsql unless enabled.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SamplePostgresTests extends RunningSample {

    static final String HEAD = "7b6a59483726";
    static final List<String> REVISIONS = List.of("3f2a9c1b7d4e", "8c41d07e2b95", "5d6e7f809a1b", "a9b8c7d6e5f4",
            "0e1f2a3b4c5d", HEAD);

    private static final TestDatabase DB = TestDatabase.create(DatabaseKind.POSTGRESQL);

    @Autowired
    private Migrator migrator;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        useDatabase(registry, DB);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void migratesPostgresToTheHeadAndServesTheApi() throws Exception {
        assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
        assertThat(jdbc.sql("SELECT version_num FROM migrator_version").query(String.class).set())
                .containsExactly(HEAD);
        // The non-transactional revision's index is there.
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'note_title_idx'").query(Long.class)
                .single()).isEqualTo(1L);
        HttpResponse<String> notes = client.get("/notes");
        assertThat(notes.statusCode()).isEqualTo(200);
        assertThat(notes.body()).contains("Welcome to migrator", "\"tags\":[\"welcome\"]");
    }

    @Test
    void theMigrationsEndpointShowsTheDatabaseAgainstItsScripts() throws Exception {
        Map<String, Object> contexts = at(client.getObject("/actuator/migrations"), "contexts");
        assertThat(contexts).containsOnlyKeys("migrator-sample");
        Map<String, Object> migrator = at(contexts, "migrator-sample", "migrators", "migrator");
        assertThat(migrator).containsEntry("current", List.of(HEAD)).containsEntry("heads", List.of(HEAD))
                .containsEntry("state", "up-to-date").containsEntry("pending", List.of());
        List<Map<String, Object>> applied = at(migrator, "applied");
        assertThat(applied).extracting(row -> row.get("revision")).containsExactlyInAnyOrderElementsOf(REVISIONS);
        assertThat(applied.get(0)).containsEntry("revision", HEAD).containsEntry("direction", "upgrade")
                .containsEntry("outcome", "success").containsEntry("by", DB.user())
                .containsKeys("checksum", "appliedAt", "durationMillis");
    }

    @Test
    void theOfflineExportIsOffByDefault() throws Exception {
        assertThat(client.get("/actuator/migrationsql").statusCode()).isEqualTo(404);
        assertThat(client.get("/actuator/migrationsql?from=base&to=heads").statusCode()).isEqualTo(404);
    }

    @Test
    void theStartupRunShowsInTheMetrics() throws Exception {
        Map<String, Object> steps = client.getObject("/actuator/metrics/migrator.step");
        assertThat(measurement(steps, "COUNT")).isEqualTo(REVISIONS.size());
        List<Map<String, Object>> tags = at(steps, "availableTags");
        // one timer per direction and outcome: a revision tag would make one per revision
        assertThat(tags).extracting(tag -> tag.get("tag")).contains("direction", "outcome").doesNotContain("revision");
        Map<String, Object> upgrades = client.getObject(
                "/actuator/metrics/migrator.step?tag=direction:upgrade&tag=outcome:success");
        assertThat(measurement(upgrades, "COUNT")).isEqualTo(REVISIONS.size());
        Map<String, Object> runs = client.getObject("/actuator/metrics/migrator.run?tag=command:upgrade");
        assertThat(measurement(runs, "COUNT")).isEqualTo(1);
        assertThat(measurement(client.getObject("/actuator/metrics/migrator.pending"), "VALUE")).isEqualTo(0);
        assertThat(client.get("/actuator/metrics/migrator.failures").statusCode()).isEqualTo(404);
    }

    @Test
    void theMigrationsHealthIsUp() throws Exception {
        HttpResponse<String> response = client.get("/actuator/health/migrations");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> health = client.object(response.body());
        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> details = at(health, "details");
        assertThat(details).containsEntry("state", "up-to-date")
                .containsEntry("current", List.of(HEAD)).containsEntry("heads", List.of(HEAD))
                .containsEntry("pending", 0);
        assertThat((String) at(client.getObject("/actuator/health"), "components", "migrations", "status"))
                .isEqualTo("UP");
    }

    static double measurement(Map<String, Object> metric, String statistic) {
        List<Map<String, Object>> measurements = at(metric, "measurements");
        return measurements.stream().filter(m -> statistic.equals(m.get("statistic")))
                .map(m -> ((Number) m.get("value")).doubleValue()).findFirst().orElseThrow();
    }
}
