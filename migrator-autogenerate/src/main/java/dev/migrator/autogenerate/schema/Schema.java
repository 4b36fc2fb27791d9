package dev.migrator.autogenerate.schema;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Tables and sequences of one schema. Names are kept as spelled (to render them); they are
 * compared without case, as unquoted SQL names are.
 */
public record Schema(Map<String, Table> tables, Map<String, Sequence> sequences) {

    public Schema {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        sequences = Collections.unmodifiableMap(new TreeMap<>(sequences));
    }

    public static Schema of(List<Table> tables, List<Sequence> sequences) {
        Map<String, Table> byKey = new TreeMap<>();
        tables.forEach(table -> byKey.put(key(table.name()), table));
        Map<String, Sequence> sequencesByKey = new TreeMap<>();
        sequences.forEach(sequence -> sequencesByKey.put(key(sequence.name()), sequence));
        return new Schema(byKey, sequencesByKey);
    }

    /** How names are compared: unquoted SQL names ignore case. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The same list of names, compared as {@link #key(String)} does. */
    public static List<String> keys(List<String> names) {
        return names.stream().map(Schema::key).toList();
    }

    public @Nullable Table table(String name) {
        return tables.get(key(name));
    }

    /** A table: columns in their order, the primary key, and what hangs on it. */
    public record Table(String name, List<Column> columns, @Nullable PrimaryKey primaryKey, List<Index> indexes,
            List<Unique> uniques, List<ForeignKey> foreignKeys) {

        public Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            uniques = List.copyOf(uniques);
            foreignKeys = List.copyOf(foreignKeys);
        }

        public @Nullable Column column(String name) {
            for (Column column : columns) {
                if (key(column.name()).equals(key(name))) {
                    return column;
                }
            }
            return null;
        }
    }

    /**
     * A column.
     *
     * @param defaultValue the server default as SQL, or null
     * @param identity whether the database numbers it (identity, auto_increment)
     * @param checks the check constraints on this column alone (Hibernate's enum checks are such)
     */
    public record Column(String name, ColumnType type, boolean nullable, @Nullable String defaultValue,
            boolean identity, List<Check> checks) {

        public Column {
            checks = List.copyOf(checks);
        }

        public Column(String name, ColumnType type, boolean nullable, @Nullable String defaultValue, boolean identity) {
            this(name, type, nullable, defaultValue, identity, List.of());
        }

        public Column withChecks(List<Check> checks) {
            return new Column(name, type, nullable, defaultValue, identity, checks);
        }
    }

    /**
     * A check constraint on one column.
     *
     * @param name the constraint's name, null when the model leaves it to the database
     * @param expression the condition as its side spells it (compared by {@link CheckExpressions})
     */
    public record Check(@Nullable String name, String expression) {
    }

    /** @param name the constraint's name, null when the database names it */
    public record PrimaryKey(@Nullable String name, List<String> columns) {

        public PrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    /** An index; a unique index and a unique constraint on the same columns are the same thing to compare. */
    public record Index(String name, List<String> columns, boolean unique) {

        public Index {
            columns = List.copyOf(columns);
        }
    }

    /** A unique constraint. */
    public record Unique(String name, List<String> columns) {

        public Unique {
            columns = List.copyOf(columns);
        }
    }

    /** A foreign key; JPA has no ON UPDATE, so the model's is always {@link Action#NO_ACTION}. */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
            Action onDelete, Action onUpdate) {

        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    /** What a foreign key does when the row it references goes or changes. */
    public enum Action {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        /** NO ACTION and RESTRICT differ only in when the check runs; MariaDB reports either for the default. */
        public boolean sameAs(Action other) {
            return this == other || (isDefault() && other.isDefault());
        }

        public boolean isDefault() {
            return this == NO_ACTION || this == RESTRICT;
        }

        /** Reads an action as the catalogs spell it ({@code NO ACTION}, {@code SET NULL}, ...). */
        public static Action parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return NO_ACTION;
            }
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        }
    }

    /**
     * A sequence.
     *
     * @param start its first value, null when the catalog does not tell (MariaDB)
     * @param increment its step, null when the catalog does not tell
     */
    public record Sequence(String name, @Nullable Long start, @Nullable Long increment) {
    }
}
