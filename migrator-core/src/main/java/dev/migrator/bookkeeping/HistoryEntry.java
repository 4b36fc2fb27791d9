package dev.migrator.bookkeeping;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the history table.
 *
 * @param id the row's id, increasing with time
 * @param revision the revision the step ran or stamped
 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param outcome {@code success}, or {@code failed} where a database without transactional
 *     DDL kept part of a failed revision
 * @param checksum the upgrade section's checksum when the step ran
 * @param message the revision's message
 * @param appliedAt when it ran
 * @param durationMs how long it took, when known (not for offline scripts)
 * @param statements how many of the revision's statements ran
 * @param appliedBy the database user
 */
public record HistoryEntry(long id, String revision, String direction, String outcome, @Nullable String checksum,
        @Nullable String message, @Nullable Instant appliedAt, @Nullable Long durationMs, @Nullable Integer statements,
        String appliedBy) {

    public static final String SUCCESS = "success";
    public static final String FAILED = "failed";

    public boolean failed() {
        return FAILED.equals(outcome);
    }
}
