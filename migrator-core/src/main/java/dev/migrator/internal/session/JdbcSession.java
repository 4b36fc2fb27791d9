package dev.migrator.internal.session;

import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.dialect.LockSql;
import dev.migrator.error.DatabaseException;
import dev.migrator.session.Session;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A session on one JDBC connection, held for the whole run so that session-level locks and
 * settings last as long as the run. H2's row lock lives on a second connection.
 */
public final class JdbcSession implements Session {

    private static final System.Logger LOG = System.getLogger(JdbcSession.class.getName());

    private final DataSource dataSource;
    private final Connection connection;
    private final Dialect dialect;
    private final HeldLock runLock = new HeldLock();
    private boolean inTransaction;
    private @Nullable SchemaRestore restoreSchema;

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
    public void executeAll(List<String> sql) {
        if (sql.size() < 2) {
            sql.forEach(this::execute);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.addBatch(one);
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw failure(e.getNextException() != null ? e.getNextException() : e);
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
    public Optional<Connection> jdbcConnection() {
        return Optional.of(connection);
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
    public boolean followsServerTransactionState() {
        return dialect.transactionControlInBatches();
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
    public void useSchema(String schema) {
        // The connection goes back to a pool afterwards, which (HikariCP without a configured schema)
        // would hand it on in this schema: close() puts the setting back as it was.
        try {
            if (dialect.schemaIsDatabase()) {
                String original = connection.getCatalog();
                connection.setCatalog(schema);
                restoreSchema = () -> connection.setCatalog(original);
                return;
            }
            String settingQuery = dialect.schemaSettingQuery();
            if (settingQuery != null) {
                Object setting = query(settingQuery).get(0).get(0);
                String restore = dialect.restoreSchemaSettingSql(setting == null ? "" : setting.toString());
                connection.setSchema(schema);
                restoreSchema = () -> execute(restore);
            } else {
                String original = connection.getSchema();
                connection.setSchema(schema);
                restoreSchema = () -> connection.setSchema(original);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Puts back what {@link #useSchema} changed; the pool will hand the connection on. */
    @FunctionalInterface
    private interface SchemaRestore {
        void run() throws SQLException;
    }

    @Override
    public void comment(String text) {
        // Nothing to write online; the engine logs progress itself.
    }

    @Override
    public void lock(LockSql lock, Duration timeout) {
        runLock.take(this, lock, timeout, () -> open(dataSource, dialect));
    }

    @Override
    public void unlock() {
        runLock.giveBack(this, true);
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
        if (restoreSchema != null) {
            try {
                restoreSchema.run();
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not put the connection''s schema back after a run in one schema: {0}",
                        e.getMessage());
            }
        }
        closeQuietly(connection);
    }

    private static DatabaseException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        return new DatabaseException(e.getMessage() + state, e, e.getSQLState(), e.getErrorCode());
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "Closing a connection failed: {0}", e.getMessage());
        }
    }
}
