package dev.migrator.engine;

import dev.migrator.bookkeeping.BookkeepingTables;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.session.Session;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
                HistoryEntry entry = stateEntry(row);
                latest.put(entry.revision(), entry);
            }
        }
        return new DatabaseState(versionExists, historyExists, rows, latest);
    }

    /** Maps a row of {@link BookkeepingTables#selectLatestHistoryPerRevision()}; message, time and user stay empty. */
    static HistoryEntry stateEntry(List<@Nullable Object> row) {
        return new HistoryEntry(number(row.get(0)).longValue(), String.valueOf(row.get(1)), String.valueOf(row.get(2)),
                String.valueOf(row.get(3)), string(row.get(4)), null, null, null,
                row.get(5) == null ? null : number(row.get(5)).intValue(), "");
    }

    /** Maps a row of {@link BookkeepingTables#selectHistory(int)}. */
    public static HistoryEntry historyEntry(List<@Nullable Object> row) {
        return new HistoryEntry(number(row.get(0)).longValue(), String.valueOf(row.get(1)), String.valueOf(row.get(2)),
                String.valueOf(row.get(3)), string(row.get(4)), string(row.get(5)), instant(row.get(6)),
                row.get(7) == null ? null : number(row.get(7)).longValue(),
                row.get(8) == null ? null : number(row.get(8)).intValue(), String.valueOf(row.get(9)));
    }

    private static Number number(@Nullable Object value) {
        if (value instanceof Number number) {
            return number;
        }
        return Long.parseLong(String.valueOf(value));
    }

    private static @Nullable String string(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return null;
    }
}
