package dev.migrator.script;

import dev.migrator.error.ScriptException;
import dev.migrator.internal.script.Checksums;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses the text of a revision script (docs/script-format.md): {@code -- migrator:key value}
 * header lines, then the {@code -- migrator:upgrade} and {@code -- migrator:downgrade}
 * sections. Every problem is a {@link ScriptException} naming the file and line.
 */
public final class ScriptParser {

    private static final List<String> HEADER_KEYS =
            List.of("revision", "down", "message", "branch-labels", "depends-on", "transactional", "repeatable",
                    "placeholders", "java", "java-version");
    private static final String UPGRADE = "upgrade";
    private static final String DOWNGRADE = "downgrade";

    private ScriptParser() {
    }

    public static RevisionScript parse(String content, String source) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        text = text.replace("\r\n", "\n");

        Map<String, String> header = new HashMap<>();
        Map<String, Integer> headerLines = new HashMap<>();
        Map<String, Section> sections = new HashMap<>();
        String openSection = null;
        int sectionStartLine = 0;
        int sectionStart = 0;

        // Lines are walked by offset and a section is one substring of the text: every boot parses
        // every script (docs/performance.md, the no-op).
        int lineNo = 0;
        for (int lineStart = 0; lineStart <= text.length(); ) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            lineNo++;
            Directive directive = Directive.of(text, lineStart, lineEnd);
            String key = directive == null ? null : directive.key();
            if (UPGRADE.equals(key) || DOWNGRADE.equals(key)) {
                if (directive.value() != null) {
                    throw new ScriptException(source, lineNo, "-- migrator:" + key + " takes no value");
                }
                if (openSection != null) {
                    sections.put(openSection, section(text, sectionStart, lineStart - 1, sectionStartLine));
                }
                if (sections.containsKey(key) || key.equals(openSection)) {
                    throw new ScriptException(source, lineNo, "second -- migrator:" + key + " section; a script has one of each");
                }
                openSection = key;
                sectionStartLine = lineNo + 1;
                sectionStart = Math.min(lineEnd + 1, text.length());
            } else if (openSection == null && key != null) {
                readHeaderLine(source, lineNo, key, directive.value(), header, headerLines);
            } else if (openSection == null && !blankOrComment(text, lineStart, lineEnd)) {
                throw new ScriptException(source, lineNo,
                        "SQL before the first section marker; put statements under '-- migrator:upgrade'");
            } // else a line of the open section's SQL
            lineStart = lineEnd + 1;
        }
        if (openSection != null) {
            sections.put(openSection, section(text, sectionStart, text.length(), sectionStartLine));
        }
        return build(source, header, headerLines, sections);
    }

    /** The text from {@code start} to {@code end}: the lines between a marker and the newline before the next. */
    private static Section section(String text, int start, int end, int startLine) {
        return new Section(text.substring(start, Math.max(start, end)), startLine);
    }

    private static boolean blankOrComment(String text, int start, int end) {
        int i = start;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i == end || text.startsWith("--", i);
    }

    /** Whether {@code id} can be a revision id or branch label: 1 to 64 letters, digits and underscores. */
    public static boolean isRevisionId(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A {@code -- migrator:key value} line: the key in lower case and the value, trimmed, or null
     * when there is none. The grammar is {@code \s*--\s*migrator:[A-Za-z-]+(\s+value)?\s*}.
     */
    private record Directive(String key, @Nullable String value) {

        private static final String PREFIX = "migrator:";

        static @Nullable Directive of(String text, int start, int end) {
            int i = skipSpace(text, start, end);
            if (i + 2 > end || !text.startsWith("--", i)) {
                return null;
            }
            i = skipSpace(text, i + 2, end);
            if (i + PREFIX.length() > end || !text.startsWith(PREFIX, i)) {
                return null;
            }
            int keyStart = i + PREFIX.length();
            int keyEnd = keyStart;
            while (keyEnd < end && isKeyChar(text.charAt(keyEnd))) {
                keyEnd++;
            }
            int valueStart = skipSpace(text, keyEnd, end);
            if (keyEnd == keyStart || valueStart == keyEnd && keyEnd < end) {
                return null; // no key, or the key runs into something that is not white space
            }
            int valueEnd = end;
            while (valueEnd > valueStart && isSpace(text.charAt(valueEnd - 1))) {
                valueEnd--;
            }
            return new Directive(text.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT),
                    valueStart == valueEnd ? null : text.substring(valueStart, valueEnd));
        }

        private static int skipSpace(String text, int from, int end) {
            int i = from;
            while (i < end && isSpace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        /** White space as {@code \s} means it in a regular expression. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        private static boolean isKeyChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';
        }
    }

    private static void readHeaderLine(String source, int lineNo, String key, @Nullable String value,
            Map<String, String> header, Map<String, Integer> headerLines) {
        if (!HEADER_KEYS.contains(key)) {
            throw new ScriptException(source, lineNo, "unknown header '-- migrator:" + key + "'; known are "
                    + String.join(", ", HEADER_KEYS) + ", and the sections upgrade and downgrade");
        }
        if (header.containsKey(key)) {
            throw new ScriptException(source, lineNo, "'-- migrator:" + key + "' given twice (first on line "
                    + headerLines.get(key) + ")");
        }
        header.put(key, value == null ? "" : value);
        headerLines.put(key, lineNo);
    }

    private static RevisionScript build(String source, Map<String, String> header, Map<String, Integer> headerLines,
            Map<String, Section> sections) {
        String id = header.get("revision");
        if (id == null || id.isEmpty()) {
            throw new ScriptException(source, 1, "no '-- migrator:revision <id>' header; every script names its revision");
        }
        if (!isRevisionId(id)) {
            throw new ScriptException(source, headerLines.get("revision"),
                    "revision id '" + id + "' is not 1 to 64 letters, digits or underscores");
        }
        List<String> parents = ids(source, headerLines, header, "down");
        List<String> labels = ids(source, headerLines, header, "branch-labels");
        List<String> dependsOn = ids(source, headerLines, header, "depends-on");
        boolean transactional = flag(source, headerLines, header, "transactional", true);
        boolean repeatable = flag(source, headerLines, header, "repeatable", false);
        boolean placeholders = flag(source, headerLines, header, "placeholders", true);
        Section upgrade = sections.get(UPGRADE);
        if (upgrade == null) {
            throw new ScriptException(source, 0, "revision " + id + " has no '-- migrator:upgrade' section");
        }
        if (repeatable) {
            requireNoGraphPlace(source, id, header, headerLines, sections);
        }
        JavaReference java = JavaDescriptor.read(source, id, header, headerLines, sections.values(), repeatable);
        String checksum = java == null ? Checksums.sha256(upgrade.sql()) : JavaDescriptor.checksum(java);
        return new RevisionScript(id, parents, labels, dependsOn, header.getOrDefault("message", ""), transactional,
                upgrade, sections.get(DOWNGRADE), checksum, source, repeatable, placeholders, java);
    }

    /**
     * A repeatable revision runs again whenever it changes and never goes down, so it has no parents,
     * labels, dependencies or downgrade section: each would promise something that never happens.
     */
    private static void requireNoGraphPlace(String source, String id, Map<String, String> header,
            Map<String, Integer> headerLines, Map<String, Section> sections) {
        for (String key : List.of("down", "branch-labels", "depends-on")) {
            if (!header.getOrDefault(key, "").isBlank()) {
                throw new ScriptException(source, headerLines.get(key), "repeatable revision " + id + " has '-- migrator:"
                        + key + "'; a repeatable revision has no place in the graph (it runs after the versioned"
                        + " revisions of every upgrade that finds it changed): remove the line");
            }
        }
        if (sections.containsKey(DOWNGRADE)) {
            throw new ScriptException(source, sections.get(DOWNGRADE).firstLine() - 1, "repeatable revision " + id
                    + " has a '-- migrator:downgrade' section, which would never run (downgrades leave repeatable"
                    + " revisions as they are): remove it, or make the script a versioned revision");
        }
    }

    private static List<String> ids(String source, Map<String, Integer> headerLines, Map<String, String> header,
            String key) {
        String value = header.get(key);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String part : value.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (!isRevisionId(item)) {
                throw new ScriptException(source, headerLines.get(key), "'" + item + "' in '-- migrator:" + key
                        + "' is not a revision id or label (1 to 64 letters, digits or underscores)");
            }
            if (result.contains(item)) {
                throw new ScriptException(source, headerLines.get(key), "'" + item + "' is listed twice in '-- migrator:"
                        + key + "'");
            }
            result.add(item);
        }
        return result;
    }

    /** A true/false header, {@code absent} when absent or empty. */
    private static boolean flag(String source, Map<String, Integer> headerLines, Map<String, String> header,
            String key, boolean absent) {
        String value = header.get(key);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ScriptException(source, headerLines.get(key),
                    "'-- migrator:" + key + "' is '" + value + "'; write true or false");
        };
    }
}
