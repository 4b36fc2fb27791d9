package dev.migrator.dialect;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** MySQL, which shares MariaDB's SQL for everything migrator does but the history index's creation. */
public final class MySqlDialect extends MySqlFamilyDialect {

    public MySqlDialect() {
        super("mysql");
    }

    /**
     * MySQL has no {@code CREATE INDEX IF NOT EXISTS}: the catalog decides, in SQL, so that the
     * same statements run online and in the mysql client.
     */
    @Override
    public List<String> createHistoryIndex(String qualifiedTable, @Nullable String schema, String table,
            String indexName) {
        String create = "CREATE INDEX " + quoteIdentifier(indexName) + " ON " + qualifiedTable + " (revision, id)";
        return List.of("SET @migrator_history_index = (SELECT IF(COUNT(*) = 0, " + stringLiteral(create)
                        + ", 'DO 0') FROM information_schema.statistics WHERE table_schema = "
                        + (schema == null ? "DATABASE()" : stringLiteral(schema)) + " AND table_name = "
                        + stringLiteral(table) + " AND index_name = " + stringLiteral(indexName) + ")",
                "PREPARE migrator_history_index FROM @migrator_history_index",
                "EXECUTE migrator_history_index",
                "DEALLOCATE PREPARE migrator_history_index");
    }
}
