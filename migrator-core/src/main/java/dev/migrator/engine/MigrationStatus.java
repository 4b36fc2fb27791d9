package dev.migrator.engine;

import dev.migrator.graph.Revision;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a database stands against the scripts.
 *
 * @param current the version rows
 * @param heads the heads of the scripts
 * @param state summary of the two
 * @param pending revisions {@code upgrade heads} would apply, in order: the versioned ones, then the changed
 *     repeatable revisions (not in the graph: no parents, {@link dev.migrator.plan.Step#repeatable()} in a plan)
 * @param drifted applied revisions whose upgrade section changed since it ran (they make the state diverged)
 * @param unknown version rows that name no revision of the scripts (ahead, or diverged)
 * @param redundant version rows that are an ancestor of another row: a version table that cannot be
 *     right (diverged); {@code stamp --purge} with the other rows repairs it
 */
public record MigrationStatus(Set<String> current, Set<String> heads, State state, List<Revision> pending,
        List<Revision> drifted, Set<String> unknown, Set<String> redundant) {

    public MigrationStatus {
        current = Set.copyOf(current);
        heads = Set.copyOf(heads);
        pending = List.copyOf(pending);
        drifted = List.copyOf(drifted);
        unknown = Set.copyOf(unknown);
        redundant = Set.copyOf(redundant);
    }

    /** A status with nothing drifted, unknown or redundant. */
    public MigrationStatus(Set<String> current, Set<String> heads, State state, List<Revision> pending) {
        this(current, heads, state, pending, List.of(), Set.of(), Set.of());
    }

    /** The four states (docs/actuator.md). */
    public enum State {
        /** Every head applied, nothing else. */
        UP_TO_DATE,
        /** Revisions of the scripts wait to be applied. */
        PENDING,
        /**
         * The database holds revisions the scripts do not define, and every revision they define is
         * applied: a newer release migrated it (a rolling deploy, a rollback of the service).
         * Nothing is pending; {@code upgrade} does nothing.
         */
        AHEAD,
        /** Unknown revisions applied while a known one is not, or edited applied revisions. */
        DIVERGED;

        /** The name used in JSON and endpoints: {@code up-to-date}, {@code pending}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
