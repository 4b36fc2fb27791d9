package dev.migrator.sample;

import static dev.migrator.sample.SampleClient.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.ExternalCommand;
import dev.migrator.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample with the offline export enabled and no migration at startup, as a service whose DBA
 * runs the scripts: the endpoint hands out the script, psql runs it, and the service's database is
 * never touched; meanwhile its health says revisions are pending.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"migrator.offline-export.enabled=true", "migrator.on-startup=none"})
@DirtiesContext
class SamplePostgresExportTests extends RunningSample {

    private static final TestDatabase DB = TestDatabase.create(DatabaseKind.POSTGRESQL);

    @TempDir
    private Path dir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        useDatabase(registry, DB);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void theScriptFromTheDatabaseToTheHeadsRunsWithPsql() throws Exception {
        HttpResponse<String> response = client.get("/actuator/migrationsql");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        String script = response.body();
        assertThat(script).contains(SamplePostgresTests.REVISIONS).contains("CREATE INDEX note_title_idx");
        assertThat(DB.tableNames()).isEmpty();

        try (TestDatabase target = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            Path file = Files.writeString(dir.resolve("upgrade.sql"), script, StandardCharsets.UTF_8);
            List<String> psql = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
                    file.toString()));
            psql.addAll(target.clientArguments());
            ExternalCommand.run(psql).requireSuccess();
            List<String> version = new ArrayList<>(List.of("psql", "-X", "-A", "-t", "-c",
                    "SELECT version_num FROM migrator_version"));
            version.addAll(target.clientArguments());
            assertThat(ExternalCommand.run(version).requireSuccess().output().strip())
                    .isEqualTo(SamplePostgresTests.HEAD);
            assertThat(target.tableNames()).contains("note", "tag", "note_tag");
        }
    }

    @Test
    void aRangeOfRevisionsGivesJustThoseAndBadOnesAreABadRequest() throws Exception {
        String tags = client.get("/actuator/migrationsql?from=base&to=tags").body();
        assertThat(tags).contains("3f2a9c1b7d4e", "8c41d07e2b95").doesNotContain("5d6e7f809a1b");

        HttpResponse<String> unknown = client.get("/actuator/migrationsql?from=nosuch");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("nosuch").doesNotContain("Exception");
        assertThat(DB.tableNames()).isEmpty();
    }

    @Test
    void healthSaysRevisionsArePending() throws Exception {
        HttpResponse<String> response = client.get("/actuator/health/migrations");
        assertThat(response.statusCode()).isEqualTo(503);
        Map<String, Object> health = client.object(response.body());
        assertThat(health).containsEntry("status", "OUT_OF_SERVICE");
        Map<String, Object> details = at(health, "details");
        assertThat(details).containsEntry("state", "pending")
                .containsEntry("pending", SamplePostgresTests.REVISIONS.size());
        Map<String, Object> migrator = at(client.getObject("/actuator/migrations"), "contexts", "migrator-sample",
                "migrators", "migrator");
        assertThat(migrator).containsEntry("state", "pending").containsEntry("current", List.of());
        assertThat(SamplePostgresTests.measurement(client.getObject("/actuator/metrics/migrator.pending"), "VALUE"))
                .isEqualTo(SamplePostgresTests.REVISIONS.size());
    }
}
