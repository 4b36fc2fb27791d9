package dev.migrator.internal.engine;

import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.session.Session;
import java.util.Map;
import java.util.Set;

/**
 * The state an offline script starts from: from {@code base} the tables do not exist yet and
 * the script creates them; from a revision, that revision's ancestry is applied.
 */
public record AssumedState(Set<String> rows, boolean tablesExist) implements StateSource {

    public AssumedState {
        rows = Set.copyOf(rows);
    }

    @Override
    public DatabaseState read(Session session, BookkeepingTables tables) {
        return new DatabaseState(tablesExist, tablesExist, rows, Map.of());
    }
}
