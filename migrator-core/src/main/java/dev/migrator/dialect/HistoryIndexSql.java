package dev.migrator.dialect;

import java.util.List;

/** The history index's SQL that the built-in dialects share, each with its own catalog. */
final class HistoryIndexSql {

    private HistoryIndexSql() {
    }

    /** The index lands in the table's schema (or, on MariaDB, belongs to the table), so its name takes none. */
    static List<String> createIfNotExists(Dialect dialect, String qualifiedTable, String indexName) {
        return List.of("CREATE INDEX IF NOT EXISTS " + dialect.quoteIdentifier(indexName) + " ON " + qualifiedTable
                + " (revision, id)");
    }

    /**
     * The index's name from a catalog view with one row per index (or per column of it, with
     * {@code DISTINCT}): {@code view} names its schema, table and index columns.
     */
    static String existsQuery(Dialect dialect, String select, String view, String schemaColumn, String tableColumn,
            String indexColumn, String schema, String table, String indexName) {
        return "SELECT " + select + " FROM " + view + " WHERE " + schemaColumn + " = " + dialect.stringLiteral(schema)
                + " AND " + tableColumn + " = " + dialect.stringLiteral(table) + " AND " + indexColumn + " = "
                + dialect.stringLiteral(indexName);
    }
}
