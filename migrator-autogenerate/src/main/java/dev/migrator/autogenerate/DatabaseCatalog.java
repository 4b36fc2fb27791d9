package dev.migrator.autogenerate;

import dev.migrator.autogenerate.schema.ColumnType;
import dev.migrator.autogenerate.schema.Schema;
import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.SqlFamily;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The database side: the base tables and sequences of the connection's default schema, read from
 * the catalog. Columns come from pg_catalog on PostgreSQL ({@code format_type} spells types as
 * PostgreSQL does) and from information_schema elsewhere; keys and indexes from information_schema
 * and JDBC's metadata. Indexes that only back a constraint (a primary key's, a unique constraint's,
 * the one MariaDB and H2 create for a foreign key) are the constraint's, not indexes of their own.
 */
final class DatabaseCatalog {

    private final Connection connection;
    private final Dialect dialect;
    private final SqlFamily family;
    private final String schema;

    private DatabaseCatalog(Connection connection, Dialect dialect, String schema) {
        this.connection = connection;
        this.dialect = dialect;
        this.family = dialect.family();
        this.schema = schema;
    }

    /** Reads every base table whose name {@code include} accepts. */
    static Schema read(Connection connection, Dialect dialect, Predicate<String> include) throws SQLException {
        String schema;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(dialect.currentSchemaQuery())) {
            rs.next();
            schema = rs.getString(1);
        }
        return new DatabaseCatalog(connection, dialect, schema).read(include);
    }

    private Schema read(Predicate<String> include) throws SQLException {
        List<String> tableNames = new ArrayList<>();
        for (List<@Nullable String> row : query("SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name", schema)) {
            String name = row.get(0);
            if (name != null && include.test(name)) {
                tableNames.add(name);
            }
        }
        Map<String, List<Schema.Column>> columns = columns();
        Map<String, Map<String, ConstraintColumns>> constraints = keyConstraints();
        List<Schema.Table> tables = new ArrayList<>();
        for (String name : tableNames) {
            Map<String, ConstraintColumns> tableConstraints = constraints.getOrDefault(name, Map.of());
            Schema.PrimaryKey primaryKey = null;
            List<Schema.Unique> uniques = new ArrayList<>();
            for (ConstraintColumns constraint : tableConstraints.values()) {
                if (constraint.type.equals("PRIMARY KEY")) {
                    primaryKey = new Schema.PrimaryKey(family == SqlFamily.MYSQL ? null : constraint.name,
                            constraint.columns);
                } else if (constraint.type.equals("UNIQUE")) {
                    uniques.add(new Schema.Unique(constraint.name, constraint.columns));
                }
            }
            List<Schema.ForeignKey> foreignKeys = foreignKeys(name);
            List<String> constraintNames = new ArrayList<>(tableConstraints.keySet());
            foreignKeys.forEach(fk -> constraintNames.add(fk.name()));
            tables.add(new Schema.Table(name, columns.getOrDefault(name, List.of()), primaryKey,
                    indexes(name, constraintNames), uniques, foreignKeys));
        }
        return Schema.of(tables, sequences());
    }

    private Map<String, List<Schema.Column>> columns() throws SQLException {
        Map<String, List<Schema.Column>> columns = new TreeMap<>();
        String sql = switch (family) {
            case POSTGRESQL -> "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
                    + " CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END, pg_get_expr(d.adbin, d.adrelid),"
                    + " CASE WHEN a.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO' END"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
                    + " ORDER BY c.relname, a.attnum";
            case MYSQL -> "SELECT table_name, column_name, column_type, is_nullable, column_default,"
                    + " CASE WHEN extra LIKE '%auto_increment%' THEN 'YES' ELSE 'NO' END"
                    + " FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position";
            default -> "SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity,"
                    + " character_maximum_length, numeric_precision, numeric_scale, datetime_precision, dtd_identifier"
                    + " FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position";
        };
        Map<String, List<String>> enumValues = family == SqlFamily.H2 ? h2EnumValues() : Map.of();
        Map<String, List<Schema.Check>> checks = columnChecks();
        for (List<@Nullable String> row : query(sql, schema)) {
            String type = family == SqlFamily.POSTGRESQL || family == SqlFamily.MYSQL ? row.get(2) : spelled(row);
            if (family == SqlFamily.H2 && "ENUM".equalsIgnoreCase(type)) {
                List<String> values = enumValues.getOrDefault(row.get(0) + "." + row.get(10), List.of());
                type = "ENUM(" + String.join(", ", values.stream().map(dialect::stringLiteral).toList()) + ")";
            }
            String defaultValue = row.get(4);
            boolean identity = "YES".equals(row.get(5));
            if (family == SqlFamily.MYSQL && "NULL".equals(defaultValue)) {
                defaultValue = null; // MariaDB spells "no default" on a nullable column so
            }
            if (family == SqlFamily.POSTGRESQL && defaultValue != null && defaultValue.startsWith("nextval(")) {
                // serial: numbered by the database as an identity column is, which is what the model asks
                identity = true;
                defaultValue = null;
            }
            columns.computeIfAbsent(row.get(0), table -> new ArrayList<>()).add(new Schema.Column(row.get(1),
                    ColumnType.parse(type), "YES".equals(row.get(3)), defaultValue, identity,
                    checks.getOrDefault(Schema.key(row.get(0) + "." + row.get(1)), List.of())));
        }
        return columns;
    }

    /**
     * Check constraints on one column each, by {@code table.column}: PostgreSQL's as
     * {@code pg_get_expr} spells them, MariaDB's column checks (named after their column), H2's.
     * Checks on several columns or on none are not read: the model has only column checks.
     */
    private Map<String, List<Schema.Check>> columnChecks() throws SQLException {
        if (!readsChecks(dialect)) {
            return Map.of();
        }
        String sql = switch (family) {
            case POSTGRESQL -> "SELECT c.relname, a.attname, k.conname, pg_get_expr(k.conbin, k.conrelid)"
                    + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
                    + " WHERE k.contype = 'c' AND n.nspname = ? AND array_length(k.conkey, 1) = 1";
            case MYSQL -> "SELECT table_name, constraint_name, constraint_name, check_clause"
                    + " FROM information_schema.check_constraints WHERE constraint_schema = ? AND level = 'Column'";
            default -> "SELECT tc.table_name, MIN(u.column_name), cc.constraint_name, cc.check_clause"
                    + " FROM information_schema.check_constraints cc JOIN information_schema.table_constraints tc"
                    + " ON tc.constraint_schema = cc.constraint_schema AND tc.constraint_name = cc.constraint_name"
                    + " JOIN information_schema.constraint_column_usage u ON u.constraint_schema = cc.constraint_schema"
                    + " AND u.constraint_name = cc.constraint_name WHERE cc.constraint_schema = ?"
                    + " GROUP BY tc.table_name, cc.constraint_name, cc.check_clause HAVING COUNT(*) = 1";
        };
        Map<String, List<Schema.Check>> checks = new TreeMap<>();
        for (List<@Nullable String> row : query(sql, schema)) {
            checks.computeIfAbsent(Schema.key(row.get(0) + "." + row.get(1)), key -> new ArrayList<>())
                    .add(new Schema.Check(row.get(2), row.get(3)));
        }
        return checks;
    }

    /**
     * Whether the column checks of this database are read: MySQL's catalog does not tie a check to
     * its table's column (no {@code level}, as MariaDB has), and no MySQL server ran these tests.
     */
    static boolean readsChecks(Dialect dialect) {
        return !dialect.name().equals("mysql");
    }

    /** H2 keeps an enum type's values apart: by table and the column's type identifier. */
    private Map<String, List<String>> h2EnumValues() throws SQLException {
        Map<String, List<String>> values = new TreeMap<>();
        for (List<@Nullable String> row : query("SELECT object_name, enum_identifier, value_name"
                + " FROM information_schema.enum_values WHERE object_schema = ? AND object_type = 'TABLE'"
                + " ORDER BY object_name, enum_identifier, value_ordinal", schema)) {
            values.computeIfAbsent(row.get(0) + "." + row.get(1), key -> new ArrayList<>()).add(row.get(2));
        }
        return values;
    }

    /** A type as H2 would read it back: information_schema gives the name and its size apart. */
    private static String spelled(List<@Nullable String> row) {
        String type = row.get(2);
        String upper = type.toUpperCase(Locale.ROOT);
        if ((upper.contains("CHAR") || upper.contains("BINARY")) && !upper.contains("LARGE") && row.get(6) != null) {
            return type + "(" + row.get(6) + ")";
        }
        if ((upper.equals("NUMERIC") || upper.equals("DECIMAL")) && row.get(7) != null) {
            return type + "(" + row.get(7) + (row.get(8) == null ? "" : "," + row.get(8)) + ")";
        }
        if (upper.startsWith("TIME") && row.get(9) != null) {
            int space = type.indexOf(' ');
            return space < 0 ? type + "(" + row.get(9) + ")"
                    : type.substring(0, space) + "(" + row.get(9) + ")" + type.substring(space);
        }
        return type;
    }

    private record ConstraintColumns(String name, String type, List<String> columns) {
    }

    /** Primary keys and unique constraints, by table and name, with their columns in order. */
    private Map<String, Map<String, ConstraintColumns>> keyConstraints() throws SQLException {
        Map<String, Map<String, ConstraintColumns>> byTable = new TreeMap<>();
        String sql = "SELECT tc.table_name, tc.constraint_name, tc.constraint_type, k.column_name"
                + " FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k"
                + " ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name"
                + " AND k.table_name = tc.table_name"
                + " WHERE tc.table_schema = ? AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
                + " ORDER BY tc.table_name, tc.constraint_name, k.ordinal_position";
        for (List<@Nullable String> row : query(sql, schema)) {
            Map<String, ConstraintColumns> constraints = byTable.computeIfAbsent(row.get(0), t -> new LinkedHashMap<>());
            ConstraintColumns constraint = constraints.computeIfAbsent(row.get(1),
                    name -> new ConstraintColumns(name, row.get(2), new ArrayList<>()));
            constraint.columns.add(row.get(3));
        }
        return byTable;
    }

    private List<Schema.ForeignKey> foreignKeys(String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        Map<String, Schema.Action[]> actions = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog(), metadataSchema(), table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                rows.computeIfAbsent(name, n -> new ArrayList<>()).add(new String[] {
                        String.valueOf(rs.getInt("KEY_SEQ")), rs.getString("FKCOLUMN_NAME"),
                        rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")});
                actions.put(name, new Schema.Action[] {rule(rs.getInt("DELETE_RULE")), rule(rs.getInt("UPDATE_RULE"))});
            }
        }
        List<Schema.ForeignKey> foreignKeys = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> fk : rows.entrySet()) {
            List<String[]> parts = new ArrayList<>(fk.getValue());
            parts.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
            foreignKeys.add(new Schema.ForeignKey(fk.getKey(), parts.stream().map(p -> p[1]).toList(), parts.get(0)[2],
                    parts.stream().map(p -> p[3]).toList(), actions.get(fk.getKey())[0], actions.get(fk.getKey())[1]));
        }
        return foreignKeys;
    }

    private static Schema.Action rule(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> Schema.Action.CASCADE;
            case DatabaseMetaData.importedKeySetNull -> Schema.Action.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> Schema.Action.SET_DEFAULT;
            case DatabaseMetaData.importedKeyRestrict -> Schema.Action.RESTRICT;
            default -> Schema.Action.NO_ACTION;
        };
    }

    /** Indexes of their own: not those that back a constraint (same name, or H2's {@code <constraint>_INDEX_x}). */
    private List<Schema.Index> indexes(String table, List<String> constraintNames) throws SQLException {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getIndexInfo(catalog(), metadataSchema(), table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
                        || backsConstraint(name, constraintNames)) {
                    continue;
                }
                rows.computeIfAbsent(name, n -> new ArrayList<>()).add(new String[] {
                        String.valueOf(rs.getInt("ORDINAL_POSITION")), rs.getString("COLUMN_NAME")});
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<Schema.Index> indexes = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> index : rows.entrySet()) {
            List<String[]> parts = new ArrayList<>(index.getValue());
            parts.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
            indexes.add(new Schema.Index(index.getKey(), parts.stream().map(p -> p[1]).toList(), unique.get(index.getKey())));
        }
        return indexes;
    }

    private boolean backsConstraint(String index, List<String> constraintNames) {
        String key = Schema.key(index);
        if (key.equals("primary") || (family == SqlFamily.H2 && key.startsWith("primary_key_"))) {
            return true;
        }
        for (String constraint : constraintNames) {
            String name = Schema.key(constraint);
            if (key.equals(name) || (family == SqlFamily.H2 && key.startsWith(name + "_index_"))) {
                return true;
            }
        }
        return false;
    }

    private List<Schema.Sequence> sequences() throws SQLException {
        String sql = switch (family) {
            // Sequences of identity and serial columns belong to their column, not to the schema
            case POSTGRESQL -> "SELECT c.relname, s.seqstart::text, s.seqincrement::text FROM pg_sequence s"
                    + " JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid"
                    + " AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))";
            case MYSQL -> "SELECT table_name, NULL, NULL FROM information_schema.tables WHERE table_schema = ?"
                    + " AND table_type = 'SEQUENCE'";
            default -> "SELECT sequence_name, CAST(start_value AS VARCHAR), CAST(increment AS VARCHAR)"
                    + " FROM information_schema.sequences WHERE sequence_schema = ?";
        };
        List<Schema.Sequence> sequences = new ArrayList<>();
        for (List<@Nullable String> row : query(sql, schema)) {
            String name = row.get(0);
            if (family == SqlFamily.MYSQL) {
                // A MariaDB sequence is a one-row table of its settings
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT start_value, increment FROM " + dialect.quoteIdentifier(name))) {
                    rs.next();
                    sequences.add(new Schema.Sequence(name, rs.getLong(1), rs.getLong(2)));
                }
            } else {
                sequences.add(new Schema.Sequence(name, number(row.get(1)), number(row.get(2))));
            }
        }
        return sequences;
    }

    private static @Nullable Long number(@Nullable String text) {
        return text == null ? null : Long.valueOf(text);
    }

    private @Nullable String catalog() {
        return family == SqlFamily.MYSQL ? schema : null;
    }

    private @Nullable String metadataSchema() {
        return family == SqlFamily.MYSQL ? null : schema;
    }

    private List<List<@Nullable String>> query(String sql, String parameter) throws SQLException {
        List<List<@Nullable String>> rows = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                int count = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<@Nullable String> row = new ArrayList<>(count);
                    for (int i = 1; i <= count; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return dialect.name() + " schema " + schema;
    }
}
