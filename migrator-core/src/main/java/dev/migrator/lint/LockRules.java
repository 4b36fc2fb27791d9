package dev.migrator.lint;

import java.util.List;

/** PostgreSQL: statements that hold strong locks for long, and strong locks taken without a bound on the wait. */
final class LockRules {

    private LockRules() {
    }

    static final Rule VACUUM_FULL = new Rule("ban-vacuum-full", Severity.ERROR,
            "VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock for as long as the copy takes",
            "plain VACUUM (no lock against reads or writes), or pg_repack / pg_squeeze outside the migration",
            (statement, context) -> statement.tokens().startsWith("vacuum") && statement.tokens().hasAnywhere("full")
                    ? List.of("VACUUM FULL locks the table against reads and writes while it rewrites it")
                    : List.of());

    static final Rule CLUSTER = new Rule("ban-cluster", Severity.ERROR,
            "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock",
            "pg_repack --order-by outside the migration, or leave the physical order alone",
            (statement, context) -> statement.tokens().startsWith("cluster")
                    ? List.of("CLUSTER locks the table against reads and writes while it rewrites it")
                    : List.of());

    static final Rule LOCK_TABLE = new Rule("ban-lock-table", Severity.WARNING,
            "LOCK TABLE holds its lock (ACCESS EXCLUSIVE unless a mode is named) to the end of the transaction",
            "do without the explicit lock; if one is needed, name the weakest mode that works and set a short"
                    + " lock_timeout first",
            (statement, context) -> statement.tokens().startsWith("lock")
                    ? List.of("LOCK TABLE blocks others for the rest of the revision's transaction")
                    : List.of());

    static final Rule LOCK_TIMEOUT = new Rule("require-lock-timeout", Severity.WARNING,
            "a statement that needs an ACCESS EXCLUSIVE (or write-blocking) lock on an existing table waits behind"
                    + " any long query, and every query queues behind it meanwhile: without lock_timeout, an outage",
            "SET lock_timeout = '5s' (or SET LOCAL) earlier in the revision, and retry the migration when it"
                    + " times out",
            LockRules::lockTimeout);

    private static List<String> lockTimeout(LintStatement statement, RevisionContext context) {
        if (context.lockTimeoutSet()) {
            return List.of();
        }
        String table = strongLockTarget(statement.tokens(), context);
        return table == null ? List.of() : List.of("locks " + table
                + " with no lock_timeout set earlier in the revision: a long query ahead of it stalls every query"
                + " behind it");
    }

    /** Which existing relation the statement locks strongly, in words, or null. */
    private static @org.jspecify.annotations.Nullable String strongLockTarget(TokenRun tokens, RevisionContext context) {
        AlterTable alter = AlterTable.of(tokens);
        if (alter != null) {
            return alterTarget(alter, context);
        }
        for (String dropped : Ddl.droppedTables(tokens)) {
            if (context.existing(dropped)) {
                return "existing table " + dropped;
            }
        }
        if (tokens.startsWith("truncate") || tokens.startsWith("lock") || tokens.startsWith("cluster")
                || tokens.startsWith("vacuum") && tokens.hasAnywhere("full")) {
            int at = tokens.word(1).equals("table") ? 2 : 1;
            TokenRun.Name name = tokens.name(at);
            return name == null ? "the table it names"
                    : context.existing(name.text()) ? "existing table " + name.text() : null;
        }
        int trigger = tokens.startsWith("create") ? tokens.find(1, "trigger") : -1;
        if (trigger > 0 && trigger <= 4) {
            int on = tokens.find(trigger, "on");
            TokenRun.Name table = on < 0 ? null : tokens.name(on + 1);
            return table != null && context.existing(table.text()) ? "existing table " + table.text()
                    + " (SHARE ROW EXCLUSIVE: writes wait)" : null;
        }
        if (tokens.startsWith("drop", "index") && !tokens.word(2).equals("concurrently")) {
            TokenRun.Name index = tokens.name(tokens.skipIfExists(2));
            return index == null || context.createdHere(index.text()) ? null : "the table of index " + index.text();
        }
        return null;
    }

    /**
     * The relation an ALTER TABLE locks strongly: none when it only validates constraints (SHARE UPDATE
     * EXCLUSIVE); for ATTACH and DETACH PARTITION the partition, which gets the ACCESS EXCLUSIVE lock
     * while the parent gets only SHARE UPDATE EXCLUSIVE (PostgreSQL 12+).
     */
    private static @org.jspecify.annotations.Nullable String alterTarget(AlterTable alter, RevisionContext context) {
        if (alter.clauses().stream().allMatch(clause -> clause.startsWith("validate"))) {
            return null;
        }
        for (TokenRun clause : alter.clauses()) {
            if (clause.startsWith("attach", "partition") || clause.startsWith("detach", "partition")) {
                TokenRun.Name partition = clause.name(2);
                return partition != null && context.existing(partition.text())
                        ? "existing partition " + partition.text() : null;
            }
        }
        return context.existing(alter.table()) ? "existing table " + alter.table() : null;
    }
}
