package dev.migrator.internal.engine;

import dev.migrator.bookkeeping.HistoryEntry;
import java.util.Map;
import java.util.Set;

/**
 * What the database says about itself: whether the bookkeeping tables (and the history table's
 * index) exist, its version rows, and the newest history row of every revision of the scripts.
 */
public record DatabaseState(boolean versionTableExists, boolean historyTableExists, boolean historyIndexExists,
        Set<String> rows, Map<String, HistoryEntry> latestHistory) {

    public DatabaseState {
        rows = Set.copyOf(rows);
        latestHistory = Map.copyOf(latestHistory);
    }

    /** A database migrator never touched. */
    public static DatabaseState untouched() {
        return new DatabaseState(false, false, false, Set.of(), Map.of());
    }

    public boolean tablesExist() {
        return versionTableExists && historyTableExists;
    }
}
