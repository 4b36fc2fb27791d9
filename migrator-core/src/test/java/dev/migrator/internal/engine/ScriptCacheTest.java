package dev.migrator.internal.engine;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.engine.ScriptFolder;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
}
