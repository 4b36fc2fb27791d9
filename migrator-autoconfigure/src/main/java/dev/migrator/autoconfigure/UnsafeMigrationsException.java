package dev.migrator.autoconfigure;

import dev.migrator.error.MigratorException;
import dev.migrator.lint.Finding;
import java.util.List;

/**
 * {@code migrator.lint.fail-on} found pending revisions with findings at or above its severity. Nothing
 * was applied.
 */
public final class UnsafeMigrationsException extends MigratorException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public UnsafeMigrationsException(String failOn, List<Finding> findings) {
        super(findings.size() + " lint finding(s) at or above migrator.lint.fail-on=" + failOn
                + " in the pending revisions; nothing was applied. First: " + describe(findings.get(0))
                + ". Fix them, or silence one with '-- migrator:lint-ignore RULE reason' beside the statement");
        this.findings = List.copyOf(findings);
    }

    /** The findings that failed the boot, in the order the revisions apply. */
    public List<Finding> findings() {
        return findings;
    }

    static String describe(Finding finding) {
        return finding.severity().label() + " [" + finding.rule() + "] " + finding.source() + ":" + finding.line()
                + " (revision " + finding.revision() + "): " + finding.message();
    }

    @Override
    public Kind kind() {
        return Kind.BAD_INPUT;
    }
}
