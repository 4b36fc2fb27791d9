package dev.migrator.session;

import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.dialect.LockSql;
import dev.migrator.error.DatabaseException;
import dev.migrator.error.LockTimeoutException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A session on one JDBC connection, held for the whole run so that session-level locks and
 * settings last as long as the run. H2's row lock lives on a second connection.
 */
public final class JdbcSession implements Session {

    private static final System.Logger LOG = System.getLogger(JdbcSession.class.getName());
    private static final Duration RETRY = Duration.ofMillis(200);

    private final DataSource dataSource;
    private final Connection connection;
    private final Dialect dialect;
    private @Nullable LockSql heldLock;
    private @Nullable Connection lockConnection;
    private boolean inTransaction;

    private JdbcSession(DataSource dataSource, Connection connection, Dialect dialect) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Opens a session; the dialect comes from the connection's URL. */
    public static JdbcSession open(DataSource dataSource) {
        return open(dataSource, null);
    }

    /** Opens a session with the given dialect, or the one the connection's URL names when null. */
    public static JdbcSession open(DataSource dataSource, @Nullable Dialect dialect) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseException("Cannot connect to the database: " + e.getMessage(), e);
        }
        try {
            connection.setAutoCommit(true);
            Dialect chosen = dialect != null ? dialect : Dialects.fromUrl(connection.getMetaData().getURL());
            return new JdbcSession(dataSource, connection, chosen);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DatabaseException("Cannot use the database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<List<@Nullable Object>> query(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rows(rs);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static List<List<@Nullable Object>> rows(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<List<@Nullable Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<@Nullable Object> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public void begin() {
        try {
            connection.setAutoCommit(false);
            inTransaction = true;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void commit() {
        try {
            connection.commit();
            connection.setAutoCommit(true);
            inTransaction = false;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure(e);
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
        // Nothing to write online; the engine logs progress itself.
    }

    @Override
    public void lock(LockSql lock, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Connection holder = lock.kind() == LockSql.Kind.SESSION ? connection : openLockConnection();
        try {
            for (String setup : lock.setup()) {
                try (Statement statement = holder.createStatement()) {
                    statement.execute(setup);
                } catch (SQLException e) {
                    // Two runs creating the lock row at once: the other one's row serves as well.
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
            if (lock.kind() == LockSql.Kind.ROW_ON_SECOND_CONNECTION) {
                holder.setAutoCommit(false);
            }
            boolean logged = false;
            while (!tryAcquire(holder, lock)) {
                if (System.nanoTime() > deadline) {
                    throw new LockTimeoutException("Another migrator run held the migration lock for longer than the "
                            + "lock timeout (" + timeout + "). Wait for it to finish, or raise lock-timeout; if no run is "
                            + "active, the connection still holding the lock must be ended.");
                }
                if (!logged) {
                    LOG.log(Level.INFO, "Waiting for the migration lock held by another run (up to {0})", timeout);
                    logged = true;
                }
                Thread.sleep(RETRY.toMillis());
            }
            heldLock = lock;
        } catch (SQLException e) {
            releaseLockConnection();
            throw new DatabaseException("Cannot take the migration lock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            releaseLockConnection();
            throw new DatabaseException("Interrupted while waiting for the migration lock", e);
        } catch (RuntimeException e) {
            releaseLockConnection();
            throw e;
        }
    }

    private boolean tryAcquire(Connection holder, LockSql lock) throws SQLException {
        try (Statement statement = holder.createStatement(); ResultSet rs = statement.executeQuery(lock.tryAcquire())) {
            if (!rs.next()) {
                return false;
            }
            Object granted = rs.getObject(1);
            return granted instanceof Boolean b ? b : granted instanceof Number n && n.intValue() == 1;
        } catch (SQLException e) {
            if (lock.kind() == LockSql.Kind.ROW_ON_SECOND_CONNECTION && isLockTimeout(e)) {
                holder.rollback();
                return false;
            }
            throw e;
        }
    }

    private static boolean isLockTimeout(SQLException e) {
        // H2: 50200 lock timeout, 40001 deadlock; both mean "held elsewhere, try again".
        String state = e.getSQLState();
        return "HYT00".equals(state) || "40001".equals(state) || e.getErrorCode() == 50200;
    }

    private Connection openLockConnection() {
        try {
            Connection second = dataSource.getConnection();
            second.setAutoCommit(true);
            lockConnection = second;
            return second;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot open the lock connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void unlock() {
        LockSql lock = heldLock;
        heldLock = null;
        if (lock == null) {
            return;
        }
        if (lock.kind() == LockSql.Kind.SESSION) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(lock.release());
            } catch (SQLException e) {
                // The lock dies with the connection, which close() ends anyway.
                LOG.log(Level.WARNING, "Could not release the migration lock: {0}", e.getMessage());
            }
        } else {
            releaseLockConnection();
        }
    }

    private void releaseLockConnection() {
        Connection second = lockConnection;
        lockConnection = null;
        if (second != null) {
            try {
                if (!second.getAutoCommit()) {
                    second.rollback();
                }
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "Rollback of the lock connection failed: {0}", e.getMessage());
            }
            closeQuietly(second);
        }
    }

    @Override
    public void close() {
        try {
            if (inTransaction) {
                rollback();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Rollback on close failed: {0}", e.getMessage());
        }
        unlock();
        closeQuietly(connection);
    }

    private static DatabaseException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        return new DatabaseException(e.getMessage() + state, e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "Closing a connection failed: {0}", e.getMessage());
        }
    }
}
