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
 * @param pending revisions {@code upgrade heads} would apply, in order
 * @param drifted applied revisions whose upgrade section changed since it ran (they make the state diverged)
 */
public record MigrationStatus(Set<String> current, Set<String> heads, State state, List<Revision> pending,
        List<Revision> drifted) {

    public MigrationStatus {
        current = Set.copyOf(current);
        heads = Set.copyOf(heads);
        pending = List.copyOf(pending);
        drifted = List.copyOf(drifted);
    }

    /** A status without drifted revisions. */
    public MigrationStatus(Set<String> current, Set<String> heads, State state, List<Revision> pending) {
        this(current, heads, state, pending, List.of());
    }

    /** The four states of SPEC section 7. */
    public enum State {
        /** Every head applied, nothing else. */
        UP_TO_DATE,
        /** Revisions of the scripts wait to be applied. */
        PENDING,
        /**
         * The database holds revisions the scripts do not define, and every revision they do define is
         * applied (by the version rows or, past them, by the history table): a newer release already
         * migrated it, or this checkout is older.
         */
        AHEAD,
        /** Unknown revisions applied and known ones pending, or applied revisions whose scripts were edited. */
        DIVERGED;

        /** The name used in JSON and endpoints: {@code up-to-date}, {@code pending}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
