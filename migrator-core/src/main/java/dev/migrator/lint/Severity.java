package dev.migrator.lint;

import dev.migrator.error.BadInputException;
import java.util.Locale;

/** How much a finding matters; {@link #OFF} only in settings, to silence a rule. */
public enum Severity {
    ERROR, WARNING, INFO, OFF;

    /** {@code error}, {@code warning}, {@code info} or {@code off}, as written in settings and output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a label, any case.
     *
     * @throws IllegalArgumentException for anything else, listing the labels
     */
    public static Severity of(String label) {
        for (Severity severity : values()) {
            if (severity.label().equalsIgnoreCase(label.strip())) {
                return severity;
            }
        }
        throw new BadInputException("'" + label + "' is no severity; use error, warning, info or off");
    }

    /** Whether a finding of this severity reaches {@code threshold} (ERROR is above WARNING above INFO). */
    public boolean atLeast(Severity threshold) {
        return this != OFF && threshold != OFF && ordinal() <= threshold.ordinal();
    }
}
