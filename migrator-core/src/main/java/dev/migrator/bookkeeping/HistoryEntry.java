package dev.migrator.bookkeeping;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the history table.
 *
 * @param id the row's id, increasing with time
 * @param revision the revision the step ran or stamped
 * @param direction upgrade, downgrade or stamp
 * @param outcome success, or failed where a database without transactional DDL kept part of a
 *     failed revision
 * @param checksum the upgrade section's checksum when the step ran
 * @param message the revision's message
 * @param appliedAt when it ran
 * @param durationMs how long it took, when known (not for offline scripts)
 * @param statements how many of the revision's statements ran
 * @param appliedBy the database user
 */
public record HistoryEntry(long id, String revision, Direction direction, Outcome outcome, @Nullable String checksum,
        @Nullable String message, @Nullable Instant appliedAt, @Nullable Long durationMs, @Nullable Integer statements,
        String appliedBy) {

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** A successful upgrade or stamp: the revision counts as applied by this row. */
    public boolean applied() {
        return outcome == Outcome.SUCCESS && direction != Direction.DOWNGRADE;
    }
}
