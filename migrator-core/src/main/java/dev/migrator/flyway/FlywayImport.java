package dev.migrator.flyway;

import dev.migrator.config.MigratorConfig;
import dev.migrator.error.BadInputException;
import dev.migrator.script.NewScript;
import dev.migrator.script.ScriptWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Flyway's built-ins that migrator's engine replaces with the same values (docs/script-format.md#placeholders). */
    private static final List<String> SAME_BUILT_INS =
            List.of("flyway:defaultschema", "flyway:user", "flyway:database", "flyway:filename");

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
     * A Flyway SQL callback, copied under its own name: migrator runs it at the same event.
     *
     * @param fileName the file to write it to ({@code beforeMigrate.sql})
     * @param text its SQL, as it is
     * @param source the Flyway file
     */
    public record ImportedCallback(String fileName, String text, Path source) {
    }

    /**
     * The imported scripts and what the user must know about the import.
     *
     * @param scripts one per versioned migration, in version order, then one per repeatable migration
     * @param callbacks the SQL callbacks, copied
     * @param notes what was not imported, or imported with a caveat (placeholders, skipped files), one
     *     line each naming the file
     */
    public record Result(List<ImportedScript> scripts, List<ImportedCallback> callbacks, List<String> notes) {

        public Result {
            scripts = List.copyOf(scripts);
            callbacks = List.copyOf(callbacks);
            notes = List.copyOf(notes);
        }
    }

    /** The revision scripts of the migrations, placeholders in Flyway's default syntax; writes nothing. */
    public static Result of(FlywayMigrations migrations) {
        return of(migrations, FlywayPlaceholderSyntax.DEFAULT);
    }

    /**
     * The revision scripts of the migrations; writes nothing.
     *
     * @param syntax how Flyway replaced placeholders in the project: scripts it replaced none in get
     *     {@code -- migrator:placeholders false} (callbacks, which have no header, their {@code ${} escaped);
     *     another prefix or suffix is rewritten to migrator's {@code ${name}}
     */
    public static Result of(FlywayMigrations migrations, FlywayPlaceholderSyntax syntax) {
        List<ImportedScript> scripts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        @Nullable String parent = null;
        for (FlywayMigration migration : migrations.versioned()) {
            FlywayVersion version = java.util.Objects.requireNonNull(migration.version());
            @Nullable FlywayMigration undo = migrations.undo().get(version);
            String id = version.revisionId();
            NewScript header = new NewScript(id, parent == null ? List.of() : List.of(parent), migration.description(),
                    List.of(), List.of());
            scripts.add(new ImportedScript(id, ScriptWriter.fileName(header), render(header, migration, undo, syntax),
                    migration));
            notes.addAll(placeholders(migration, syntax));
            if (undo != null) {
                notes.addAll(placeholders(undo, syntax));
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
            scripts.add(new ImportedScript(id, id + ".sql", renderRepeatable(id, repeatable, syntax), repeatable));
            notes.addAll(placeholders(repeatable, syntax));
        }
        for (String skipped : migrations.skipped()) {
            notes.add(skipped + ", not imported");
        }
        List<ImportedCallback> callbacks = new ArrayList<>();
        for (Path file : migrations.callbacks()) {
            boolean replaced = replaced(file, syntax);
            String text = FlywayMigrations.text(file);
            ImportedCallback callback = new ImportedCallback(file.getFileName().toString(),
                    replaced ? syntax.toMigrators(text) : FlywayPlaceholderSyntax.escapeMigrators(text), file);
            callbacks.add(callback);
            notes.addAll(placeholders(callback.fileName(), callback.text(), replaced));
        }
        return new Result(scripts, callbacks, notes);
    }

    private static String render(NewScript header, FlywayMigration migration, @Nullable FlywayMigration undo,
            FlywayPlaceholderSyntax syntax) {
        StringBuilder out = new StringBuilder();
        out.append("-- migrator:revision ").append(header.id()).append('\n');
        out.append("-- migrator:down").append(header.parents().isEmpty() ? "" : " " + header.parents().get(0))
                .append('\n');
        out.append("-- migrator:message ").append(header.message().replaceAll("\\s+", " ").strip()).append('\n');
        if (!migration.transactional()) {
            out.append("-- migrator:transactional false\n");
        }
        boolean replaced = replaced(migration.file(), syntax);
        if (!replaced) {
            out.append("-- migrator:placeholders false\n");
        }
        out.append("-- Imported from Flyway: ").append(migration.fileName()).append(" (version ")
                .append(migration.version()).append(')');
        out.append(undo == null ? "; no undo script, so irreversible" : "; downgrade from " + undo.fileName());
        out.append('\n').append('\n');
        out.append("-- migrator:upgrade\n");
        out.append(withNewline(replaced ? syntax.toMigrators(migration.sql()) : migration.sql()));
        if (undo != null) {
            out.append('\n').append("-- migrator:downgrade\n");
            out.append(withNewline(replaced ? syntax.toMigrators(undo.sql()) : undo.sql()));
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

    private static String renderRepeatable(String id, FlywayMigration migration, FlywayPlaceholderSyntax syntax) {
        StringBuilder out = new StringBuilder();
        out.append("-- migrator:revision ").append(id).append('\n');
        out.append("-- migrator:repeatable true\n");
        out.append("-- migrator:message ").append(migration.description().replaceAll("\\s+", " ").strip()).append('\n');
        if (!migration.transactional()) {
            out.append("-- migrator:transactional false\n");
        }
        boolean replaced = replaced(migration.file(), syntax);
        if (!replaced) {
            out.append("-- migrator:placeholders false\n");
        }
        out.append("-- Imported from Flyway: ").append(migration.fileName())
                .append(" (repeatable); runs again after the versioned revisions of an upgrade whenever it changes\n\n");
        out.append("-- migrator:upgrade\n");
        out.append(withNewline(replaced ? syntax.toMigrators(migration.sql()) : migration.sql()));
        return out.toString();
    }

    private static String withNewline(String sql) {
        return sql.isEmpty() || sql.endsWith("\n") ? sql : sql + "\n";
    }

    /**
     * A note per line naming a placeholder whose value the user must give migrator, or that has no
     * counterpart; Flyway's built-ins that migrator replaces alike need none.
     */
    private static List<String> placeholders(FlywayMigration migration, FlywayPlaceholderSyntax syntax) {
        boolean replaced = replaced(migration.file(), syntax);
        return placeholders(migration.fileName(), replaced ? syntax.toMigrators(migration.sql()) : migration.sql(),
                replaced);
    }

    private static List<String> placeholders(String fileName, String sql, boolean replaced) {
        List<String> notes = new ArrayList<>();
        if (!replaced) {
            return notes;
        }
        String[] lines = sql.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = PLACEHOLDER.matcher(lines[i]);
            while (matcher.find()) {
                if (matcher.start() > 0 && lines[i].charAt(matcher.start() - 1) == '\\') {
                    continue; // escaped: text to Flyway, and so to migrator
                }
                String name = matcher.group(1);
                String lower = name.toLowerCase(Locale.ROOT);
                if (!MigratorConfig.PLACEHOLDER_NAME.matcher(name).matches() || SAME_BUILT_INS.contains(lower)) {
                    continue;
                }
                String where = fileName + ":" + (i + 1) + ": ";
                notes.add(lower.startsWith("flyway:")
                        ? where + "uses Flyway's ${" + name + "}, which migrator has no value for; put the value in the"
                                + " imported script"
                        : where + "uses the placeholder ${" + name + "}, which migrator replaces as Flyway did: give it"
                                + " the value spring.flyway.placeholders." + name + " or flyway.placeholders." + name
                                + " gave, as migrator.placeholders." + name + ", --placeholder " + name
                                + "=VALUE or " + MigratorConfig.PLACEHOLDER_ENVIRONMENT_PREFIX
                                + name.toUpperCase(Locale.ROOT));
                break; // one note per line is enough to find it
            }
        }
        return notes;
    }

    /** Whether Flyway replaced placeholders in the file: the project's setting, then the file's own. */
    private static boolean replaced(Path file, FlywayPlaceholderSyntax syntax) {
        return syntax.replacement() && placeholderReplacement(file);
    }

    /** Flyway's per-script configuration: {@code V1__x.sql.conf} holding {@code placeholderReplacement=false}. */
    private static boolean placeholderReplacement(Path file) {
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            return true;
        }
        try {
            return Files.readAllLines(conf, StandardCharsets.UTF_8).stream()
                    .noneMatch(line -> line.replace(" ", "").equalsIgnoreCase("placeholderReplacement=false"));
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + conf + ": " + e.getMessage(), e);
        }
    }
}
