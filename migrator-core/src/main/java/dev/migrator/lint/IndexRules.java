package dev.migrator.lint;

import java.util.List;

/** PostgreSQL: building, dropping and rebuilding indexes without blocking writes. */
final class IndexRules {

    private IndexRules() {
    }

    static final Rule CREATE_INDEX = new Rule("require-concurrent-index-creation", Severity.ERROR,
            "CREATE INDEX on an existing table blocks its writes (SHARE lock) until the index is built",
            "CREATE INDEX CONCURRENTLY in a revision of its own with '-- migrator:transactional false'; if it fails,"
                    + " drop the INVALID index it leaves and run it again",
            IndexRules::createIndex);

    static final Rule DROP_INDEX = new Rule("require-concurrent-index-deletion", Severity.ERROR,
            "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: reads and writes wait",
            "DROP INDEX CONCURRENTLY in a revision of its own with '-- migrator:transactional false'",
            IndexRules::dropIndex);

    static final Rule REINDEX = new Rule("require-concurrent-reindex", Severity.ERROR,
            "REINDEX blocks writes to the table and reads that would use the index while it rebuilds",
            "REINDEX ... CONCURRENTLY (PostgreSQL 12 and later) in a revision with '-- migrator:transactional false'",
            IndexRules::reindex);

    static final Rule CONCURRENTLY_IN_TRANSACTION = new Rule("concurrently-in-transaction", Severity.ERROR,
            "CONCURRENTLY cannot run inside a transaction block: the revision fails when it reaches the statement",
            "put the statement in a revision of its own with '-- migrator:transactional false' (one statement, so a"
                    + " failure leaves nothing half done)",
            IndexRules::concurrentlyInTransaction);

    private static List<String> createIndex(LintStatement statement, RevisionContext context) {
        Ddl.CreateIndex index = Ddl.createIndex(statement.tokens());
        if (index == null || index.concurrently() || index.only() || !context.existing(index.table())) {
            return List.of();
        }
        return List.of("CREATE INDEX on existing table " + index.table() + " without CONCURRENTLY blocks its"
                + " writes while the index builds");
    }

    private static List<String> dropIndex(LintStatement statement, RevisionContext context) {
        TokenRun tokens = statement.tokens();
        if (!tokens.startsWith("drop", "index") || tokens.word(2).equals("concurrently")) {
            return List.of();
        }
        TokenRun.Name index = tokens.name(tokens.skipIfExists(2));
        if (index == null || context.createdHere(index.text())) {
            return List.of();
        }
        return List.of("DROP INDEX " + index.text() + " without CONCURRENTLY locks its table against reads and writes");
    }

    private static List<String> reindex(LintStatement statement, RevisionContext context) {
        TokenRun tokens = statement.tokens();
        if (!tokens.startsWith("reindex") || tokens.hasAnywhere("concurrently")) {
            return List.of();
        }
        return List.of("REINDEX without CONCURRENTLY blocks writes while it rebuilds");
    }

    private static List<String> concurrentlyInTransaction(LintStatement statement, RevisionContext context) {
        TokenRun tokens = statement.tokens();
        Ddl.CreateIndex index = Ddl.createIndex(tokens);
        boolean concurrently = index != null && index.concurrently()
                || tokens.startsWith("drop", "index", "concurrently")
                || tokens.startsWith("reindex") && tokens.hasAnywhere("concurrently")
                || AlterTable.of(tokens) != null && tokens.hasTop("detach", "partition")
                        && tokens.hasTop("concurrently");
        if (!concurrently || !context.transactional()) {
            return List.of();
        }
        return List.of("CONCURRENTLY in a transactional revision: PostgreSQL refuses it inside a transaction block");
    }
}
