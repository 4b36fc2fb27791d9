package dev.migrator.lint;

import org.jspecify.annotations.Nullable;

/**
 * One problem a rule found in a revision.
 *
 * @param revision the revision id
 * @param source the script's file or resource
 * @param line the file line of the statement
 * @param rule the rule's id
 * @param severity the severity after the settings' overrides
 * @param message what is wrong with this statement
 * @param recipe the safe way to do it
 * @param statement the start of the statement, to recognise it
 * @param ignoredBecause the reason given in {@code -- migrator:lint-ignore}, or null when the finding stands
 */
public record Finding(String revision, String source, int line, String rule, Severity severity, String message,
        String recipe, String statement, @Nullable String ignoredBecause) {

    public boolean ignored() {
        return ignoredBecause != null;
    }

    /** Whether the finding counts: not ignored, and of at least this severity. */
    public boolean counts(Severity threshold) {
        return !ignored() && severity.atLeast(threshold);
    }
}
