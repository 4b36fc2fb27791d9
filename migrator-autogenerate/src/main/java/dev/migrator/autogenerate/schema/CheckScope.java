package dev.migrator.autogenerate.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of the database's checks are compared: those on columns where the model puts a check too
 * (an enum's values or range, {@code @Check} on a field). A check written by hand on another column
 * is the project's own business, as in Alembic, which compares no checks at all; so is a check
 * left behind on a column that is no longer an enum.
 */
public final class CheckScope {

    private CheckScope() {
    }

    /** The schema without any check: for a database whose checks are not read, none are compared. */
    public static Schema none(Schema schema) {
        return limit(schema, Schema.of(List.of(), List.of()));
    }

    /** The database with its checks kept only on the columns the model checks. */
    public static Schema limit(Schema database, Schema model) {
        List<Schema.Table> tables = new ArrayList<>();
        for (Schema.Table table : database.tables().values()) {
            Schema.Table modelled = model.table(table.name());
            List<Schema.Column> columns = new ArrayList<>();
            for (Schema.Column column : table.columns()) {
                Schema.Column wanted = modelled == null ? null : modelled.column(column.name());
                boolean compared = wanted != null && !wanted.checks().isEmpty();
                columns.add(compared ? column : column.withChecks(List.of()));
            }
            tables.add(new Schema.Table(table.name(), columns, table.primaryKey(), table.indexes(), table.uniques(),
                    table.foreignKeys()));
        }
        return Schema.of(tables, List.copyOf(database.sequences().values()));
    }
}
