package dev.migrator.flyway;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where Flyway keeps its history: {@code spring.flyway.table} / {@code flyway.table} (default
 * {@code flyway_schema_history}) in the first of {@code flyway.schemas}, or {@code default-schema},
 * or else the connection's default schema.
 *
 * @param schema the schema, or null for the connection's default schema
 * @param table the table's name
 */
public record FlywayHistoryTable(@Nullable String schema, String table) {

    public static final String DEFAULT_TABLE = "flyway_schema_history";

    public FlywayHistoryTable {
        Objects.requireNonNull(table, "table");
        schema = schema == null || schema.isBlank() ? null : schema.strip();
    }

    /** Flyway's default: {@code flyway_schema_history} in the connection's default schema. */
    public static FlywayHistoryTable defaults() {
        return new FlywayHistoryTable(null, DEFAULT_TABLE);
    }
}
