package dev.migrator.dialect;

import java.util.List;

/**
 * The SQL of a dialect's run lock (one run at a time per database and version table).
 *
 * @param kind how the lock is held
 * @param setup statements run once, in autocommit, before the first attempt (may be empty)
 * @param tryAcquire one attempt: returns a row whose first column is true/1 when the lock was
 *     granted; false, 0, null or a lock-timeout error mean it is held elsewhere
 * @param release gives the lock back (empty where ending the transaction does)
 */
public record LockSql(Kind kind, List<String> setup, String tryAcquire, String release) {

    public LockSql {
        setup = List.copyOf(setup);
    }

    /** How a lock is held. */
    public enum Kind {
        /** A session-level lock held by the migration connection itself, across its commits. */
        SESSION,
        /**
         * A row lock held by an open transaction on a second connection, released by its
         * rollback; for databases without advisory locks (H2).
         */
        ROW_ON_SECOND_CONNECTION
    }
}
