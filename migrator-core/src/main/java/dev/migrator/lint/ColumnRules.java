package dev.migrator.lint;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** PostgreSQL: adding and changing columns of an existing table without rewriting or failing on it. */
final class ColumnRules {

    private ColumnRules() {
    }

    /** Functions PostgreSQL marks volatile that defaults commonly call; a default calling one rewrites the table. */
    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "txid_current",
            "statement_timestamp", "setseed", "uuidv7", "uuidv4");

    /** Types whose column gets a sequence default, which is volatile. */
    private static final Set<String> SERIAL = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial",
            "serial2");

    /** Targets of ALTER COLUMN TYPE that are rewrite-free when they widen: varchar and text, numeric without limits. */
    private static final Set<String> WIDENING_TARGETS = Set.of("text", "varchar", "citext", "numeric", "decimal");

    static final Rule VOLATILE_DEFAULT = new Rule("adding-field-with-volatile-default", Severity.ERROR,
            "ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), a serial, a stored"
                    + " generated column) rewrites the whole table under an ACCESS EXCLUSIVE lock",
            "add the column without a default (or with a constant one), SET DEFAULT for new rows, then backfill"
                    + " existing rows in batches outside the revision",
            AlterTable.onExistingTable(ColumnRules::volatileDefault));

    static final Rule REQUIRED = new Rule("adding-required-field", Severity.ERROR,
            "ADD COLUMN ... NOT NULL without a default fails on a table that has rows, and the old release's"
                    + " INSERTs, which do not name the column, fail after it",
            "add the column nullable (or NOT NULL with a constant DEFAULT, which PostgreSQL 11+ adds without a"
                    + " rewrite); backfill; then make it NOT NULL the safe way (see adding-not-nullable-field)",
            AlterTable.onExistingTable(ColumnRules::required));

    static final Rule TYPE_CHANGE = new Rule("changing-column-type", Severity.ERROR,
            "ALTER COLUMN TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, except the"
                    + " widenings varchar(n) to a larger n, varchar or text, and numeric(p,s) to a larger p",
            "add a new column of the new type, write both from the application, backfill in batches, switch"
                    + " reads, then drop the old column in a later release",
            AlterTable.onExistingTable(ColumnRules::typeChange));

    private static @Nullable String volatileDefault(String table, TokenRun clause, RevisionContext context) {
        int column = AlterTable.addedColumn(clause);
        String why = column < 0 ? null : rewriteReason(clause, column);
        return why == null ? null : "ADD COLUMN " + clause.get(column).text() + " to existing table " + table + " "
                + why + ": the table is rewritten under an ACCESS EXCLUSIVE lock";
    }

    private static @Nullable String rewriteReason(TokenRun clause, int column) {
        if (SERIAL.contains(clause.word(column + 1))) {
            return "as " + clause.word(column + 1) + " (a sequence default is volatile)";
        }
        if (clause.hasTop("generated", "always", "as") && clause.hasTop("stored")) {
            return "as a stored generated column";
        }
        int defaultAt = clause.find(column, "default");
        if (defaultAt < 0) {
            return null;
        }
        TokenRun rest = clause.from(defaultAt + 1);
        for (int i = 0; i + 1 < rest.size(); i++) {
            if (VOLATILE.contains(rest.word(i)) && rest.get(i + 1).isSymbol('(')) {
                return "with the volatile default " + rest.word(i) + "()";
            }
        }
        return null;
    }

    private static @Nullable String required(String table, TokenRun clause, RevisionContext context) {
        int column = AlterTable.addedColumn(clause);
        boolean generated = clause.hasTop("generated") || SERIAL.contains(clause.word(column + 1));
        return column >= 0 && clause.hasTop("not", "null") && !clause.hasTop("default") && !generated
                ? "ADD COLUMN " + clause.get(column).text() + " NOT NULL without a default fails on existing rows of "
                        + table
                : null;
    }

    private static @Nullable String typeChange(String table, TokenRun clause, RevisionContext context) {
        int column = clause.word(1).equals("column") ? 2 : 1;
        int type = clause.matches(column + 1, "type") ? column + 2
                : clause.matches(column + 1, "set", "data", "type") ? column + 4 : -1;
        if (!clause.startsWith("alter") || type < 0 || widening(clause, type)) {
            return null;
        }
        return "ALTER COLUMN " + clause.get(column).text() + " TYPE " + clause.word(type) + " on existing table "
                + table + " rewrites it under an ACCESS EXCLUSIVE lock";
    }

    /**
     * Whether the new type can be a rewrite-free widening: text, varchar (with or without a length),
     * numeric; never with USING, which computes every row anew. Whether the old type really was the
     * narrower one is not known statically; the docs say so.
     */
    private static boolean widening(TokenRun clause, int type) {
        if (clause.hasTop("using")) {
            return false;
        }
        String name = clause.word(type);
        return WIDENING_TARGETS.contains(name) || name.equals("character") && clause.word(type + 1).equals("varying");
    }
}
