package dev.migrator.lint;

import java.util.List;

/** Every dialect: statements that fight the transaction migrator runs a revision in, or its absence. */
final class TransactionRules {

    private TransactionRules() {
    }

    static final Rule TRANSACTION_CONTROL = new Rule("transaction-control", Severity.ERROR,
            "COMMIT, ROLLBACK or BEGIN inside a transactional revision ends or nests migrator's own transaction:"
                    + " the version row and the schema no longer change together",
            "leave transaction control to migrator; a revision that must commit between statements is split into"
                    + " revisions, or marked '-- migrator:transactional false'",
            TransactionRules::transactionControl);

    static final Rule NON_TRANSACTIONAL_SEVERAL = new Rule("non-transactional-multi-statement", Severity.WARNING,
            "a '-- migrator:transactional false' revision with several statements is left half done when one fails,"
                    + " and running it again repeats the ones that succeeded",
            "one statement per non-transactional revision (SET statements aside), or IF NOT EXISTS / IF EXISTS"
                    + " so that a rerun is harmless",
            TransactionRules::severalWithoutTransaction);

    private static List<String> transactionControl(LintStatement statement, RevisionContext context) {
        TokenRun tokens = statement.tokens();
        boolean control = tokens.size() <= 3 && (tokens.startsWith("begin") || tokens.startsWith("commit")
                || tokens.startsWith("end") || tokens.startsWith("abort")
                || tokens.startsWith("rollback") && !tokens.hasTop("to"))
                || tokens.startsWith("start", "transaction");
        return control && context.transactional()
                ? List.of(tokens.word(0).toUpperCase(java.util.Locale.ROOT) + " inside a transactional revision")
                : List.of();
    }

    private static List<String> severalWithoutTransaction(LintStatement statement, RevisionContext context) {
        boolean secondWork = !context.transactional() && context.workStatementsBefore() == 1
                && !Ddl.isSessionSetting(statement.tokens());
        return secondWork ? List.of("a second statement in a non-transactional revision: if it fails, the first"
                + " stays applied and the version row is not written") : List.of();
    }
}
