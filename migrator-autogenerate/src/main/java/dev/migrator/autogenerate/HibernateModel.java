package dev.migrator.autogenerate;

import dev.migrator.autogenerate.schema.ColumnType;
import dev.migrator.autogenerate.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PrimaryKey;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.jspecify.annotations.Nullable;

/**
 * The model side: Hibernate's boot metadata (what {@code hbm2ddl} would create) as a {@link Schema}.
 * Types are spelled by Hibernate's dialect ({@code column.getSqlType(metadata)}), names by its naming
 * strategies, so the model is exactly what Hibernate will query. Tables of the default namespace
 * only; views, subselects and tables in other schemas are left out.
 */
final class HibernateModel {

    private HibernateModel() {
    }

    static Schema read(Metadata metadata) {
        if (metadata instanceof MetadataImplementor implementor) {
            // The order Hibernate's own DDL uses (its column ordering strategy: a primary key of
            // (specialty_id, vet_id), not the mapping's order), which Hibernate applies only when it exports
            implementor.orderColumns(true);
        }
        Namespace namespace = metadata.getDatabase().getDefaultNamespace();
        List<Schema.Table> tables = new ArrayList<>();
        for (Table table : namespace.getTables()) {
            if (table.isPhysicalTable() && !table.isView() && !table.isSubselect() && !table.isAbstractUnionTable()) {
                tables.add(table(table, metadata));
            }
        }
        List<Schema.Sequence> sequences = new ArrayList<>();
        for (Sequence sequence : namespace.getSequences()) {
            sequences.add(new Schema.Sequence(sequence.getName().getSequenceName().getText(),
                    (long) sequence.getInitialValue(), (long) sequence.getIncrementSize()));
        }
        return Schema.of(tables, sequences);
    }

    private static Schema.Table table(Table table, Metadata metadata) {
        List<Schema.Column> columns = new ArrayList<>();
        for (Column column : table.getColumns()) {
            columns.add(new Schema.Column(column.getName(), ColumnType.parse(column.getSqlType(metadata)),
                    column.isNullable() && !table.isPrimaryKey(column), column.getDefaultValue(),
                    column.isIdentity(), checks(column)));
        }
        Schema.PrimaryKey primaryKey = null;
        PrimaryKey pk = table.getPrimaryKey();
        if (pk != null) {
            // Hibernate names its primary keys but does not write the name: the database names them
            primaryKey = new Schema.PrimaryKey(null, names(pk.getColumns()));
        }
        List<Schema.Index> indexes = new ArrayList<>();
        for (Index index : table.getIndexes().values()) {
            List<String> names = new ArrayList<>();
            for (Selectable selectable : index.getSelectables()) {
                if (selectable instanceof Column column) {
                    names.add(column.getName());
                }
            }
            indexes.add(new Schema.Index(index.getName(), names, index.isUnique()));
        }
        List<Schema.Unique> uniques = new ArrayList<>();
        for (UniqueKey unique : table.getUniqueKeys().values()) {
            if (!table.isRedundantUniqueKey(unique)) {
                uniques.add(new Schema.Unique(unique.getName(), names(unique.getColumns())));
            }
        }
        for (Column column : table.getColumns()) {
            // @Column(unique = true) stays a property of the column until Hibernate writes its DDL
            if (column.isUnique() && !table.isPrimaryKey(column)
                    && uniques.stream().noneMatch(u -> u.columns().equals(List.of(column.getName())))) {
                String name = column.getUniqueKeyName() != null ? column.getUniqueKeyName()
                        : "uk_" + table.getName() + "_" + column.getName();
                uniques.add(new Schema.Unique(name.length() > 60 ? name.substring(0, 60) : name,
                        List.of(column.getName())));
            }
        }
        List<Schema.ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : table.getForeignKeyCollection()) {
            if (fk.isCreationEnabled() && fk.isPhysicalConstraint() && fk.getReferencedTable().isPhysicalTable()) {
                List<Column> referenced = fk.isReferenceToPrimaryKey()
                        ? fk.getReferencedTable().getPrimaryKey().getColumns() : fk.getReferencedColumns();
                foreignKeys.add(new Schema.ForeignKey(fk.getName(), names(fk.getColumns()),
                        fk.getReferencedTable().getName(), names(referenced), onDelete(fk.getOnDeleteAction()),
                        Schema.Action.NO_ACTION));
            }
        }
        return new Schema.Table(table.getName(), columns, primaryKey, indexes, uniques, foreignKeys);
    }

    /** The column's checks: an enum's values or ordinal range, {@code @Check} on the field. */
    private static List<Schema.Check> checks(Column column) {
        List<Schema.Check> checks = new ArrayList<>();
        for (CheckConstraint check : column.getCheckConstraints()) {
            if (check.getConstraint() != null && !check.getConstraint().isBlank()) {
                checks.add(new Schema.Check(check.getName(), check.getConstraint()));
            }
        }
        return checks;
    }

    private static Schema.Action onDelete(@Nullable OnDeleteAction action) {
        if (action == null) {
            return Schema.Action.NO_ACTION;
        }
        return switch (action) {
            case CASCADE -> Schema.Action.CASCADE;
            case SET_NULL -> Schema.Action.SET_NULL;
            case SET_DEFAULT -> Schema.Action.SET_DEFAULT;
            case RESTRICT -> Schema.Action.RESTRICT;
            default -> Schema.Action.NO_ACTION;
        };
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::getName).toList();
    }
}
