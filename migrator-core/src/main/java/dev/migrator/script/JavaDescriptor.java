package dev.migrator.script;

import dev.migrator.error.ScriptException;
import dev.migrator.internal.script.Checksums;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The headers of a Java revision's script ({@code -- migrator:java}, {@code -- migrator:java-version}),
 * checked as {@link ScriptParser} reads them. The script keeps the section markers of every revision,
 * so that reversibility reads the same (a downgrade marker or none), but its sections hold no SQL.
 */
final class JavaDescriptor {

    /** A binary class name: dotted Java identifiers, {@code $} for nested classes. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private JavaDescriptor() {
    }

    /** The Java class the script declares, or null for a SQL revision. */
    static @Nullable JavaReference read(String source, String id, Map<String, String> header,
            Map<String, Integer> headerLines, Collection<Section> sections, boolean repeatable) {
        String className = header.get("java");
        String version = header.get("java-version");
        if (className == null) {
            if (version != null) {
                throw new ScriptException(source, headerLines.get("java-version"), "'-- migrator:java-version' without"
                        + " '-- migrator:java CLASS': only a Java revision has a version; add the class or remove the line");
            }
            return null;
        }
        int line = headerLines.get("java");
        if (!CLASS_NAME.matcher(className).matches()) {
            throw new ScriptException(source, line, "'" + className + "' in '-- migrator:java' is not a class name;"
                    + " write the class's full name, such as com.example.migrations.BackfillEmails");
        }
        if (repeatable) {
            throw new ScriptException(source, line, "revision " + id + " is repeatable and a Java revision; a Java"
                    + " revision is versioned: remove '-- migrator:repeatable true'");
        }
        if (version == null || version.isEmpty()) {
            throw new ScriptException(source, line, "Java revision " + id + " has no '-- migrator:java-version'; its"
                    + " checksum comes from that version: add '-- migrator:java-version 1', and raise it when a change"
                    + " to " + className + " must count as an edit of the revision");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new ScriptException(source, headerLines.get("java-version"), "'-- migrator:java-version' is '"
                    + version + "'; write 1 to 64 letters, digits, '.', '_' or '-' (such as 1, 2, 2026-12-03)");
        }
        for (Section section : sections) {
            int sqlLine = firstSqlLine(section);
            if (sqlLine > 0) {
                throw new ScriptException(source, sqlLine, "Java revision " + id + " holds SQL; " + className
                        + " does its work, so its sections hold '--' comments only: move the SQL to a revision of its own");
            }
        }
        return new JavaReference(className, version);
    }

    /**
     * The checksum of a Java revision: of its declared version, not of its class name, so that moving or
     * renaming the class is not an edit; raising the version is.
     */
    static String checksum(JavaReference java) {
        return Checksums.sha256("java-version " + java.version());
    }

    /** The file line of the first line that is neither blank nor a {@code --} comment, or 0. */
    private static int firstSqlLine(Section section) {
        String[] lines = section.sql().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("--")) {
                return section.firstLine() + i;
            }
        }
        return 0;
    }
}
