package dev.migrator.internal.session;

import dev.migrator.dialect.LockSql;
import dev.migrator.error.DatabaseException;
import dev.migrator.error.MigratorException;
import dev.migrator.session.Session;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The run lock of one session, JDBC or R2DBC alike: held by the session itself (a session-level
 * lock), or by a second session it opens for a row lock; taken and given back the same way, and
 * a failure to take it is always a {@link MigratorException}.
 */
final class HeldLock {

    private @Nullable LockSql lock;
    private @Nullable Session holder;

    /**
     * @param self the migrating session
     * @param second opens the second session a row lock needs
     */
    void take(Session self, LockSql wanted, Duration timeout, Supplier<? extends Session> second) {
        Session chosen = wanted.kind() == LockSql.Kind.SESSION ? self : second.get();
        try {
            RunLock.acquire(chosen, wanted, timeout);
        } catch (RuntimeException e) {
            if (chosen != self) {
                chosen.close();
            }
            throw e instanceof MigratorException ? e
                    : new DatabaseException("Cannot take the migration lock: " + e.getMessage(), e);
        }
        lock = wanted;
        holder = chosen;
    }

    /** The second session holding a row lock, if any. */
    @Nullable Session secondSession(Session self) {
        return holder == self ? null : holder;
    }

    /**
     * Gives the lock back, if held.
     *
     * @param release false when the connection is gone (an aborted run): the server freed the lock already
     */
    void giveBack(Session self, boolean release) {
        LockSql held = lock;
        Session heldBy = holder;
        lock = null;
        holder = null;
        if (held == null || heldBy == null || !release) {
            return;
        }
        RunLock.release(heldBy, held);
        if (heldBy != self) {
            heldBy.close();
        }
    }
}
