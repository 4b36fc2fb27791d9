package dev.migrator.internal.script;

import dev.migrator.error.NoScriptsException;
import dev.migrator.script.ScriptLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptLocationsTest {

    @TempDir
    Path dir;

    private final ScriptLocations locations = new ScriptLocations(getClass().getClassLoader());

    @Test
    void aScriptInASubfolderOfOneLocationIsEnough() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        write(dir.resolve("full/2024/a.sql"));
        assertThatCode(() -> locations.requireScripts(
                List.of(ScriptLocation.parse(dir.resolve("empty").toString()), ScriptLocation.parse(dir.resolve("full").toString())),
                "h2")).doesNotThrowAnyException();
    }

    @Test
    void aMisnamedVendorFolderIsNamedBesideTheOneLookedFor() throws IOException {
        write(dir.resolve("migrations/postgres/a.sql"));
        write(dir.resolve("migrations/h2/a.sql"));
        assertThatThrownBy(() -> locations.requireScripts(List.of(ScriptLocation.parse(dir + "/migrations/{vendor}")),
                "postgresql"))
                .isInstanceOf(NoScriptsException.class)
                .hasMessageContaining(dir + "/migrations/postgresql (filesystem:" + dir + "/migrations/{vendor}): does not exist")
                .hasMessageContaining("folders beside it: h2, postgres")
                .hasMessageContaining("{vendor} is 'postgresql'");
    }

    @Test
    void aFolderWithoutScriptsIsToldApartFromAMissingOne() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/README.md"), "none yet");
        assertThatThrownBy(() -> locations.requireScripts(List.of(ScriptLocation.parse(dir + "/migrations")), "h2"))
                .hasMessageContaining("migrations: holds no *.sql file")
                .hasMessageNotContaining("{vendor}");
    }

    @Test
    void classpathFoldersInsideAJarAreListedToo() throws IOException {
        Path jar = dir.resolve("scripts.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("db/", "db/migrations/", "db/migrations/mysql/")) {
                out.putNextEntry(new JarEntry(folder)); // as jar and Maven write them
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("db/migrations/mysql/a.sql"));
            out.write("-- Revision ID: a\n-- Revises:\nSELECT 1;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ScriptLocations inJar = new ScriptLocations(loader);
            assertThatCode(() -> inJar.requireScripts(List.of(ScriptLocation.parse("classpath:db/migrations/{vendor}")),
                    "mysql")).doesNotThrowAnyException();
            assertThatThrownBy(() -> inJar.requireScripts(List.of(ScriptLocation.parse("classpath:db/migrations/{vendor}")),
                    "mariadb"))
                    .hasMessageContaining("classpath:db/migrations/mariadb (classpath:db/migrations/{vendor}): does not exist;"
                            + " folders beside it: mysql");
        }
    }

    private static void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("-- Revision ID: a\n-- Revises:\nSELECT 1;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
