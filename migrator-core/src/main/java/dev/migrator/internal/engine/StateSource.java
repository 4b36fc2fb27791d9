package dev.migrator.internal.engine;

import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.session.Session;

/** Where a run learns the database's state: the database itself, or an assumption (offline). */
public interface StateSource {

    DatabaseState read(Session session, BookkeepingTables tables);
}
