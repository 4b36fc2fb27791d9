package dev.migrator.internal.bookkeeping;

import dev.migrator.bookkeeping.Direction;
import dev.migrator.bookkeeping.Outcome;
import dev.migrator.dialect.Dialect;
import dev.migrator.plan.VersionChange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of the version and history tables for one dialect, schema and pair of names.
 * Every value is written as a literal, so the same text runs online and in offline scripts.
 */
public final class BookkeepingTables {

    private static final int MAX_INDEX_NAME_BYTES = 63;

    /** The columns of {@link #selectLatestHistoryPerRevision}, in the order {@link HistoryRows#latest} reads them. */
    private static final List<String> LATEST_COLUMNS =
            List.of("id", "revision", "direction", "outcome", "checksum", "statements");

    private final Dialect dialect;
    private final @Nullable String schema;
    private final String versionTable;
    private final String historyTable;
    private final @Nullable String schemaSql;

    /**
     * @param schema the schema holding both tables, or null to leave them unqualified (offline
     *     scripts for a schema only the DBA's session knows)
     */
    public BookkeepingTables(Dialect dialect, @Nullable String schema, String versionTable, String historyTable) {
        this(dialect, schema, schema == null ? null : dialect.quoteIdentifier(schema), versionTable, historyTable);
    }

    private BookkeepingTables(Dialect dialect, @Nullable String schema, @Nullable String schemaSql, String versionTable,
            String historyTable) {
        this.dialect = dialect;
        this.schema = schema;
        this.schemaSql = schemaSql;
        this.versionTable = versionTable;
        this.historyTable = historyTable;
    }

    /**
     * Tables qualified by SQL text that names the schema when the script runs, such as psql's
     * {@code :"migrator_schema"}: an offline script then keeps naming the schema it started in,
     * whatever {@code search_path} a revision sets.
     */
    public static BookkeepingTables qualifiedBy(Dialect dialect, String schemaSql, String versionTable,
            String historyTable) {
        return new BookkeepingTables(dialect, null, schemaSql, versionTable, historyTable);
    }

    public @Nullable String schema() {
        return schema;
    }

    public String versionTable() {
        return versionTable;
    }

    public String historyTable() {
        return historyTable;
    }

    public String qualifiedVersionTable() {
        return qualify(versionTable);
    }

    public String qualifiedHistoryTable() {
        return qualify(historyTable);
    }

    private String qualify(String table) {
        String quoted = dialect.quoteIdentifier(table);
        return schemaSql == null ? quoted : schemaSql + "." + quoted;
    }

    /** Creates both tables, and the history table's index, where they are missing. */
    public List<String> createTables() {
        List<String> statements = new ArrayList<>();
        statements.add(dialect.createVersionTable(qualifiedVersionTable()));
        statements.addAll(dialect.createHistoryTable(qualifiedHistoryTable(), historyTable));
        statements.addAll(createHistoryIndex());
        return statements;
    }

    /**
     * Creates the history table's index on {@code (revision, id)} where it is missing (tables of
     * an earlier version have none); nothing where the dialect has no index.
     */
    public List<String> createHistoryIndex() {
        return dialect.createHistoryIndex(qualifiedHistoryTable(), schema, historyTable, historyIndexName());
    }

