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
 */
public record FlywayTakeover(Outcome outcome, @Nullable String flywayTable, @Nullable FlywayVersion topVersion,
        @Nullable String revision, Set<String> currentRows, List<String> notes, @Nullable RunResult stamp) {

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
    }

    public boolean tookOver() {
        return outcome == Outcome.TAKEN_OVER;
    }
}
