package dev.migrator.autogenerate.schema;

import dev.migrator.autogenerate.schema.Change.AddColumn;
import dev.migrator.autogenerate.schema.Change.AddForeignKey;
import dev.migrator.autogenerate.schema.Change.AddIndex;
import dev.migrator.autogenerate.schema.Change.AddSequence;
import dev.migrator.autogenerate.schema.Change.AddTable;
import dev.migrator.autogenerate.schema.Change.AddUnique;
import dev.migrator.autogenerate.schema.Change.AlterColumn;
import dev.migrator.autogenerate.schema.Change.AlterSequence;
import dev.migrator.autogenerate.schema.Change.DropColumn;
import dev.migrator.autogenerate.schema.Change.DropForeignKey;
import dev.migrator.autogenerate.schema.Change.DropIndex;
import dev.migrator.autogenerate.schema.Change.DropSequence;
import dev.migrator.autogenerate.schema.Change.DropTable;
import dev.migrator.autogenerate.schema.Change.DropUnique;
import dev.migrator.autogenerate.schema.Change.ReplacePrimaryKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changes turn one schema into another, in an order that runs: Alembic's compare.py, over
 * records. Pure: no database, no Hibernate. Upgrade is {@code compare(database, model)}, downgrade
 * {@code compare(model, database)}, so the downgrade rebuilds exactly what the database had.
 *
 * <p>Indexes, unique constraints and foreign keys are matched by what they do (columns, uniqueness,
 * referenced table and actions), not by name: names that Hibernate hashes or a database makes up
 * differ while the constraint is the same. A unique index and a unique constraint on the same
 * columns match each other, as MariaDB makes no difference between them. Columns are matched by
 * name: a rename shows as a dropped and an added column.
 */
public final class SchemaComparison {

    private SchemaComparison() {
    }

    public static List<Change> compare(Schema from, Schema to) {
        Buckets b = new Buckets();
        for (Schema.Table table : to.tables().values()) {
            Schema.Table old = from.table(table.name());
            if (old == null) {
                b.createTables.add(new AddTable(table));
                table.uniques().forEach(u -> b.addKeys.add(new AddUnique(table, u)));
                table.indexes().forEach(i -> b.addKeys.add(new AddIndex(table, i)));
                table.foreignKeys().forEach(fk -> b.addForeignKeys.add(new AddForeignKey(table, fk)));
            } else {
                compareTable(old, table, b);
            }
        }
        for (Schema.Table table : from.tables().values()) {
            if (to.table(table.name()) == null) {
                table.foreignKeys().forEach(fk -> b.dropForeignKeys.add(new DropForeignKey(table, fk)));
                b.dropTables.add(new DropTable(table));
            }
        }
        for (Map.Entry<String, Schema.Sequence> sequence : to.sequences().entrySet()) {
            Schema.Sequence old = from.sequences().get(sequence.getKey());
            Schema.Sequence wanted = sequence.getValue();
            if (old == null) {
                b.createTables.add(0, new AddSequence(wanted));
            } else if (old.increment() != null && wanted.increment() != null
                    && !old.increment().equals(wanted.increment())) {
                b.alterColumns.add(new AlterSequence(old, wanted));
            }
        }
        for (Map.Entry<String, Schema.Sequence> sequence : from.sequences().entrySet()) {
            if (!to.sequences().containsKey(sequence.getKey())) {
                b.dropSequences.add(new DropSequence(sequence.getValue()));
            }
        }
        return b.inOrder();
    }

