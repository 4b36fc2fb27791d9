package dev.migrator.script;

import dev.migrator.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Writes new revision scripts in the format {@link ScriptParser} reads. */
public final class ScriptWriter {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);
    private static final int SLUG_LENGTH = 40;

    private final Clock clock;

    public ScriptWriter(Clock clock) {
        this.clock = clock;
    }

    public ScriptWriter() {
        this(Clock.systemUTC());
    }

    /** A fresh revision id: 12 random lower-case hex digits, as Alembic makes them. */
    public static String newRevisionId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The file name for a script: {@code <revision>_<slug>.sql}. */
    public static String fileName(NewScript script) {
        String slug = slug(script.message());
        return slug.isEmpty() ? script.id() + ".sql" : script.id() + "_" + slug + ".sql";
    }

    /** The text of a new script with empty sections to fill in. */
    public String render(NewScript script) {
        return render(script, null);
    }

    /**
     * The script of a new Java revision: the header names {@code className} at version 1, and the two
     * section markers stay, holding comments only, so that it is reversible until the downgrade marker goes.
     */
    public String renderJava(NewScript script, String className) {
        return render(script, className);
    }

    private String render(NewScript script, @Nullable String javaClass) {
        StringBuilder out = new StringBuilder();
        out.append("-- migrator:revision ").append(script.id()).append('\n');
        out.append("-- migrator:down").append(script.parents().isEmpty() ? "" : " " + String.join(", ", script.parents()))
                .append('\n');
        out.append("-- migrator:message ").append(script.message().replaceAll("\\s+", " ").trim()).append('\n');
        if (!script.branchLabels().isEmpty()) {
            out.append("-- migrator:branch-labels ").append(String.join(", ", script.branchLabels())).append('\n');
        }
        if (!script.dependsOn().isEmpty()) {
            out.append("-- migrator:depends-on ").append(String.join(", ", script.dependsOn())).append('\n');
        }
        if (javaClass != null) {
            out.append("-- migrator:java ").append(javaClass).append('\n');
            out.append("-- migrator:java-version 1\n");
        }
        out.append("-- Created ").append(CREATED.format(clock.instant().atZone(ZoneOffset.UTC))).append('\n');
        out.append('\n');
        if (javaClass != null) {
            String name = new JavaReference(javaClass, "1").simpleName();
            return out.append("-- migrator:upgrade\n-- ").append(name).append(".upgrade(connection) runs here, in the")
                    .append(" revision's transaction. Raise java-version when a change to it must count as an edit.\n\n")
                    .append("-- migrator:downgrade\n-- ").append(name).append(".downgrade(connection) runs here;")
                    .append(" without this marker the revision is irreversible.\n").toString();
        }
        out.append("-- migrator:upgrade\n");
        out.append(script.parents().size() > 1 ? "-- A merge revision usually needs no SQL.\n" : "\n");
        out.append('\n');
        out.append("-- migrator:downgrade\n");
        out.append('\n');
        return out.toString();
    }

    /**
     * The id {@code migrator revision --repeatable} gives a repeatable revision: {@code r_} and the
     * message's slug, since repeatable revisions run in id order and a reader sorts them by name.
     */
    public static String repeatableId(String message) {
        return "r_" + slug(message);
    }

    /** The text of a new repeatable revision ({@code -- migrator:repeatable true}), its upgrade section to fill in. */
    public String renderRepeatable(String id, String message) {
        return "-- migrator:revision " + id + "\n-- migrator:repeatable true\n-- migrator:message "
                + message.replaceAll("\\s+", " ").trim() + "\n-- Created "
                + CREATED.format(clock.instant().atZone(ZoneOffset.UTC)) + "\n\n-- migrator:upgrade\n"
                + "-- Runs again after the versioned revisions of every upgrade that finds this section changed:\n"
                + "-- write it to run twice (CREATE OR REPLACE, or DROP ... IF EXISTS first).\n\n";
    }

    /** Writes a new repeatable revision into {@code folder} as {@code <id>.sql}; never overwrites. */
    public Path writeRepeatable(Path folder, String id, String message) {
        return write(folder, id + ".sql", renderRepeatable(id, message));
    }

    /** Writes the script into {@code folder} (created if needed) and returns its path; never overwrites. */
    public Path write(Path folder, NewScript script) {
        return write(folder, fileName(script), render(script));
    }

    /** Writes the script of a new Java revision ({@link #renderJava}), as {@link #write(Path, NewScript)}. */
    public Path writeJava(Path folder, NewScript script, String className) {
        return write(folder, fileName(script), renderJava(script, className));
    }

    private static Path write(Path folder, String name, String text) {
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new BadInputException(file + " already exists; choose another --rev-id or message");
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String slug(String message) {
        String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("_+$", "");
        }
        return slug;
    }
}
