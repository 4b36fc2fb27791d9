package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conductor's PostgreSQL migrations, with their location in flyway.conf as a Flyway command-line project keeps it. */
class PostgresFlywayIT extends FlywayTakeoverEndToEnd {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }

    @Override
    String migrations() {
        return "conductor-postgres";
    }

    @Override
    int count() {
        return 7;
    }

    @Override
    Path layOut(List<String> files) throws IOException {
        Path folder = work.resolve("sql");
        copy(files, folder);
        Files.writeString(work.resolve("flyway.conf"), "flyway.locations=filesystem:sql\n");
        return folder;
    }

    /**
     * Conductor has no undo scripts (a Flyway Teams feature); this one, written for the test, undoes
     * V7 back to the index V4 made.
     */
    @Test
    void anUndoScriptBecomesTheDowngradeAndAMigrationWithoutOneIsIrreversible() throws Exception {
        try (TestDatabase db = TestDatabase.create(kind())) {
            Path folder = layOut(files());
            flyway(db, folder, config -> config);
            Files.writeString(folder.resolve("U7__new_qm_index_desc_priority.sql"), "DROP INDEX IF EXISTS"
                    + " combo_queue_message;\nCREATE INDEX combo_queue_message ON queue_message"
                    + " (queue_name,priority,popped,deliver_on,created_on);\n");
            ok(CliJar.run(work, Map.of(), List.of("import", "flyway")));
            ok(cli(db, "stamp", "--from-flyway"));
            ok(cli(db, "downgrade", "v6"));
            assertThat(column(db, "SELECT version_num FROM migrator_version")).containsExactly("v6");
            assertThat(column(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'combo_queue_message'"))
                    .singleElement().asString().doesNotContain("DESC");
            CliJar.Result refused = cli(db, "downgrade", "v5");
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err()).contains("v6");
            assertThat(column(db, "SELECT version_num FROM migrator_version")).containsExactly("v6");
        }
    }
}
