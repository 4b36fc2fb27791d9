package dev.migrator.lint;

import java.util.List;

/**
 * One lint rule: what it flags, how bad that is by default, and what to write instead.
 *
 * @param id the name used in settings, output and {@code -- migrator:lint-ignore}
 * @param severity the default severity
 * @param summary what the flagged statements do wrong, in one line
 * @param recipe the safe way to reach the same schema
 * @param check the test itself
 */
public record Rule(String id, Severity severity, String summary, String recipe, Check check) {

    /** Looks at one statement in its revision's context and returns a message per problem found. */
    @FunctionalInterface
    interface Check {
        List<String> apply(LintStatement statement, RevisionContext context);
    }

    /** The same rule, with another default severity: a setting's override. */
    Rule withSeverity(Severity other) {
        return new Rule(id, other, summary, recipe, check);
    }
}
