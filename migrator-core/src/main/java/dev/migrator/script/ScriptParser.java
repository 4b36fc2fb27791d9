package dev.migrator.script;

import dev.migrator.error.ScriptException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the text of a revision script (SPEC section 1): {@code -- migrator:key value}
 * header lines, then the {@code -- migrator:upgrade} and {@code -- migrator:downgrade}
 * sections. Every problem is a {@link ScriptException} naming the file and line.
 */
public final class ScriptParser {

    /** Revision ids: letters, digits and underscores, 1 to 64 of them. */
    public static final Pattern REVISION_ID = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--\\s*migrator:([A-Za-z-]+)(?:\\s+(.*?))?\\s*$");
    private static final List<String> HEADER_KEYS =
            List.of("revision", "down", "message", "branch-labels", "depends-on", "transactional");
    private static final String UPGRADE = "upgrade";
    private static final String DOWNGRADE = "downgrade";

    private ScriptParser() {
    }

    public static RevisionScript parse(String content, String source) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        text = text.replace("\r\n", "\n");
        List<String> lines = Arrays.asList(text.split("\n", -1));

        Map<String, String> header = new HashMap<>();
        Map<String, Integer> headerLines = new HashMap<>();
        Map<String, Section> sections = new HashMap<>();
        String openSection = null;
        int sectionStartLine = 0;
        StringBuilder body = new StringBuilder();

        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            // Most lines are SQL: the cheap look for "migrator:" spares them the regex, which
            // dominated the cold start of a service with many scripts.
            Matcher m = line.contains("migrator:") ? DIRECTIVE.matcher(line) : null;
            String key = m != null && m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
            if (UPGRADE.equals(key) || DOWNGRADE.equals(key)) {
                if (m.group(2) != null) {
                    throw new ScriptException(source, lineNo, "-- migrator:" + key + " takes no value");
                }
                if (openSection != null) {
                    sections.put(openSection, new Section(trimLastNewline(body), sectionStartLine));
                }
                if (sections.containsKey(key) || key.equals(openSection)) {
                    throw new ScriptException(source, lineNo, "second -- migrator:" + key + " section; a script has one of each");
                }
                openSection = key;
                sectionStartLine = lineNo + 1;
                body.setLength(0);
            } else if (openSection != null) {
                body.append(line).append('\n');
            } else if (key != null) {
                readHeaderLine(source, lineNo, key, m.group(2), header, headerLines);
            } else if (!line.isBlank() && !line.stripLeading().startsWith("--")) {
                throw new ScriptException(source, lineNo,
                        "SQL before the first section marker; put statements under '-- migrator:upgrade'");
            }
        }
        if (openSection != null) {
            sections.put(openSection, new Section(trimLastNewline(body), sectionStartLine));
        }
        return build(source, header, headerLines, sections);
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
        if (!REVISION_ID.matcher(id).matches()) {
            throw new ScriptException(source, headerLines.get("revision"),
                    "revision id '" + id + "' is not 1 to 64 letters, digits or underscores");
        }
        List<String> parents = ids(source, headerLines, header, "down");
        List<String> labels = ids(source, headerLines, header, "branch-labels");
        List<String> dependsOn = ids(source, headerLines, header, "depends-on");
        boolean transactional = transactional(source, headerLines, header.get("transactional"));
        Section upgrade = sections.get(UPGRADE);
        if (upgrade == null) {
            throw new ScriptException(source, 0, "revision " + id + " has no '-- migrator:upgrade' section");
        }
        return new RevisionScript(id, parents, labels, dependsOn, header.getOrDefault("message", ""), transactional,
                upgrade, sections.get(DOWNGRADE), Checksums.sha256(upgrade.sql()), source);
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
            if (!REVISION_ID.matcher(item).matches()) {
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

    private static boolean transactional(String source, Map<String, Integer> headerLines, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ScriptException(source, headerLines.get("transactional"),
                    "'-- migrator:transactional' is '" + value + "'; write true or false");
        };
    }

    private static String trimLastNewline(StringBuilder body) {
        // The newline before the next marker belongs to the marker line, not to the section.
        int end = body.length();
        if (end > 0 && body.charAt(end - 1) == '\n') {
            end--;
        }
        return body.substring(0, end);
    }
}
