package dev.migrator.flyway;

import dev.migrator.error.BadInputException;
import dev.migrator.script.NewScript;
import dev.migrator.script.ScriptWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a Flyway project's migrations into revision scripts: the versioned migrations become one
 * line of revisions in version order (ids from {@link FlywayVersion#revisionId()}), each keeping its
 * SQL as it is, with the undo script of its version as the downgrade section. A migration without
 * an undo script gets no downgrade section, so it is irreversible: a downgrade through it is refused
 * and names it, as for any revision without one. Repeatable migrations ({@code R__}) become repeatable
 * revisions, {@code r_<description>}.
 */
public final class FlywayImport {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private FlywayImport() {
    }

    /**
     * One revision script to write.
     *
     * @param revisionId the revision's id
     * @param fileName the file to write it to
     * @param text the script
     * @param source the Flyway file it came from
     */
    public record ImportedScript(String revisionId, String fileName, String text, FlywayMigration source) {
    }

    /**
     * The imported scripts and what the user must know about the import.
     *
     * @param scripts one per versioned migration, in version order, then one per repeatable migration
     * @param notes what was not imported, or imported with a caveat (placeholders, skipped files), one
     *     line each naming the file
     */
    public record Result(List<ImportedScript> scripts, List<String> notes) {

        public Result {
            scripts = List.copyOf(scripts);
            notes = List.copyOf(notes);
        }
    }

    /** The revision scripts of the migrations; writes nothing. */
    public static Result of(FlywayMigrations migrations) {
        List<ImportedScript> scripts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        @Nullable String parent = null;
        for (FlywayMigration migration : migrations.versioned()) {
            FlywayVersion version = java.util.Objects.requireNonNull(migration.version());
            @Nullable FlywayMigration undo = migrations.undo().get(version);
            String id = version.revisionId();
            NewScript header = new NewScript(id, parent == null ? List.of() : List.of(parent), migration.description(),
                    List.of(), List.of());
            scripts.add(new ImportedScript(id, ScriptWriter.fileName(header), render(header, migration, undo),
                    migration));
            notes.addAll(placeholders(migration));
            if (undo != null) {
                notes.addAll(placeholders(undo));
            }
            parent = id;
        }
        Map<String, FlywayMigration> repeatableIds = new HashMap<>();
        for (FlywayMigration repeatable : migrations.repeatable()) {
            String id = repeatableId(repeatable.description());
            FlywayMigration other = repeatableIds.putIfAbsent(id, repeatable);
            if (other != null) {
                throw new BadInputException("Two Flyway repeatable migrations would both be revision " + id + ": "
                        + other.file() + " and " + repeatable.file() + "; give them descriptions that differ in"
                        + " letters or digits");
            }
            scripts.add(new ImportedScript(id, id + ".sql", renderRepeatable(id, repeatable), repeatable));
            notes.addAll(placeholders(repeatable));
        }
        for (String skipped : migrations.skipped()) {
            notes.add(skipped + ", not imported");
        }
        return new Result(scripts, notes);
    }

    private static String render(NewScript header, FlywayMigration migration, @Nullable FlywayMigration undo) {
        StringBuilder out = new StringBuilder();
        out.append("-- migrator:revision ").append(header.id()).append('\n');
        out.append("-- migrator:down").append(header.parents().isEmpty() ? "" : " " + header.parents().get(0))
                .append('\n');
        out.append("-- migrator:message ").append(header.message().replaceAll("\\s+", " ").strip()).append('\n');
        if (!migration.transactional()) {
            out.append("-- migrator:transactional false\n");
        }
        out.append("-- Imported from Flyway: ").append(migration.fileName()).append(" (version ")
                .append(migration.version()).append(')');
        out.append(undo == null ? "; no undo script, so irreversible" : "; downgrade from " + undo.fileName());
        out.append('\n').append('\n');
        out.append("-- migrator:upgrade\n");
        out.append(withNewline(migration.sql()));
        if (undo != null) {
            out.append('\n').append("-- migrator:downgrade\n");
            out.append(withNewline(undo.sql()));
        }
        return out.toString();
    }

    /**
     * The id of the repeatable revision of an {@code R__<description>.sql} migration: {@code r_} and the
     * description in lower case, each run of other characters than letters and digits one {@code _}
     * ({@code R__Customer_views.sql} is {@code r_customer_views}). The takeover finds a Flyway history
     * row's repeatable revision by it.
     */
    public static String repeatableId(String description) {
        String slug = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String id = "r_" + slug;
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    private static String renderRepeatable(String id, FlywayMigration migration) {
        StringBuilder out = new StringBuilder();
        out.append("-- migrator:revision ").append(id).append('\n');
        out.append("-- migrator:repeatable true\n");
        out.append("-- migrator:message ").append(migration.description().replaceAll("\\s+", " ").strip()).append('\n');
        if (!migration.transactional()) {
            out.append("-- migrator:transactional false\n");
        }
        out.append("-- Imported from Flyway: ").append(migration.fileName())
                .append(" (repeatable); runs again after the versioned revisions of an upgrade whenever it changes\n\n");
        out.append("-- migrator:upgrade\n");
        out.append(withNewline(migration.sql()));
        return out.toString();
    }

    private static String withNewline(String sql) {
        return sql.isEmpty() || sql.endsWith("\n") ? sql : sql + "\n";
    }

    private static List<String> placeholders(FlywayMigration migration) {
        List<String> notes = new ArrayList<>();
        String[] lines = migration.sql().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = PLACEHOLDER.matcher(lines[i]);
            if (matcher.find()) {
                notes.add(migration.fileName() + ":" + (i + 1) + ": uses the Flyway placeholder ${" + matcher.group(1)
                        + "}, which migrator does not replace; put the value in the imported script");
            }
        }
        return notes;
    }
}
