package dev.migrator.dialect;

import dev.migrator.sql.StatementSplitter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB and MySQL: DDL commits implicitly, {@code GET_LOCK} for the run lock, a schema is
 * a database.
 */
public abstract class MySqlFamilyDialect implements Dialect {

    private static final int MAX_LOCK_NAME = 64;

    private final String name;

    protected MySqlFamilyDialect(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public SqlFamily family() {
        return SqlFamily.MYSQL;
    }

    @Override
    public boolean accepts(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:" + name + ":") || lower.startsWith("r2dbc:" + name + ":")
                || lower.startsWith("r2dbc:pool:" + name + ":") || lower.startsWith(name + ":");
    }

    @Override
    public StatementSplitter statementSplitter() {
        return StatementSplitter.mysql();
    }

    @Override
    public ScriptFormat scriptFormat() {
        return ScriptFormat.mysqlClient();
    }

    @Override
    public final boolean transactionalDdl() {
        return false;
    }

    @Override
    public final String quoteIdentifier(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public final String stringLiteral(String value) {
        if (value.indexOf('\\') >= 0) {
            // A backslash reads differently with and without NO_BACKSLASH_ESCAPES; hex does not.
            return "_utf8mb4 X'" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "'";
        }
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public final String currentSchemaQuery() {
        return "SELECT DATABASE()";
    }

    @Override
    public final String currentUserExpression() {
        return "CURRENT_USER()";
    }

    @Override
    public final String createVersionTable(String qualifiedName) {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName + " (version_num varchar(64) NOT NULL PRIMARY KEY)";
    }

    @Override
    public final List<String> createHistoryTable(String qualifiedName, String unqualifiedName) {
        return List.of("CREATE TABLE IF NOT EXISTS " + qualifiedName + " ("
                + "id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "revision varchar(64) NOT NULL, "
                + "direction varchar(16) NOT NULL, "
                + "outcome varchar(16) NOT NULL, "
                + "checksum varchar(64), "
                + "message varchar(500), "
                + "applied_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "
                + "duration_ms bigint, "
                + "statements integer, "
                + "applied_by varchar(255) NOT NULL)");
    }

    /** MariaDB has {@code CREATE INDEX IF NOT EXISTS}; MySQL, which has not, overrides this. */
    @Override
    public List<String> createHistoryIndex(String qualifiedTable, @Nullable String schema, String table,
            String indexName) {
        return HistoryIndexSql.createIfNotExists(this, qualifiedTable, indexName);
    }

    @Override
    public final String historyIndexQuery(String schema, String table, String indexName) {
        return HistoryIndexSql.existsQuery(this, "DISTINCT index_name", "information_schema.statistics",
                "table_schema", "table_name", "index_name", schema, table, indexName);
    }

    @Override
    public final boolean schemaIsDatabase() {
        return true;
    }

    @Override
    public final LockSql lock(String schema, String versionTable) {
        String lockName = "migrator:" + schema + "." + versionTable;
        if (lockName.length() > MAX_LOCK_NAME) {
            lockName = "migrator:" + Long.toHexString(LockKeys.of(lockName));
        }
        String literal = stringLiteral(lockName);
        return new LockSql(LockSql.Kind.SESSION, List.of(), "SELECT GET_LOCK(" + literal + ", 0)",
                "SELECT RELEASE_LOCK(" + literal + ")");
    }
}
