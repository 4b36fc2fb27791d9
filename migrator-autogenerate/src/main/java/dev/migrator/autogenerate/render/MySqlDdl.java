package dev.migrator.autogenerate.render;

import dev.migrator.autogenerate.schema.Change;
import dev.migrator.autogenerate.schema.CheckExpressions;
import dev.migrator.autogenerate.schema.Schema;
import dev.migrator.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB and MySQL: a column changes by {@code MODIFY COLUMN} with its whole definition; a unique
 * constraint is an index; a foreign key needs an index, and the server makes one named after the
 * key when no other index starts with its columns, which must go with the key.
 */
final class MySqlDdl extends StandardDdl {

    MySqlDdl(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String columnDefinition(Schema.Table table, Schema.Column column) {
        StringBuilder definition = new StringBuilder(column.type().spelling());
        definition.append(column.nullable() ? " NULL" : " NOT NULL");
        if (column.identity()) {
            definition.append(" AUTO_INCREMENT");
        } else if (column.defaultValue() != null) {
            definition.append(" DEFAULT ").append(column.defaultValue());
        }
        if (!column.checks().isEmpty()) {
            // A column check belongs to the column's definition (named after it): MODIFY COLUMN replaces
            // it, and the server takes one CHECK clause per column
            definition.append(" CHECK (").append(String.join(" AND ",
                    column.checks().stream().map(check -> "(" + CheckExpressions.sql(check.expression()) + ")").toList())).append(")");
        }
        return definition.toString();
    }

    @Override
    protected String primaryKey(Schema.PrimaryKey key) {
        return "PRIMARY KEY " + columns(key.columns()); // always named PRIMARY
    }

    @Override
    protected List<String> alterColumn(Change.AlterColumn c) {
        List<String> statements = new ArrayList<>();
        if (c.nullableChanged() && !c.to().nullable()) {
            statements.add("-- review: NOT NULL fails (or, outside strict mode, fills in zeroes) while rows hold NULL");
        }
        statements.add(alter(c.table()) + " MODIFY COLUMN " + name(c.to().name()) + " " + columnDefinition(c.table(), c.to()));
        return statements;
    }

    @Override
    protected List<String> replacePrimaryKey(Change.ReplacePrimaryKey c) {
        List<String> statements = new ArrayList<>();
        statements.add("-- review: the primary key moves to other columns");
        if (c.from().primaryKey() != null) {
            statements.add(alter(c.from()) + " DROP PRIMARY KEY");
        }
        if (c.to().primaryKey() != null) {
            statements.add(alter(c.to()) + " ADD " + primaryKey(c.to().primaryKey()));
        }
        return statements;
    }

    @Override
    protected String dropIndex(Schema.Table table, Schema.Index index) {
        return "DROP INDEX " + name(index.name()) + " ON " + name(table.name());
    }

    @Override
    protected String dropUnique(Schema.Table table, Schema.Unique unique) {
        return "DROP INDEX " + name(unique.name()) + " ON " + name(table.name());
    }

    @Override
    protected List<String> dropForeignKey(Schema.Table table, Schema.ForeignKey key) {
        List<String> statements = new ArrayList<>();
        statements.add(alter(table) + " DROP FOREIGN KEY " + name(key.name()));
        if (!covered(table, key.columns())) {
            statements.add("DROP INDEX " + name(key.name()) + " ON " + name(table.name()));
        }
        return statements;
    }

    /** Whether an index, unique constraint or the primary key of the table starts with these columns. */
    private static boolean covered(Schema.Table table, List<String> columns) {
        List<String> wanted = Schema.keys(columns);
        List<List<String>> candidates = new ArrayList<>();
        if (table.primaryKey() != null) {
            candidates.add(table.primaryKey().columns());
        }
        table.indexes().forEach(index -> candidates.add(index.columns()));
        table.uniques().forEach(unique -> candidates.add(unique.columns()));
        for (List<String> candidate : candidates) {
            List<String> keys = Schema.keys(candidate);
            if (keys.size() >= wanted.size() && keys.subList(0, wanted.size()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
