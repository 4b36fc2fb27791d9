package dev.migrator.lint;

import dev.migrator.error.BadInputException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-rule severity overrides ({@link Severity#OFF} silences a rule).
 *
 * @param severities rule id to severity
 */
public record LintSettings(Map<String, Severity> severities) {

    public LintSettings {
        severities = Map.copyOf(severities);
    }

    public static LintSettings defaults() {
        return new LintSettings(Map.of());
    }

    /**
     * Reads overrides written {@code rule=severity}, as the command line and properties give them.
     *
     * @throws IllegalArgumentException for a malformed entry, an unknown rule or severity
     */
    public static LintSettings parse(Iterable<String> entries) {
        Map<String, Severity> severities = new TreeMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new BadInputException("'" + entry + "' is no rule=severity (e.g. renaming-column=warning)");
            }
            String rule = entry.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (!Rules.knownIds().contains(rule)) {
                throw new BadInputException("No lint rule '" + rule + "'; known are " + String.join(", ",
                        Rules.knownIds()));
            }
            severities.put(rule, Severity.of(entry.substring(equals + 1)));
        }
        return new LintSettings(severities);
    }

    Severity severity(Rule rule) {
        return severities.getOrDefault(rule.id(), rule.severity());
    }
}
