package dev.migrator.internal.session;

import dev.migrator.dialect.LockSql;
import dev.migrator.error.DatabaseException;
import dev.migrator.error.LockTimeoutException;
import dev.migrator.session.Session;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Takes a dialect's run lock through any session, JDBC or R2DBC: one retry loop, one timeout
 * message. The holder is the migrating session itself for session-level locks (advisory
 * locks, {@code GET_LOCK}), or a second session whose open transaction holds a row lock (H2).
 */
final class RunLock {

    private static final System.Logger LOG = System.getLogger(RunLock.class.getName());
    private static final Duration RETRY = Duration.ofMillis(200);

    private RunLock() {
    }

    static void acquire(Session holder, LockSql lock, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String setup : lock.setup()) {
            try {
                holder.execute(setup);
            } catch (DatabaseException e) {
                // Two runs creating the lock row at once: the other one's row serves as well.
                if (!"23505".equals(e.sqlState())) {
                    throw e;
                }
            }
        }
        boolean rowLock = lock.kind() == LockSql.Kind.ROW_ON_SECOND_CONNECTION;
        if (rowLock) {
            holder.begin();
        }
        boolean logged = false;
        while (!tryAcquire(holder, lock, rowLock)) {
            if (System.nanoTime() > deadline) {
                throw new LockTimeoutException("Another migrator run held the migration lock for longer than the lock "
                        + "timeout (" + timeout + "). Wait for it to finish, or raise lock-timeout; if no run is "
                        + "active, the connection still holding the lock must be ended.");
            }
            if (!logged) {
                LOG.log(Level.INFO, "Waiting for the migration lock held by another run (up to {0})", timeout);
                logged = true;
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseException("Interrupted while waiting for the migration lock", e);
            }
        }
    }

    private static boolean tryAcquire(Session holder, LockSql lock, boolean rowLock) {
        try {
            List<List<@Nullable Object>> rows = holder.query(lock.tryAcquire());
            if (rows.isEmpty()) {
                return false;
            }
            Object granted = rows.get(0).get(0);
            return granted instanceof Boolean b ? b : granted instanceof Number n && n.intValue() == 1;
        } catch (DatabaseException e) {
            if (rowLock && isLockTimeout(e)) {
                holder.rollback();
                holder.begin();
                return false;
            }
            throw e;
        }
    }

    private static boolean isLockTimeout(DatabaseException e) {
        // H2: 50200 lock timeout, 40001 deadlock; both mean "held elsewhere, try again".
        return "HYT00".equals(e.sqlState()) || "40001".equals(e.sqlState()) || e.vendorCode() == 50200;
    }

    /** Gives a session-level lock back; a row lock ends with its holder session, which the caller closes. */
    static void release(Session holder, LockSql lock) {
        if (lock.kind() != LockSql.Kind.SESSION) {
            return;
        }
        try {
            holder.execute(lock.release());
        } catch (DatabaseException e) {
            // The lock dies with the connection, which closing the session ends anyway.
            LOG.log(Level.WARNING, "Could not release the migration lock: {0}", e.getMessage());
        }
    }
}
