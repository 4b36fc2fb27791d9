package dev.migrator.internal.engine;

import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.internal.bookkeeping.HistoryRows;
import dev.migrator.session.Session;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the state from the database; creates nothing, so a bad run leaves no trace. */
public final class LiveState implements StateSource {

    private @Nullable DatabaseState alreadyRead;

    public LiveState() {
    }

    /**
     * A source whose first read is {@code alreadyRead}, a state just read on the same session
     * (while the scripts were loading); every later read, such as the one under the lock, goes to
     * the database.
     */
    public LiveState(DatabaseState alreadyRead) {
        this.alreadyRead = alreadyRead;
    }

    @Override
    public DatabaseState read(Session session, BookkeepingTables tables) {
        DatabaseState first = alreadyRead;
        if (first != null) {
            alreadyRead = null;
            return first;
        }
        return readNow(session, tables);
    }

    private static DatabaseState readNow(Session session, BookkeepingTables tables) {
        Set<String> existing = new HashSet<>();
        for (List<@Nullable Object> row : session.query(tables.existingTablesQuery())) {
            existing.add(String.valueOf(row.get(0)).toLowerCase(Locale.ROOT));
        }
        boolean versionExists = existing.contains(tables.versionTable().toLowerCase(Locale.ROOT));
        boolean historyExists = existing.contains(tables.historyTable().toLowerCase(Locale.ROOT));
        Set<String> rows = new HashSet<>();
        if (versionExists) {
            for (List<@Nullable Object> row : session.query(tables.selectVersionRows())) {
                rows.add(String.valueOf(row.get(0)));
            }
        }
        Map<String, HistoryEntry> latest = new HashMap<>();
        if (historyExists) {
            for (List<@Nullable Object> row : session.query(tables.selectLatestHistoryPerRevision())) {
                HistoryEntry entry = HistoryRows.latest(row);
                latest.put(entry.revision(), entry);
            }
        }
        return new DatabaseState(versionExists, historyExists, rows, latest);
    }
}