    private static void compareTable(Schema.Table from, Schema.Table to, Buckets b) {
        for (Schema.Column column : to.columns()) {
            Schema.Column old = from.column(column.name());
            if (old == null) {
                b.addColumns.add(new AddColumn(to, column));
            } else {
                AlterColumn alter = new AlterColumn(to, old, column);
                if (alter.changed()) {
                    b.alterColumns.add(alter);
                }
            }
        }
        for (Schema.Column column : from.columns()) {
            if (to.column(column.name()) == null) {
                b.dropColumns.add(new DropColumn(from, column));
            }
        }
        if (!Objects.equals(primaryKeyColumns(from), primaryKeyColumns(to))) {
            b.alterColumns.add(new ReplacePrimaryKey(from, to));
        }
        Map<String, Object> oldUniques = uniques(from);
        Map<String, Object> newUniques = uniques(to);
        newUniques.forEach((signature, key) -> {
            if (!oldUniques.containsKey(signature)) {
                b.addKeys.add(key instanceof Schema.Unique u ? new AddUnique(to, u) : new AddIndex(to, (Schema.Index) key));
            }
        });
        oldUniques.forEach((signature, key) -> {
            if (!newUniques.containsKey(signature)) {
                b.dropKeys.add(key instanceof Schema.Unique u ? new DropUnique(from, u) : new DropIndex(from, (Schema.Index) key));
            }
        });
        Map<String, Schema.Index> oldIndexes = plainIndexes(from);
        Map<String, Schema.Index> newIndexes = plainIndexes(to);
        newIndexes.forEach((signature, index) -> {
            if (!oldIndexes.containsKey(signature)) {
                b.addKeys.add(new AddIndex(to, index));
            }
        });
        oldIndexes.forEach((signature, index) -> {
            if (!newIndexes.containsKey(signature)) {
                b.dropKeys.add(new DropIndex(from, index));
            }
        });
        Map<String, Schema.ForeignKey> oldKeys = foreignKeys(from);
        Map<String, Schema.ForeignKey> newKeys = foreignKeys(to);
        newKeys.forEach((signature, fk) -> {
            if (!oldKeys.containsKey(signature)) {
                b.addForeignKeys.add(new AddForeignKey(to, fk));
            }
        });
        oldKeys.forEach((signature, fk) -> {
            if (!newKeys.containsKey(signature)) {
                b.dropForeignKeys.add(new DropForeignKey(from, fk));
            }
        });
    }

    private static List<String> primaryKeyColumns(Schema.Table table) {
        return table.primaryKey() == null ? List.of() : Schema.keys(table.primaryKey().columns());
    }

    /** Unique constraints and unique indexes, by their columns. */
    private static Map<String, Object> uniques(Schema.Table table) {
        Map<String, Object> uniques = new LinkedHashMap<>();
        table.uniques().forEach(u -> uniques.putIfAbsent(Schema.keys(u.columns()).toString(), u));
        table.indexes().stream().filter(Schema.Index::unique)
                .forEach(i -> uniques.putIfAbsent(Schema.keys(i.columns()).toString(), i));
        return uniques;
    }

    private static Map<String, Schema.Index> plainIndexes(Schema.Table table) {
        Map<String, Schema.Index> indexes = new LinkedHashMap<>();
        table.indexes().stream().filter(i -> !i.unique())
                .forEach(i -> indexes.putIfAbsent(Schema.keys(i.columns()).toString(), i));
        return indexes;
    }

    private static Map<String, Schema.ForeignKey> foreignKeys(Schema.Table table) {
        Map<String, Schema.ForeignKey> keys = new LinkedHashMap<>();
        for (Schema.ForeignKey fk : table.foreignKeys()) {
            String signature = Schema.keys(fk.columns()) + "->" + Schema.key(fk.referencedTable())
                    + Schema.keys(fk.referencedColumns()) + " delete " + action(fk.onDelete()) + " update "
                    + action(fk.onUpdate());
            keys.putIfAbsent(signature, fk);
        }
        return keys;
    }

    private static String action(Schema.Action action) {
        return action.isDefault() ? "default" : action.name();
    }

    /** The changes by kind; {@link #inOrder()} lists them in an order a database accepts. */
    private static final class Buckets {
        final List<Change> dropForeignKeys = new ArrayList<>();
        final List<Change> dropKeys = new ArrayList<>();
        final List<Change> dropTables = new ArrayList<>();
        final List<Change> createTables = new ArrayList<>();
        final List<Change> addColumns = new ArrayList<>();
        final List<Change> alterColumns = new ArrayList<>();
        final List<Change> dropColumns = new ArrayList<>();
        final List<Change> addKeys = new ArrayList<>();
        final List<Change> addForeignKeys = new ArrayList<>();
        final List<Change> dropSequences = new ArrayList<>();

        List<Change> inOrder() {
            List<Change> all = new ArrayList<>();
            all.addAll(dropForeignKeys);
            all.addAll(dropKeys);
            all.addAll(dropTables);
            all.addAll(createTables);
            all.addAll(addColumns);
            all.addAll(alterColumns);
            all.addAll(dropColumns);
            all.addAll(addKeys);
            all.addAll(addForeignKeys);
            all.addAll(dropSequences);
            return List.copyOf(all);
        }
    }
}
