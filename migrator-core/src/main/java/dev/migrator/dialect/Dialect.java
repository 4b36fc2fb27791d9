package dev.migrator.dialect;

import dev.migrator.sql.StatementSplitter;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What migrator needs to know of a database: how to recognise its URLs, quote names and
 * values, whether DDL is transactional, how its client splits and runs scripts, and the SQL of
 * the bookkeeping tables and the lock. Everything that differs between databases is asked of
 * the dialect, so a dialect registered with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.migrator.dialect.Dialect} file) runs online and offline like a
 * built-in one. Implementations are stateless.
 */
public interface Dialect {

    /** The dialect's name: {@code postgresql}, {@code mariadb}, {@code mysql}, {@code h2}, or an extension's. */
    String name();

    /** Whether a JDBC (or R2DBC) URL names a database of this dialect; URLs are never opened. */
    boolean accepts(String url);

    /** Whether DDL statements can be rolled back, so a revision and its bookkeeping commit together. */
    boolean transactionalDdl();

    /**
     * Whether BEGIN and COMMIT may travel in a batch with other statements: PostgreSQL's drivers
     * (pgjdbc, r2dbc-postgresql) read the transaction state from the server's replies, so a
     * revision needs fewer round trips. Others keep to the driver's own transaction calls.
     */
    default boolean transactionControlInBatches() {
        return false;
    }

    /**
     * How this database's own command-line client splits a script into statements; migrator
     * splits the same way, so that online runs and offline scripts run the same statements.
     */
    default StatementSplitter statementSplitter() {
        return StatementSplitter.semicolons();
    }

    /** Whose SQL this database speaks, for the lint rules; {@link SqlFamily#OTHER} gets no database-specific ones. */
    default SqlFamily family() {
        return SqlFamily.OTHER;
    }

    /** How an offline script is written for this database's client. */
    default ScriptFormat scriptFormat() {
        return ScriptFormat.semicolons();
    }

    /** The identifier, quoted so its case and characters are kept. */
    String quoteIdentifier(String identifier);

    /** The value as a SQL string literal that this dialect's client and server read back unchanged. */
    default String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Whether a schema is a database, the connection's catalog (MariaDB, MySQL), rather than a schema in one. */
    default boolean schemaIsDatabase() {
        return false;
    }

    /**
     * Where more than the default schema decides how a session resolves names (PostgreSQL's
     * {@code search_path}): a query for that setting, which a run in one schema of many saves and
     * then puts back with {@link #restoreSchemaSettingSql}. Null: the JDBC schema (or catalog) is all.
     */
    default @Nullable String schemaSettingQuery() {
        return null;
    }

    /** The statement that puts back what {@link #schemaSettingQuery()} returned. */
    default String restoreSchemaSettingSql(String setting) {
        throw new UnsupportedOperationException(name() + " has no schema setting to restore");
    }

    /** A query returning one row, one column: the session's default schema (or database). */
    String currentSchemaQuery();

    /**
     * A query returning one row, one column: the database's name, the value of the
     * {@code ${migrator:database}} placeholder. By default the current schema's query (MariaDB and
     * MySQL, whose databases are schemas).
     */
    default String currentDatabaseQuery() {
        return currentSchemaQuery();
    }

    /** An SQL expression for the connected user, recorded as who applied a step. */
    String currentUserExpression();

    /** The statement that creates the version table if it is not there. */
    String createVersionTable(String qualifiedName);

    /** The statements that create the history table if it is not there. */
    List<String> createHistoryTable(String qualifiedName, String unqualifiedName);

    /**
     * The statements that create the history table's index on {@code (revision, id)} where it is
     * missing, which lets {@link #latestHistoryQuery} read the newest row of each revision without
     * reading the table. They run with the tables, and on a table created without the index by
     * an earlier version (online under the run lock, and in offline scripts), so they must do
     * nothing when the index exists. None (the default): no index, and the lookup reads the table.
     *
     * @param qualifiedTable the history table as the other bookkeeping statements name it
     * @param schema the schema's plain name, or null when the statements name no schema
     * @param table the history table's plain name
     * @param indexName the index's plain name, short enough for every built-in dialect
     */
    default List<String> createHistoryIndex(String qualifiedTable, @Nullable String schema, String table,
            String indexName) {
        return List.of();
    }

    /**
     * A query returning the index's name (one column) when the history table has it, no row when
     * not; it runs together with {@link #existingTablesQuery} (a {@code UNION ALL}), so its column
     * must go with that query's. Null: the dialect creates no index.
     */
    default @Nullable String historyIndexQuery(String schema, String table, String indexName) {
        return null;
    }

    /**
     * The newest history row (the highest id) of each of {@code revisions} that has one, selecting
     * {@code columns}, on a history table that has the index of {@link #createHistoryIndex}. By
     * default the rows of {@code MAX(id) ... GROUP BY revision}, which MariaDB and MySQL read as a
     * loose index scan through the index (one probe per revision); it also returns other
     * revisions' rows, which callers ignore.
     *
     * @param revisions the revisions that matter (every script's), never empty
     */
    default String latestHistoryQuery(String qualifiedTable, List<String> columns, Collection<String> revisions) {
        return latestHistoryByGrouping(qualifiedTable, columns);
    }

    /**
     * The portable lookup of the newest history row of every revision; without the index of
     * {@link #createHistoryIndex} every database reads the whole table for it.
     */
    static String latestHistoryByGrouping(String qualifiedTable, List<String> columns) {
        return "SELECT " + String.join(", ", columns) + " FROM " + qualifiedTable + " WHERE id IN (SELECT MAX(id) FROM "
                + qualifiedTable + " GROUP BY revision)";
    }

    /**
     * A query returning the names of those of {@code tables} that exist in {@code schema}; the
     * arguments are plain names, to be quoted as literals. The standard information schema, which
     * PostgreSQL, MariaDB/MySQL and H2 share.
     */
    default String existingTablesQuery(String schema, List<String> tables) {
        StringJoiner names = new StringJoiner(", ");
        for (String table : tables) {
            names.add(stringLiteral(table));
        }
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = " + stringLiteral(schema)
                + " AND table_name IN (" + names + ")";
    }

    /**
     * How this database keeps one run at a time.
     *
     * @param schema the schema of the version table
     * @param versionTable the version table's plain name; the lock is per schema and table
     */
    LockSql lock(String schema, String versionTable);
}
