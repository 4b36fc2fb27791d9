package dev.migrator.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The rules of each dialect, in the order their findings are listed. */
public final class Rules {

    private static final List<Rule> POSTGRESQL = List.of(IndexRules.CREATE_INDEX, IndexRules.DROP_INDEX,
            IndexRules.REINDEX, IndexRules.CONCURRENTLY_IN_TRANSACTION, ConstraintRules.NOT_VALID,
            ConstraintRules.SET_NOT_NULL, ConstraintRules.UNIQUE, ColumnRules.VOLATILE_DEFAULT, ColumnRules.REQUIRED,
            ColumnRules.TYPE_CHANGE, RolloutRules.RENAME_COLUMN, RolloutRules.RENAME_TABLE, RolloutRules.DROP_COLUMN,
            RolloutRules.DROP_TABLE, LockRules.VACUUM_FULL, LockRules.CLUSTER, LockRules.LOCK_TABLE,
            LockRules.LOCK_TIMEOUT, TransactionRules.TRANSACTION_CONTROL, TransactionRules.NON_TRANSACTIONAL_SEVERAL,
            TypeRules.BIGINT, TypeRules.TIMESTAMPTZ, TypeRules.CHAR, TypeRules.IDENTITY);

    private static final List<Rule> MYSQL = List.of(MySqlRules.COPYING_ALTER, MySqlRules.ALGORITHM_UNSPECIFIED,
            RolloutRules.RENAME_COLUMN, RolloutRules.RENAME_TABLE, RolloutRules.DROP_COLUMN, RolloutRules.DROP_TABLE,
            TransactionRules.NON_TRANSACTIONAL_SEVERAL);

    private static final List<Rule> H2 = List.of(RolloutRules.RENAME_COLUMN, RolloutRules.RENAME_TABLE,
            RolloutRules.DROP_COLUMN, RolloutRules.DROP_TABLE, TransactionRules.TRANSACTION_CONTROL,
            TransactionRules.NON_TRANSACTIONAL_SEVERAL);

    /** The dialects that have rules. */
    static final Set<String> DIALECTS = Set.of("postgresql", "mariadb", "mysql", "h2");

    private Rules() {
    }

    /**
     * The rules for a dialect: {@code postgresql}, {@code mariadb}, {@code mysql}, {@code h2}.
     *
     * @throws IllegalArgumentException for another name
     */
    public static List<Rule> forDialect(String dialect) {
        return switch (dialect.toLowerCase(Locale.ROOT)) {
            case "postgresql" -> POSTGRESQL;
            case "mariadb", "mysql" -> MYSQL;
            case "h2" -> H2;
            default -> throw new IllegalArgumentException("No lint rules for dialect '" + dialect
                    + "'; known are postgresql, mariadb, mysql, h2");
        };
    }

    /** Every rule of every dialect, once. */
    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(POSTGRESQL);
        for (Rule rule : MYSQL) {
            if (!all.contains(rule)) {
                all.add(rule);
            }
        }
        return all;
    }

    static Set<String> knownIds() {
        Set<String> ids = new TreeSet<>();
        all().forEach(rule -> ids.add(rule.id()));
        return ids;
    }
}
