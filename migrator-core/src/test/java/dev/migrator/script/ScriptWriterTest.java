package dev.migrator.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptWriterTest {

    private final ScriptWriter writer = new ScriptWriter(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void newIdsAreTwelveLowerCaseHexDigitsAndDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ScriptWriter.newRevisionId();
            assertThat(id).matches("[0-9a-f]{12}");
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void writtenScriptParsesBackToTheSameHeader() throws Exception {
        NewScript merge = new NewScript("abc123def456", List.of("a1", "b2"), "merge billing and users",
                List.of("main"), List.of("c3"));
        Path file = writer.write(dir.resolve("new/folder"), merge);
        assertThat(file.getFileName().toString()).isEqualTo("abc123def456_merge_billing_and_users.sql");
        RevisionScript parsed = ScriptParser.parse(Files.readString(file), file.toString());
        assertThat(parsed.id()).isEqualTo("abc123def456");
        assertThat(parsed.parents()).containsExactly("a1", "b2");
        assertThat(parsed.message()).isEqualTo("merge billing and users");
        assertThat(parsed.branchLabels()).containsExactly("main");
        assertThat(parsed.dependsOn()).containsExactly("c3");
        assertThat(parsed.reversible()).isTrue();
        assertThat(Files.readString(file)).contains("-- Created 2026-11-25 10:00:00 UTC");
    }

    @Test
    void baseRevisionHasAnEmptyDownLine() {
        String text = writer.render(new NewScript("a", List.of(), "first", List.of(), List.of()));
        assertThat(text).contains("-- migrator:down\n");
        assertThat(ScriptParser.parse(text, "x").parents()).isEmpty();
    }

    @Test
    void slugIsAsciiLowerCaseAndShort() {
        assertThat(ScriptWriter.slug("Créer la table « compte » !")).isEqualTo("creer_la_table_compte");
        assertThat(ScriptWriter.slug("x".repeat(100))).hasSize(40);
        assertThat(ScriptWriter.fileName(new NewScript("a", List.of(), "", List.of(), List.of()))).isEqualTo("a.sql");
    }

    @Test
    void neverOverwritesAnExistingScript() {
        NewScript script = new NewScript("a", List.of(), "same", List.of(), List.of());
        writer.write(dir, script);
        assertThatThrownBy(() -> writer.write(dir, script)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("already exists");
    }
}
