package dev.migrator.session;

import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.LockSql;
import dev.migrator.error.BadInputException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Carries SQL to a database, or into a script. Online sessions run each statement; offline
 * sessions write what the online session would run. Failures are
 * {@link dev.migrator.error.DatabaseException}s carrying the database's own message.
 */
public interface Session extends AutoCloseable {

    Dialect dialect();

    /** Runs (or writes) one statement. */
    void execute(String sql);

    /**
     * Runs (or writes) statements in order, in one round trip where the driver can batch them,
     * so a revision's bookkeeping costs one exchange rather than one per row. The first failure
     * stops the rest.
     */
    default void executeAll(List<String> sql) {
        for (String statement : sql) {
            execute(statement);
        }
    }

    /**
     * Runs a query and returns its rows, each column as the driver's Java value. Offline
     * sessions have nothing to ask and throw {@link UnsupportedOperationException}.
     */
    List<List<@Nullable Object>> query(String sql);

    /**
     * Makes {@code schema} the session's default (a database, on MariaDB and MySQL), for a run in one
     * schema of many: the scripts' unqualified names go there. Sessions that cannot switch refuse.
     */
    default void useSchema(String schema) {
        throw new BadInputException("This session cannot switch to schema " + schema
                + "; migrate each schema over a connection (DataSource, ConnectionFactory) of its own");
    }

    /**
     * The JDBC connection the session runs its statements on, which a Java revision is handed; empty for
     * sessions without one (R2DBC, offline), which refuse Java revisions before anything runs.
     */
    default Optional<Connection> jdbcConnection() {
        return Optional.empty();
    }

    /** Starts a transaction; statements until {@link #commit()} or {@link #rollback()} belong to it. */
    void begin();

    void commit();

    /**
     * Whether the driver follows the transaction state the server reports, so that a COMMIT sent
     * in a batch ends the transaction for it too (pgjdbc, r2dbc-postgresql). Offline sessions
     * and other drivers keep to their own commit.
     */
    default boolean followsServerTransactionState() {
        return false;
    }

    /**
     * Runs the statements, then commits: the last writes of a revision (its bookkeeping) and the
     * commit, in one round trip where the driver follows the server's transaction state.
     */
    default void commitWith(List<String> sql) {
        if (!followsServerTransactionState()) {
            executeAll(sql);
            commit();
            return;
        }
        List<String> batch = new ArrayList<>(sql);
        batch.add("COMMIT");
        executeAll(batch);
        commit(); // the driver saw the server leave the transaction: it sends nothing more
    }

    void rollback();

    /** Whether a transaction started with {@link #begin()} is open. */
    boolean inTransaction();

    /** A note for a human reading along: a comment in an offline script, a no-op online. */
    void comment(String text);

    /**
     * Takes the run lock, waiting at most {@code timeout}; throws
     * {@link dev.migrator.error.LockTimeoutException} after that.
     */
    void lock(LockSql lock, Duration timeout);

    /**
     * Whether step durations measured around this session mean anything: not for an offline
     * script, whose history rows leave the duration empty.
     */
    default boolean timesSteps() {
        return true;
    }

    /** Gives the run lock back, if held. */
    void unlock();

    /** Ends the session: rolls back an open transaction, releases the lock, closes connections. */
    @Override
    void close();
}
