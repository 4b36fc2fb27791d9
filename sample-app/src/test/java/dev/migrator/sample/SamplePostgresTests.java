package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same service and scripts against the local PostgreSQL, by setting spring.datasource.url. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SamplePostgresTests {

    private static final TestDatabase DB = TestDatabase.create(DatabaseKind.POSTGRESQL);

    @LocalServerPort
    private int port;

    @Autowired
    private Migrator migrator;

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("spring.datasource.username", DB::user);
        registry.add("spring.datasource.password", DB::password);
    }

    @AfterAll
    static void drop() {
        DB.close();
    }

    @Test
    void migratesPostgresToTheHeadAndServesTheApi() throws Exception {
        assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
        assertThat(jdbc.sql("SELECT version_num FROM migrator_version").query(String.class).set())
                .containsExactly("7b6a59483726");
        // The non-transactional revision's index is there.
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'note_title_idx'").query(Long.class)
                .single()).isEqualTo(1L);
        HttpResponse<String> notes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/notes")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notes.statusCode()).isEqualTo(200);
        assertThat(notes.body()).contains("Welcome to migrator", "\"tags\":[\"welcome\"]");
    }
}
