package dev.migrator.locks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The PostgreSQL queries of a measurement: which tables exist, which locks a backend holds, and the probes. */
final class PgLocks {

    /** SQLState of a lock_timeout expiring: the probe was blocked. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String PROBE_TIMEOUT = "200ms";

    /** A granted relation lock: the relation's oid and the mode's name. */
    record Held(long relation, String mode) {
    }

    private PgLocks() {
    }

    /** The user tables (plain and partitioned) that exist now, oid to schema-qualified name. */
    static Map<Long, String> tables(Connection connection) throws SQLException {
        Map<Long, String> tables = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT c.oid, format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                        + " AND n.nspname NOT LIKE 'pg\\_toast%'")) {
            while (rows.next()) {
                tables.put(rows.getLong(1), rows.getString(2));
            }
        }
        return tables;
    }

    static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The granted relation locks of backend {@code pid} on the given tables. */
    static Set<Held> held(Connection observer, int pid, Set<Long> tables) throws SQLException {
        Set<Held> held = new HashSet<>();
        try (PreparedStatement statement = observer.prepareStatement("SELECT relation::bigint, mode FROM pg_locks"
                + " WHERE locktype = 'relation' AND granted AND pid = ?")) {
            statement.setInt(1, pid);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (tables.contains(rows.getLong(1))) {
                        held.add(new Held(rows.getLong(1), rows.getString(2)));
                    }
                }
            }
        }
        return held;
    }

    static boolean readBlocked(Connection prober, String table) throws SQLException {
        return blocked(prober, "SELECT 1 FROM " + table + " LIMIT 1");
    }

    /** An INSERT of default values, rolled back; a constraint violation means it got past the lock. */
    static boolean writeBlocked(Connection prober, String table) throws SQLException {
        return blocked(prober, "INSERT INTO " + table + " DEFAULT VALUES");
    }

    private static boolean blocked(Connection prober, String sql) throws SQLException {
        prober.setAutoCommit(false);
        try (Statement statement = prober.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + PROBE_TIMEOUT + "'");
            statement.execute(sql);
            return false;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e; // the probe's connection failed: no answer, rather than a wrong one
            }
            return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
        } finally {
            prober.rollback();
        }
    }
}
