package dev.migrator.flyway;

import dev.migrator.engine.RunResult;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a takeover of a Flyway database did.
 *
 * @param outcome what happened
 * @param flywayTable Flyway's history table, as read (null when it does not exist)
 * @param topVersion the newest version Flyway applied, or null
 * @param revision the revision stamped, or null when nothing was
 * @param currentRows migrator's version rows afterwards
 * @param notes what the takeover left aside (repeatable migrations, versions no script has)
 * @param stamp the stamp's run, when one ran
 * @param recordedRepeatables the repeatable revisions recorded as run in the stamp's transaction (their script is
 *     the text Flyway last ran), so that the next upgrade does not run them again
 */
public record FlywayTakeover(Outcome outcome, @Nullable String flywayTable, @Nullable FlywayVersion topVersion,
        @Nullable String revision, Set<String> currentRows, List<String> notes, @Nullable RunResult stamp,
        Set<String> recordedRepeatables) {

    /** What a takeover did. */
    public enum Outcome {
        /** The version and history rows were written: the database is at {@link #revision()}. */
        TAKEN_OVER,
        /** migrator's version table exists already: nothing was read or written. */
        ALREADY_MANAGED,
        /** There is no Flyway history table: nothing to take over. */
        NO_FLYWAY_HISTORY,
        /** Flyway's history holds no applied versioned migration: nothing to stamp; an upgrade starts from base. */
        NOTHING_APPLIED
    }

    public FlywayTakeover {
        currentRows = Set.copyOf(currentRows);
        notes = List.copyOf(notes);
        recordedRepeatables = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(recordedRepeatables));
    }

    public boolean tookOver() {
        return outcome == Outcome.TAKEN_OVER;
    }
}