    /**
     * {@code <history table>_revision_idx}, within 63 bytes (PostgreSQL's limit, below MySQL's 64):
     * a longer table name is cut and a hash of it added, so two long names keep two indexes.
     */
    public String historyIndexName() {
        String suffix = "_revision_idx";
        String name = historyTable + suffix;
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_INDEX_NAME_BYTES) {
            return name;
        }
        String hash = String.format(Locale.ROOT, "_%08x", historyTable.hashCode());
        StringBuilder prefix = new StringBuilder();
        int room = MAX_INDEX_NAME_BYTES - suffix.length() - hash.length();
        for (int i = 0; i < historyTable.length(); i = historyTable.offsetByCodePoints(i, 1)) {
            String next = new String(Character.toChars(historyTable.codePointAt(i)));
            if (prefix.toString().getBytes(StandardCharsets.UTF_8).length
                    + next.getBytes(StandardCharsets.UTF_8).length > room) {
                break;
            }
            prefix.append(next);
        }
        return prefix + hash + suffix;
    }

    /**
     * Which of the two tables exist (needs a known schema) and, in the same answer, the history
     * table's index, under {@link #historyIndexName()}.
     */
    public String existingTablesQuery() {
        if (schema == null) {
            throw new IllegalStateException("existence check needs a schema");
        }
        String tables = dialect.existingTablesQuery(schema, List.of(versionTable, historyTable));
        String index = dialect.historyIndexQuery(schema, historyTable, historyIndexName());
        return index == null ? tables : tables + " UNION ALL " + index;
    }

    public String selectVersionRows() {
        return "SELECT version_num FROM " + qualifiedVersionTable();
    }

    /**
     * The newest history row of each of {@code revisions} (and, on some databases or without the
     * index, of other revisions too), with only what drift checks and failure recovery need (id,
     * revision, direction, outcome, checksum, statements): every boot and every status call reads
     * it, and decoding messages and timestamps too was measurable (docs/performance.md, the no-op).
     * With the index, the dialect's lookup reads one entry per revision, not the table; without it
     * (a table of an earlier version, not yet upgraded) the table is read once, as before.
     *
     * @param revisions the revisions that matter, never empty
     * @param indexed whether the history table has the index of {@link #createHistoryIndex()}
     */
    public String selectLatestHistoryPerRevision(Collection<String> revisions, boolean indexed) {
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("no revisions to look up");
        }
        String table = qualifiedHistoryTable();
        return indexed ? dialect.latestHistoryQuery(table, LATEST_COLUMNS, revisions)
                : Dialect.latestHistoryByGrouping(table, LATEST_COLUMNS);
    }

    /** All history, newest first, at most {@code limit} rows. */
    public String selectHistory(int limit) {
        return "SELECT id, revision, direction, outcome, checksum, message, applied_at, duration_ms, statements, applied_by"
                + " FROM " + qualifiedHistoryTable() + " ORDER BY id DESC LIMIT " + limit;
    }

    /** Empties the version table, whatever its rows name ({@code stamp --purge}). */
    public String deleteAllVersionRows() {
        return "DELETE FROM " + qualifiedVersionTable();
    }

    /** The statements that carry out one step's change of the version rows, in order. */
    public List<String> versionChange(VersionChange change) {
        List<String> statements = new ArrayList<>();
        String table = qualifiedVersionTable();
        for (String row : change.deletes()) {
            statements.add("DELETE FROM " + table + " WHERE version_num = " + dialect.stringLiteral(row));
        }
        for (VersionChange.Update update : change.updates()) {
            statements.add("UPDATE " + table + " SET version_num = " + dialect.stringLiteral(update.to())
                    + " WHERE version_num = " + dialect.stringLiteral(update.from()));
        }
        for (String row : change.inserts()) {
            statements.add("INSERT INTO " + table + " (version_num) VALUES (" + dialect.stringLiteral(row) + ")");
        }
        return statements;
    }

    /** Records one step in the history table. */
    public String insertHistory(String revision, Direction direction, Outcome outcome, @Nullable String checksum,
            String message, @Nullable Long durationMs, @Nullable Integer statements) {
        return "INSERT INTO " + qualifiedHistoryTable()
                + " (revision, direction, outcome, checksum, message, duration_ms, statements, applied_by) VALUES ("
                + dialect.stringLiteral(revision) + ", "
                + dialect.stringLiteral(direction.label()) + ", "
                + dialect.stringLiteral(outcome.label()) + ", "
                + (checksum == null ? "NULL" : dialect.stringLiteral(checksum)) + ", "
                + dialect.stringLiteral(truncate(message, 500)) + ", "
                + (durationMs == null ? "NULL" : durationMs) + ", "
                + (statements == null ? "NULL" : statements) + ", "
                + dialect.currentUserExpression() + ")";
    }

    /**
     * At most {@code max} UTF-16 units (H2 and HSQLDB count those; PostgreSQL and MariaDB count code
     * points, never more), and never half of a surrogate pair, which no database would store.
     */
    private static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        return value.substring(0, Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max);
    }
}
