package dev.migrator.cli;

import dev.migrator.Migrator;
import dev.migrator.error.BadInputException;
import dev.migrator.java.JavaRevisionResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --class-path}: folders and jars the command line loads Java revisions from (a project's
 * {@code target/classes} and the jars its revisions need). The revisions are created with their
 * no-argument constructor; those that need the application's beans run from the application.
 */
final class JavaClassPath implements AutoCloseable {

    private final URLClassLoader loader;

    private JavaClassPath(URLClassLoader loader) {
        this.loader = loader;
    }

    static JavaClassPath of(Path workDir, List<String> entries) {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            Path entry = workDir.resolve(entries.get(i).strip());
            if (!Files.exists(entry)) {
                throw new BadInputException("--class-path entry " + entry + " does not exist; give folders of"
                        + " compiled classes (target/classes) and jars");
            }
            try {
                urls[i] = entry.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new BadInputException("--class-path entry " + entry + " is not a path: " + e.getMessage(), e);
            }
        }
        return new JavaClassPath(new URLClassLoader("migrator-java-revisions", urls, MigratorCli.class.getClassLoader()));
    }

    /** The migrator creating its Java revisions from these entries. */
    Migrator apply(Migrator migrator) {
        return migrator.withJavaRevisions(JavaRevisionResolver.constructing(loader));
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
