package dev.migrator.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-world data beside the repository ({@code ../shared/corpora}): Alembic graphs of
 * public projects and the pagila schema. Missing corpora fail the test, never skip it.
 */
public final class Corpora {

    private Corpora() {
    }

    /** The corpora folder, found by walking up from the working directory. */
    public static Path root() {
        String configured = System.getenv("MIGRATOR_CORPORA");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpora");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No shared/corpora folder above " + start
                + "; clone the repository with shared/ beside it, or set MIGRATOR_CORPORA");
    }

    /** A file of the corpora, e.g. {@code alembic-graphs/openstack__neutron.tsv}. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Corpus file " + file + " is missing");
        }
        return file;
    }
}
