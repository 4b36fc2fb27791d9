package dev.migrator.internal.engine;

import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.session.Session;
import java.util.Map;
import java.util.Set;

/**
 * The state an offline script starts from: from {@code base} the tables do not exist yet and
 * the script creates them; from a revision, that revision's ancestry is applied.
 *
 * @param latestHistory history rows known of the database the script is for (its repeatable
 *     revisions' checksums, when read from it); without them every repeatable revision runs
 * @param historyIndexExists whether the history table is known to have its index; when not, a
 *     script from a revision creates it where it is missing, as an online run does
 */
public record AssumedState(Set<String> rows, boolean tablesExist, Map<String, HistoryEntry> latestHistory,
        boolean historyIndexExists) implements StateSource {

    public AssumedState {
        rows = Set.copyOf(rows);
        latestHistory = Map.copyOf(latestHistory);
    }

    public AssumedState(Set<String> rows, boolean tablesExist) {
        this(rows, tablesExist, Map.of(), false);
    }

    @Override
    public DatabaseState read(Session session, BookkeepingTables tables) {
        return new DatabaseState(tablesExist, tablesExist, historyIndexExists, rows, latestHistory);
    }
}
