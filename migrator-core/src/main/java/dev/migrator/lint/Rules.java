package dev.migrator.lint;

import dev.migrator.dialect.SqlFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The rules of each dialect, in the order their findings are listed. */
final class Rules {

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

    private Rules() {
    }

    /** The rules for a family of SQL; none for {@link SqlFamily#OTHER}. */
    public static List<Rule> forFamily(SqlFamily family) {
        return switch (family) {
            case POSTGRESQL -> POSTGRESQL;
            case MYSQL -> MYSQL;
            case H2 -> H2;
            case OTHER -> List.of();
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
