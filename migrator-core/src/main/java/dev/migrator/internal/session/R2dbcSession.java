package dev.migrator.internal.session;

import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.dialect.LockSql;
import dev.migrator.error.DatabaseException;
import dev.migrator.session.Session;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A session over one R2DBC connection. The engine is sequential, so each call waits for its
 * publisher; it must run on a thread that may block (the reactive facade moves it to
 * {@code boundedElastic}; Reactor refuses {@code block()} on its non-blocking threads).
 * {@link #abort()} closes the connection from any thread without waiting: the server then
 * rolls back the running revision and frees the lock.
 */
public final class R2dbcSession implements Session {

    private static final System.Logger LOG = System.getLogger(R2dbcSession.class.getName());

    private final ConnectionFactory factory;
    private final Connection connection;
    private final Dialect dialect;
    private final HeldLock runLock = new HeldLock();
    private boolean inTransaction;
    /** A BEGIN not yet sent: it goes with the next statement, saving a round trip. */
    private boolean beginPending;
    private volatile boolean aborted;

    private R2dbcSession(ConnectionFactory factory, Connection connection, Dialect dialect) {
        this.factory = factory;
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Opens a session; the dialect comes from the driver's name unless given. */
    public static R2dbcSession open(ConnectionFactory factory, @Nullable Dialect dialect) {
        Dialect chosen = dialect != null ? dialect : dialectOf(factory);
        Connection connection;
        try {
            connection = Mono.from(factory.create()).block();
        } catch (R2dbcException e) {
            throw new DatabaseException("Cannot connect to the database: " + e.getMessage(), e, e.getSqlState(),
                    e.getErrorCode());
        }
        if (connection == null) {
            throw new DatabaseException("The R2DBC connection factory gave no connection");
        }
        return new R2dbcSession(factory, connection, chosen);
    }

    /** The dialect of an R2DBC driver, from its metadata name ("PostgreSQL", "MariaDB", "H2", "MySQL"). */
    public static Dialect dialectOf(ConnectionFactory factory) {
        String name = factory.getMetadata().getName().toLowerCase(Locale.ROOT);
        for (Dialect builtIn : Dialects.builtIn()) {
            if (name.contains(builtIn.name())) {
                return builtIn;
            }
        }
        return Dialects.byName(name);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void execute(String sql) {
        if (beginPending) {
            executeAll(List.of(sql));
            return;
        }
        await(Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then());
    }

    @Override
    public void executeAll(List<String> sql) {
        List<String> statements = new ArrayList<>(sql);
        if (beginPending) {
            statements.add(0, "BEGIN");
            beginPending = false;
        }
        if (statements.size() < 2) {
            statements.forEach(this::execute);
            return;
        }
        Batch batch = connection.createBatch();
        statements.forEach(batch::add);
        await(Flux.from(batch.execute()).concatMap(Result::getRowsUpdated).then());
    }

    @Override
    public boolean followsServerTransactionState() {
        return dialect.transactionControlInBatches();
    }

    @Override
    public List<List<@Nullable Object>> query(String sql) {
        sendPendingBegin();
        List<List<@Nullable Object>> rows = await(Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map((row, metadata) -> {
                    int columns = metadata.getColumnMetadatas().size();
                    List<@Nullable Object> values = new ArrayList<>(columns);
                    for (int i = 0; i < columns; i++) {
                        values.add(row.get(i));
                    }
                    return values;
                }))
                .collectList());
        return rows == null ? List.of() : rows;
    }

    @Override
    public void begin() {
        if (dialect.transactionControlInBatches()) {
            beginPending = true;
        } else {
            await(connection.beginTransaction());
        }
        inTransaction = true;
    }

    private void sendPendingBegin() {
        if (beginPending) {
            beginPending = false;
            await(connection.beginTransaction());
        }
    }

    @Override
    public void commit() {
        if (beginPending) { // nothing ran in the transaction
            beginPending = false;
        } else {
            await(connection.commitTransaction());
        }
        inTransaction = false;
    }

    @Override
    public void rollback() {
        try {
            if (beginPending) {
                beginPending = false;
            } else if (dialect.transactionControlInBatches()) {
                // The driver did not send the BEGIN (it went in a batch), and after a failed statement it
                // may skip rollbackTransaction() as if none were open; the server's own ROLLBACK always ends it.
                await(Flux.from(connection.createStatement("ROLLBACK").execute()).concatMap(Result::getRowsUpdated)
                        .then());
            } else {
                await(connection.rollbackTransaction());
            }
        } finally {
            inTransaction = false;
        }
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void comment(String text) {
    }

    @Override
    public void lock(LockSql lock, Duration timeout) {
        runLock.take(this, lock, timeout, () -> open(factory, dialect));
    }

    @Override
    public void unlock() {
        runLock.giveBack(this, !aborted);
    }

    /**
     * Ends the session at once from any thread, without waiting (a cancelled subscription):
     * closing the connection makes the server roll back and release the lock.
     */
    public void abort() {
        if (aborted) {
            return;
        }
        aborted = true;
        if (runLock.secondSession(this) instanceof R2dbcSession second) {
            second.abort();
        }
        Mono.from(connection.close()).subscribe(null, e -> LOG.log(Level.DEBUG, "Abort: {0}", e.getMessage()));
    }

    @Override
    public void close() {
        if (aborted) {
            return;
        }
        try {
            if (inTransaction) {
                rollback();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Rollback on close failed: {0}", e.getMessage());
        }
        unlock();
        try {
            await(connection.close());
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing the connection failed: {0}", e.getMessage());
        }
    }

    private <T> @Nullable T await(Publisher<T> publisher) {
        if (aborted) {
            throw new DatabaseException("The migration was cancelled; the database rolls back the running revision");
        }
        try {
            return Mono.from(publisher).block();
        } catch (R2dbcException e) {
            String state = e.getSqlState() == null ? "" : " [SQLState " + e.getSqlState() + "]";
            throw new DatabaseException(e.getMessage() + state, e, e.getSqlState(), e.getErrorCode());
        } catch (RuntimeException e) {
            if (aborted) {
                throw new DatabaseException("The migration was cancelled; the database rolls back the running revision",
                        e);
            }
            throw e;
        }
    }
}
