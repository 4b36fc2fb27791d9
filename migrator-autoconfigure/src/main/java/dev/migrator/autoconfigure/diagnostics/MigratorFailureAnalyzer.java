package dev.migrator.autoconfigure.diagnostics;

import dev.migrator.autoconfigure.PendingMigrationsException;
import dev.migrator.autoconfigure.UnsafeMigrationsException;
import dev.migrator.error.ChecksumMismatchException;
import dev.migrator.error.GraphException;
import dev.migrator.error.LockTimeoutException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.error.MigratorException;
import dev.migrator.error.NoScriptsException;
import dev.migrator.error.ScriptException;
import dev.migrator.error.TargetException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a migrator error that stopped the boot. The engine's message already names the revision,
 * file and line; this adds what to do, which depends on the kind of error.
 */
final class MigratorFailureAnalyzer extends AbstractFailureAnalyzer<MigratorException> {

    private static final String SKIP = " To start the service without touching the database meanwhile, set "
            + "migrator.on-startup=none.";

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, MigratorException cause) {
        if (cause instanceof PendingMigrationsException) {
            return null; // PendingMigrationsFailureAnalyzer lists them
        }
        String description = "migrator could not migrate the database at startup:\n\n    " + cause.getMessage();
        return new FailureAnalysis(description, action(cause), cause);
    }

    static String action(MigratorException cause) {
        if (cause instanceof MigrationFailedException failed) {
            return "Fix the statement at " + failed.source() + (failed.line() > 0 ? ":" + failed.line() : "")
                    + " (revision " + failed.revision() + ") and restart: the message above says what was rolled back"
                    + " and what stayed applied, and the next start goes on from there." + SKIP;
        }
        if (cause instanceof ChecksumMismatchException drift) {
            return "Restore the applied script(s) " + String.join(", ", drift.revisions()) + " as they were when they "
                    + "ran and put the change in a new revision; or accept the edit with the command line's `stamp` "
                    + "(it records the new checksum); or set migrator.validate-checksums=false.";
        }
        if (cause instanceof LockTimeoutException) {
            return "Another instance is migrating this database, or a crashed one still holds the lock. Wait for it "
                    + "and restart, or raise migrator.lock-timeout (now it is shorter than that migration).";
        }
        if (cause instanceof NoScriptsException) {
            return "Check migrator.locations: fix a typo, or name the {vendor} folder as the dialect is named "
                    + "(postgresql, mariadb, mysql, h2; a jdbc:mariadb: URL reads mariadb, a jdbc:mysql: one mysql; "
                    + "docs/spring-boot.md shows one folder serving both). For a project with no revision yet, set "
                    + "migrator.fail-on-missing-locations=false.";
        }
        if (cause instanceof ScriptException || cause instanceof GraphException) {
            return "Fix the revision script(s) named above (locations: migrator.locations) and restart.";
        }
        if (cause instanceof UnsafeMigrationsException) {
            return "Make the flagged statements safe as docs/safety.md shows for each rule (they name it), or silence"
                    + " one deliberately with '-- migrator:lint-ignore RULE reason' beside it; migrator.lint.fail-on and"
                    + " migrator.lint.severity.RULE set what stops the boot.";
        }
        if (cause instanceof TargetException) {
            return "Check migrator.target: heads, head, a revision id or unique prefix, a branch label, label@head.";
        }
        return switch (cause.kind()) {
            case BAD_INPUT -> "Correct the scripts or the migrator.* properties named in the message and restart.";
            case DATABASE -> "Check that the database is reachable and that the migration user may change its "
                    + "schema, then restart." + SKIP;
        };
    }
}
