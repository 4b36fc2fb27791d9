package dev.migrator.autoconfigure.diagnostics;

import dev.migrator.autoconfigure.PendingMigrationsException;
import dev.migrator.graph.Revision;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** {@code migrator.on-startup=validate} found pending revisions: lists them and the ways forward. */
final class PendingMigrationsFailureAnalyzer extends AbstractFailureAnalyzer<PendingMigrationsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PendingMigrationsException cause) {
        StringBuilder description = new StringBuilder("The database is not migrated up to ").append(cause.target())
                .append(" (migrator.on-startup=validate). It is at ")
                .append(cause.current().isEmpty() ? "base (no revision applied)"
                        : String.join(", ", cause.current().stream().sorted().toList()))
                .append(", and ").append(cause.pending().size()).append(" revision(s) are pending:\n");
        for (Revision revision : cause.pending()) {
            description.append("\n    ").append(revision.id());
            if (!revision.message().isEmpty()) {
                description.append("  ").append(revision.message());
            }
            description.append("  (").append(revision.source()).append(')');
        }
        String action = "Apply them before starting this version: run the command line's `upgrade "
                + cause.target() + "` (or `upgrade --sql` for a script to review and run), or start once with "
                + "migrator.on-startup=upgrade. If this service should not be checking this database, check "
                + "migrator.locations and spring.datasource.url.";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}
