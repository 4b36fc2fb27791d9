package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.dialect.Dialects;
import dev.migrator.engine.MigrationStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Boots the sample on its embedded H2 database, as the README runs it, and uses its API. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests extends RunningSample {

    @Autowired
    private Migrator migrator;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void versionTableHoldsTheHeadsOfTheScripts() {
        Set<String> heads = migrator.scripts(Dialects.byName("h2")).graph().heads();
        assertThat(heads).containsExactly("7b6a59483726");
        // migrator quotes its table names (not its columns), so on H2 the names stay lower case.
        assertThat(jdbc.sql("SELECT version_num FROM \"migrator_version\"").query(String.class).set())
                .isEqualTo(heads);
        MigrationStatus status = migrator.status();
        assertThat(status.state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
        assertThat(status.pending()).isEmpty();
        // Both branches, the merge, the index and the data migration ran once each.
        assertThat(jdbc.sql("SELECT revision FROM \"migrator_history\" WHERE direction = 'upgrade'")
                .query(String.class).list()).containsExactlyInAnyOrder("3f2a9c1b7d4e", "8c41d07e2b95", "5d6e7f809a1b",
                        "a9b8c7d6e5f4", "0e1f2a3b4c5d", "7b6a59483726");
    }

    @Test
    void theDataMigrationLeftAWelcomeNote() throws Exception {
        List<Map<String, Object>> notes = client.getList("/notes");
        assertThat(notes).anySatisfy(note -> {
            assertThat(note).containsEntry("title", "Welcome to migrator").containsEntry("pinned", true);
            assertThat(note.get("tags")).isEqualTo(List.of("welcome"));
        });
    }

    @Test
    void notesCanBeCreatedReadAndTagged() throws Exception {
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(client.uri("/notes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"  Buy milk \",\"body\":\"2 litres\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        Map<String, Object> note = client.object(created.body());
        long id = ((Number) note.get("id")).longValue();
        assertThat(note).containsEntry("title", "Buy milk").containsEntry("pinned", false);
        assertThat(created.headers().firstValue("Location")).hasValue("/notes/" + id);

        HttpResponse<String> tagged = client.send(HttpRequest.newBuilder(client.uri("/notes/" + id + "/tags/Errands"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(tagged.statusCode()).isEqualTo(200);
        assertThat(client.object(tagged.body()).get("tags")).isEqualTo(List.of("errands"));

        HttpResponse<String> read = client.send(HttpRequest.newBuilder(client.uri("/notes/" + id)).GET());
        assertThat(client.object(read.body())).containsEntry("body", "2 litres")
                .containsEntry("tags", List.of("errands"));

        assertThat(client.getList("/tags")).contains(Map.of("name", "errands", "notes", 1),
                Map.of("name", "welcome", "notes", 1));
    }

    @Test
    void unknownNotesAndBadInputAreClientErrors() throws Exception {
        assertThat(client.get("/notes/987654").statusCode()).isEqualTo(404);
        assertThat(client.send(HttpRequest.newBuilder(client.uri("/notes/987654/tags/x"))
                .POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(404);
        assertThat(client.send(HttpRequest.newBuilder(client.uri("/notes")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"\"}"))).statusCode()).isEqualTo(400);
    }
}
