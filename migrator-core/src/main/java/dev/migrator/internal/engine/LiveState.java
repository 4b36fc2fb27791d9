package dev.migrator.internal.engine;

import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.internal.bookkeeping.HistoryRows;
import dev.migrator.script.RevisionScript;
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

    private final Set<String> revisions;
    private @Nullable DatabaseState alreadyRead;

    /**
     * A source that reads the newest history row of each revision of {@code catalog} (versioned
     * and repeatable): drift checks, stamps, failure recovery and repeatables ask for no other.
     */
    public LiveState(ScriptCatalog catalog) {
        this(catalog, null);
    }

    /**
     * As {@link #LiveState(ScriptCatalog)}, whose first read is {@code alreadyRead}, a state just
     * read on the same session; every later read, such as the one under the lock, goes to the database.
     */
    public LiveState(ScriptCatalog catalog, @Nullable DatabaseState alreadyRead) {
        Set<String> ids = new HashSet<>();
        for (RevisionScript script : catalog.scripts()) {
            ids.add(script.id());
        }
        for (RevisionScript script : catalog.repeatables()) {
            ids.add(script.id());
        }
        this.revisions = Set.copyOf(ids);
        this.alreadyRead = alreadyRead;
    }

    private LiveState(Set<String> revisions) {
        this.revisions = revisions;
    }

    /** A source that reads the tables' existence and the version rows, and no history. */
    public static LiveState withoutHistory() {
        return new LiveState(Set.of());
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

    private DatabaseState readNow(Session session, BookkeepingTables tables) {
        Set<String> existing = new HashSet<>();
        for (List<@Nullable Object> row : session.query(tables.existingTablesQuery())) {
            existing.add(String.valueOf(row.get(0)).toLowerCase(Locale.ROOT));
        }
        boolean versionExists = existing.contains(tables.versionTable().toLowerCase(Locale.ROOT));
        boolean historyExists = existing.contains(tables.historyTable().toLowerCase(Locale.ROOT));
        boolean indexExists = historyExists && existing.contains(tables.historyIndexName().toLowerCase(Locale.ROOT));
        Set<String> rows = new HashSet<>();
        if (versionExists) {
            for (List<@Nullable Object> row : session.query(tables.selectVersionRows())) {
                rows.add(String.valueOf(row.get(0)));
            }
        }
        Map<String, HistoryEntry> latest = new HashMap<>();
        if (historyExists && !revisions.isEmpty()) {
            for (List<@Nullable Object> row : session.query(tables.selectLatestHistoryPerRevision(revisions, indexExists))) {
                HistoryEntry entry = HistoryRows.latest(row);
                if (revisions.contains(entry.revision())) { // some lookups also return other revisions' rows
                    latest.put(entry.revision(), entry);
                }
            }
        }
        return new DatabaseState(versionExists, historyExists, indexExists, rows, latest);
    }
}
