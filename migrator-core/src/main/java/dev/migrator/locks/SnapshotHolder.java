package dev.migrator.locks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * An open REPEATABLE READ transaction that holds a snapshot and no table lock. CONCURRENTLY
 * statements wait for every older snapshot to end, so while this one is open they stay in their
 * waiting phase, holding their locks, long enough to be observed.
 */
final class SnapshotHolder implements AutoCloseable {

    private final Connection connection;

    private SnapshotHolder(Connection connection) {
        this.connection = connection;
    }

    static SnapshotHolder open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return new SnapshotHolder(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
