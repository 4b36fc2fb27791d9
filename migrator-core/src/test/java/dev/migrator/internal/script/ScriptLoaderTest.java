package dev.migrator.internal.script;

import dev.migrator.error.ScriptException;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEverySqlFileBelowAFolderRecursively() throws IOException {
        write(dir.resolve("a_first.sql"), script("a", ""));
        write(dir.resolve("release2/b_second.sql"), script("b", "a"));
        write(dir.resolve("notes.txt"), "not a script");
        LoadedScripts loaded = new ScriptLoader().load(List.of(ScriptLocation.parse(dir.toString())), "postgresql");
        assertThat(loaded.scripts()).extracting(RevisionScript::id).containsExactly("a", "b");
        assertThat(loaded.scripts().get(1).source()).endsWith("b_second.sql");
        assertThat(loaded.missingLocations()).isEmpty();
    }

    @Test
    void severalLocationsFormOneSet() throws IOException {
        write(dir.resolve("one/a.sql"), script("a", ""));
        write(dir.resolve("two/b.sql"), script("b", "a"));
        LoadedScripts loaded = new ScriptLoader().load(
                ScriptLocation.parseAll("filesystem:" + dir.resolve("one") + "," + dir.resolve("two")), "h2");
        assertThat(loaded.scripts()).extracting(RevisionScript::id).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void vendorPlaceholderPicksTheDialectsFolder() throws IOException {
        write(dir.resolve("postgresql/p.sql"), script("p", ""));
        write(dir.resolve("h2/h.sql"), script("h", ""));
        ScriptLocation location = ScriptLocation.parse(dir + "/{vendor}");
        assertThat(new ScriptLoader().load(List.of(location), "h2").scripts()).extracting(RevisionScript::id)
                .containsExactly("h");
        assertThat(new ScriptLoader().load(List.of(location), "postgresql").scripts()).extracting(RevisionScript::id)
                .containsExactly("p");
    }

    @Test
    void aMissingLocationIsReportedNotSilentlyEmpty() {
        LoadedScripts loaded = new ScriptLoader().load(List.of(ScriptLocation.parse(dir.resolve("nope").toString()),
                ScriptLocation.parse("classpath:no/such/folder")), "h2");
        assertThat(loaded.scripts()).isEmpty();
        assertThat(loaded.missingLocations()).hasSize(2);
    }

    @Test
    void readsClasspathFoldersFromDirectories() throws IOException {
        write(dir.resolve("classes/db/migrations/a.sql"), script("a", ""));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
            LoadedScripts loaded = new ScriptLoader(loader).load(List.of(ScriptLocation.parse("classpath:db/migrations")), "h2");
            assertThat(loaded.scripts()).extracting(RevisionScript::id).containsExactly("a");
        }
    }

    @Test
    void readsClasspathFoldersFromInsideAJar() throws IOException {
        Path jar = dir.resolve("scripts.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migrations/"));
            putEntry(out, "db/migrations/a_base.sql", script("a", ""));
            putEntry(out, "db/migrations/sub/b_next.sql", script("b", "a"));
            putEntry(out, "db/other/c.sql", script("c", ""));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            LoadedScripts loaded = new ScriptLoader(loader).load(List.of(ScriptLocation.parse("classpath:/db/migrations/")), "h2");
            assertThat(loaded.scripts()).extracting(RevisionScript::id).containsExactly("a", "b");
            assertThat(loaded.scripts()).extracting(RevisionScript::source)
                    .containsExactly("classpath:db/migrations/a_base.sql", "classpath:db/migrations/sub/b_next.sql");
        }
    }

    @Test
    void aBrokenScriptNamesItsFile() throws IOException {
        write(dir.resolve("broken.sql"), "-- migrator:revision x y\n-- migrator:upgrade\n");
        assertThatThrownBy(() -> new ScriptLoader().load(List.of(ScriptLocation.parse(dir.toString())), "h2"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("broken.sql:1:");
    }

    @Test
    void aScriptThatIsNotUtf8IsAnError() throws IOException {
        Files.write(dir.resolve("latin1.sql"), "-- migrator:revision a\n-- migrator:upgrade\n-- caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new ScriptLoader().load(List.of(ScriptLocation.parse(dir.toString())), "h2"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("latin1.sql")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aValidScriptMayHoldTheReplacementCharacter() throws IOException {
        write(dir.resolve("a.sql"), "-- migrator:revision a\n-- migrator:upgrade\n-- \uFFFD\nSELECT 1;\n");
        LoadedScripts loaded = new ScriptLoader().load(List.of(ScriptLocation.parse(dir.toString())), "h2");
        assertThat(loaded.scripts().get(0).upgrade().sql()).contains("\uFFFD");
    }

    @Test
    void foldersAreReadInNameOrderAndAFolderNamedLikeAScriptIsAFolder() throws IOException {
        write(dir.resolve("b.sql"), script("b", "a"));
        write(dir.resolve("a.sql/inner.sql"), script("a", ""));
        write(dir.resolve("c/c.sql"), script("c", "b"));
        LoadedScripts loaded = new ScriptLoader().load(List.of(ScriptLocation.parse(dir.toString())), "h2");
        assertThat(loaded.scripts()).extracting(RevisionScript::id).containsExactly("a", "b", "c");
    }

    @Test
    void danglingLinksAndLinksToFoldersAreSkipped() throws IOException {
        write(dir.resolve("a.sql"), script("a", ""));
        write(dir.resolve("elsewhere/b.sql"), script("b", "a"));
        Files.createSymbolicLink(dir.resolve(".#a.sql"), Path.of("user@host.1234:1700000000")); // an Emacs lock file
        Files.createSymbolicLink(dir.resolve("linked.sql"), dir.resolve("elsewhere"));
        LoadedScripts loaded = new ScriptLoader().load(List.of(ScriptLocation.parse(dir.toString())), "h2");
        assertThat(loaded.scripts()).extracting(RevisionScript::id).containsExactly("a", "b");
    }

    static String script(String id, String parents) {
        return "-- migrator:revision " + id + "\n-- migrator:down " + parents + "\n-- migrator:upgrade\nSELECT 1;\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void putEntry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
