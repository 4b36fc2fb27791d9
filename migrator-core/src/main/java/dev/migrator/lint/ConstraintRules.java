package dev.migrator.lint;

import org.jspecify.annotations.Nullable;

/** PostgreSQL: constraints that scan or index an existing table while holding a lock on it. */
final class ConstraintRules {

    private ConstraintRules() {
    }

    static final Rule NOT_VALID = new Rule("constraint-missing-not-valid", Severity.ERROR,
            "ADD FOREIGN KEY or CHECK on an existing table scans every row while writes wait (and a foreign key"
                    + " locks the referenced table too)",
            "ALTER TABLE ... ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later"
                    + " revision (validation takes only a SHARE UPDATE EXCLUSIVE lock)",
            AlterTable.onExistingTable(ConstraintRules::notValid));

    static final Rule SET_NOT_NULL = new Rule("adding-not-nullable-field", Severity.ERROR,
            "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock unless a validated"
                    + " CHECK (col IS NOT NULL) already proves it",
            "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; in a later revision VALIDATE CONSTRAINT c; then"
                    + " SET NOT NULL (PostgreSQL 12+ skips the scan) and DROP CONSTRAINT c",
            AlterTable.onExistingTable(ConstraintRules::setNotNull));

    static final Rule UNIQUE = new Rule("disallowed-unique-constraint", Severity.ERROR,
            "ADD UNIQUE or PRIMARY KEY builds its index while reads and writes wait (ACCESS EXCLUSIVE)",
            "CREATE UNIQUE INDEX CONCURRENTLY (in a non-transactional revision), then ALTER TABLE ... ADD"
                    + " CONSTRAINT c UNIQUE USING INDEX i (or PRIMARY KEY USING INDEX i)",
            AlterTable.onExistingTable(ConstraintRules::unique));

    private static @Nullable String notValid(String table, TokenRun clause, RevisionContext context) {
        boolean checkOrKey = AlterTable.addsConstraint(clause) && (clause.hasTop("foreign", "key")
                || clause.hasTop("check") || clause.hasTop("references"));
        if (checkOrKey && !clause.hasTop("not", "valid")) {
            return "ADD " + (clause.hasTop("check") ? "CHECK" : "FOREIGN KEY") + " on existing table " + table
                    + " without NOT VALID validates every row while writes wait";
        }
        if (AlterTable.addedColumn(clause) >= 0 && clause.hasTop("references")) {
            return "ADD COLUMN ... REFERENCES on existing table " + table + " adds a foreign key that cannot be"
                    + " NOT VALID; add the column, then the constraint NOT VALID";
        }
        if (clause.startsWith("validate", "constraint") && clause.size() > 2
                && context.addedNotValid(clause.get(2).text()) && context.transactional()) {
            return "VALIDATE CONSTRAINT " + clause.get(2).text() + " in the transaction that added it NOT VALID"
                    + " keeps the first lock while it validates; validate in a later revision";
        }
        return null;
    }

    private static @Nullable String setNotNull(String table, TokenRun clause, RevisionContext context) {
        int column = clause.word(1).equals("column") ? 2 : 1;
        if (!clause.startsWith("alter") || !clause.matches(column + 1, "set", "not", "null")) {
            return null;
        }
        String name = clause.get(column).text();
        return context.memory().provenNotNull(table, name) ? null : "SET NOT NULL on " + table + "." + name
                + " scans the table under an ACCESS EXCLUSIVE lock: no validated CHECK (" + name
                + " IS NOT NULL) came first";
    }

    private static @Nullable String unique(String table, TokenRun clause, RevisionContext context) {
        boolean uniqueOrKey = clause.hasTop("unique") || clause.hasTop("primary", "key");
        boolean constraint = AlterTable.addsConstraint(clause) && uniqueOrKey && !clause.hasTop("using", "index");
        boolean column = AlterTable.addedColumn(clause) >= 0 && uniqueOrKey;
        return constraint || column ? (clause.hasTop("unique") ? "UNIQUE" : "PRIMARY KEY") + " on existing table "
                + table + " builds its index under an ACCESS EXCLUSIVE lock" : null;
    }
}
