package dev.migrator.flyway;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One Flyway SQL migration file.
 *
 * @param kind versioned ({@code V}), undo ({@code U}) or repeatable ({@code R})
 * @param version the version; null for a repeatable migration
 * @param description the description from the file name, underscores as spaces (as Flyway shows it)
 * @param file where it was read
 * @param sql its text, without a byte order mark
 * @param transactional false when a {@code .sql.conf} beside it says {@code executeInTransaction=false}
 */
public record FlywayMigration(Kind kind, @Nullable FlywayVersion version, String description, Path file, String sql,
        boolean transactional) {

    /** The file name prefixes Flyway gives SQL migrations by default. */
    public enum Kind {
        VERSIONED, UNDO, REPEATABLE
    }

    public String fileName() {
        return file.getFileName().toString();
    }
}
