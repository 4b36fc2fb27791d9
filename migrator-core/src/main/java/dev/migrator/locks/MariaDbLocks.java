package dev.migrator.locks;

import dev.migrator.error.BadInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * The MariaDB queries of a measurement: the metadata locks a connection holds (the
 * {@code METADATA_LOCK_INFO} plugin, since {@code performance_schema} is usually off), whether it
 * waits for one, and what each lock mode lets through (MariaDB's metadata-lock compatibility).
 */
final class MariaDbLocks {

    /** A granted metadata lock: the table and the mode's name ({@code MDL_SHARED_NO_WRITE}). */
    record Held(String table, String mode) {
    }

    private MariaDbLocks() {
    }

    static void requirePlugin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT 1 FROM information_schema.PLUGINS WHERE PLUGIN_NAME = 'METADATA_LOCK_INFO'"
                        + " AND PLUGIN_STATUS = 'ACTIVE'")) {
            if (!rows.next()) {
                throw new BadInputException("lint --locks reads MariaDB's metadata locks from"
                        + " information_schema.METADATA_LOCK_INFO, which this server has not loaded: run"
                        + " INSTALL SONAME 'metadata_lock_info' on the scratch server (no restart; MySQL is not"
                        + " measured yet)");
            }
        }
    }

    static String database(Connection connection) throws SQLException {
        return single(connection, "SELECT DATABASE()");
    }

    static long threadId(Connection connection) throws SQLException {
        return Long.parseLong(single(connection, "SELECT CONNECTION_ID()"));
    }

    /** The base tables of the connection's database now. */
    static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** The metadata locks connection {@code thread} holds on the given tables of {@code database}. */
    static Set<Held> held(Connection observer, long thread, String database, Set<String> tables) throws SQLException {
        Set<Held> held = new HashSet<>();
        try (PreparedStatement statement = observer.prepareStatement("SELECT TABLE_NAME, LOCK_MODE FROM"
                + " information_schema.METADATA_LOCK_INFO WHERE THREAD_ID = ? AND TABLE_SCHEMA = ?")) {
            statement.setLong(1, thread);
            statement.setString(2, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (tables.contains(rows.getString(1))) {
                        held.add(new Held(rows.getString(1), rows.getString(2)));
                    }
                }
            }
        }
        return held;
    }

    static boolean waitsForMetadataLock(Connection observer, long thread) throws SQLException {
        try (PreparedStatement statement = observer.prepareStatement(
                "SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            statement.setLong(1, thread);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && "Waiting for table metadata lock".equals(rows.getString(1));
            }
        }
    }

    /** Whether a SELECT (a shared-read request) waits behind a lock of this mode. */
    static boolean blocksReads(String mode) {
        return mode.equals("MDL_SHARED_NO_READ_WRITE") || mode.equals("MDL_EXCLUSIVE");
    }

    /** Whether an INSERT (a shared-write request) waits behind a lock of this mode. */
    static boolean blocksWrites(String mode) {
        return blocksReads(mode) || mode.equals("MDL_SHARED_NO_WRITE") || mode.equals("MDL_SHARED_READ_ONLY");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
