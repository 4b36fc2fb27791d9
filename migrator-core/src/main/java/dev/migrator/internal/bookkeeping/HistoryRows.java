package dev.migrator.internal.bookkeeping;

import dev.migrator.bookkeeping.Direction;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.bookkeeping.Outcome;
import dev.migrator.error.DatabaseException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Maps the rows of {@link BookkeepingTables}' history queries, column by column in the order those
 * queries select them; kept beside them so a change to one is a change to both.
 */
public final class HistoryRows {

    private HistoryRows() {
    }

    /** A row of {@link BookkeepingTables#selectLatestHistoryPerRevision}; message, time and user stay empty. */
    public static HistoryEntry latest(List<@Nullable Object> row) {
        return new HistoryEntry(number(row.get(0)).longValue(), String.valueOf(row.get(1)), direction(row.get(2)),
                outcome(row.get(3)), string(row.get(4)), null, null, null,
                row.get(5) == null ? null : number(row.get(5)).intValue(), "");
    }

    /** A row of {@link BookkeepingTables#selectHistory(int)}. */
    public static HistoryEntry full(List<@Nullable Object> row) {
        return new HistoryEntry(number(row.get(0)).longValue(), String.valueOf(row.get(1)), direction(row.get(2)),
                outcome(row.get(3)), string(row.get(4)), string(row.get(5)), instant(row.get(6)),
                row.get(7) == null ? null : number(row.get(7)).longValue(),
                row.get(8) == null ? null : number(row.get(8)).intValue(), String.valueOf(row.get(9)));
    }

    private static Direction direction(@Nullable Object value) {
        return parse(Direction.class, "direction", value, "upgrade, downgrade or stamp");
    }

    private static Outcome outcome(@Nullable Object value) {
        return parse(Outcome.class, "outcome", value, "success or failed");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String column, @Nullable Object value, String written) {
        try {
            return Enum.valueOf(type, String.valueOf(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DatabaseException("The history table holds a row with " + column + " '" + value
                    + "'; migrator writes " + written + ": the table was changed by hand");
        }
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
