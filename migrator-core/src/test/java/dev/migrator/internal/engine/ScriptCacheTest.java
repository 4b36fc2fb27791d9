package dev.migrator.internal.engine;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.engine.ScriptFolder;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

/** A Migrator reads its scripts once and again only when their files change. */
class ScriptCacheTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void statusCallsReuseTheScriptsReadUntilAFileChanges(DatabaseKind kind) throws Exception {
        ScriptFolder folder = new ScriptFolder(dir);
        folder.table("a");
        Path b = folder.table("b", "a");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = Migrator.create(db.dataSource(),
                    MigratorConfig.builder().locations(folder.location()).build());
            migrator.upgrade("heads");
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);

            // Same size, same time, unreadable as a script: only a re-read would notice.
            FileTime modified = Files.getLastModifiedTime(b);
            String text = Files.readString(b);
            Files.writeString(b, "x".repeat(text.length()));
            Files.setLastModifiedTime(b, modified);
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
            assertThat(migrator.withListener(MigrationListener.NONE).status().state())
                    .isEqualTo(MigrationStatus.State.UP_TO_DATE);

            // A real edit changes size or time: the scripts are read again and the edit is seen.
            Files.writeString(b, text.replace("CREATE TABLE t_b (id int);", "CREATE TABLE t_b (id bigint);"));
            assertThat(migrator.status().drifted()).extracting(revision -> revision.id()).containsExactly("b");
            folder.table("c", "b");
            assertThat(migrator.status().pending()).extracting(revision -> revision.id()).containsExactly("c");
        }
    }

    @Test
    void theSecondCallKeepsTheFirstLoadOfScriptsUnchangedSinceIt() throws Exception {
        ScriptFolder folder = new ScriptFolder(dir);
        folder.table("a");
        Path b = folder.table("b", "a");
        ageAll(Duration.ofHours(1)); // written long before this run, as a project's scripts are
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            Migrator migrator = Migrator.create(db.dataSource(),
                    MigratorConfig.builder().locations(folder.location()).build());
            migrator.upgrade("heads"); // loads without a fingerprint

            // Unreadable, same size and time: only a re-read would notice, and the second call must not read.
            FileTime modified = Files.getLastModifiedTime(b);
            String text = Files.readString(b);
            Files.writeString(b, "x".repeat(text.length()));
            Files.setLastModifiedTime(b, modified);
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);

            Files.writeString(b, text.replace("CREATE TABLE t_b (id int);", "CREATE TABLE t_b (id bigint);"));
            assertThat(migrator.status().drifted()).extracting(revision -> revision.id()).containsExactly("b");
        }
    }

    @Test
    void theSecondCallReadsAgainWhatChangedAroundTheFirstLoad() throws Exception {
        ScriptFolder folder = new ScriptFolder(dir);
        folder.table("a");
        Path b = folder.table("b", "a"); // written just now: a clock of whole seconds could date an edit after the load before it
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            Migrator migrator = Migrator.create(db.dataSource(),
                    MigratorConfig.builder().locations(folder.location()).build());
            migrator.upgrade("heads");

            FileTime modified = Files.getLastModifiedTime(b);
            Files.writeString(b, Files.readString(b).replace("(id int)", "(id INT)")); // same size
            Files.setLastModifiedTime(b, modified);
            assertThat(migrator.status().drifted()).extracting(revision -> revision.id()).containsExactly("b");
        }
    }

    private void ageAll(Duration age) throws IOException {
        FileTime old = FileTime.from(Instant.now().minus(age));
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                Files.setLastModifiedTime(path, old);
            }
        }
    }
}
