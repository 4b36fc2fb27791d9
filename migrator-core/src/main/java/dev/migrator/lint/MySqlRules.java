package dev.migrator.lint;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB and MySQL: ALTERs that copy the table (writes blocked for the whole copy) and ALTERs that
 * leave the server free to fall back to a copy. Stating {@code ALGORITHM=INSTANT} or
 * {@code ALGORITHM=INPLACE, LOCK=NONE} makes the server refuse instead of copying.
 */
final class MySqlRules {

    private MySqlRules() {
    }

    static final Rule COPYING_ALTER = new Rule("mysql-copying-alter", Severity.ERROR,
            "ALGORITHM=COPY, LOCK=SHARED/EXCLUSIVE, CONVERT TO CHARACTER SET, or a column definition change (MODIFY,"
                    + " CHANGE) copies the table while writes wait",
            "state ALGORITHM=INPLACE, LOCK=NONE (or ALGORITHM=INSTANT) so the server refuses what it cannot do"
                    + " online; for a real type change use pt-online-schema-change or gh-ost, or a new column and a"
                    + " backfill",
            MySqlRules::copyingAlter);

    static final Rule ALGORITHM_UNSPECIFIED = new Rule("mysql-algorithm-unspecified", Severity.WARNING,
            "an ALTER or index change on an existing table without ALGORITHM lets the server fall back silently"
                    + " to copying the table, with writes blocked, when it cannot do it online",
            "append ALGORITHM=INSTANT (adding columns, defaults, renames) or ALGORITHM=INPLACE, LOCK=NONE"
                    + " (indexes, dropping columns); the statement then fails instead of locking",
            MySqlRules::algorithmUnspecified);

    private static List<String> copyingAlter(LintStatement statement, RevisionContext context) {
        AlterTable alter = AlterTable.of(statement.tokens());
        if (alter == null || !context.existing(alter.table())) {
            return List.of();
        }
        TokenRun tokens = statement.tokens();
        String algorithm = option(tokens, "algorithm");
        String lock = option(tokens, "lock");
        List<String> messages = new ArrayList<>();
        if ("copy".equals(algorithm)) {
            messages.add("ALGORITHM=COPY copies " + alter.table() + " with writes blocked");
        }
        if ("shared".equals(lock) || "exclusive".equals(lock)) {
            messages.add("LOCK=" + lock.toUpperCase(java.util.Locale.ROOT) + " blocks writes to " + alter.table()
                    + " for the whole ALTER");
        }
        if (messages.isEmpty() && !online(algorithm)) {
            for (TokenRun clause : alter.clauses()) {
                if (clause.startsWith("modify") || clause.startsWith("change")) {
                    messages.add(clause.word(0).toUpperCase(java.util.Locale.ROOT) + " of a column of " + alter.table()
                            + " copies the table unless it only widens a VARCHAR in the same length-byte range");
                } else if (clause.startsWith("convert", "to")) {
                    messages.add("CONVERT TO CHARACTER SET copies " + alter.table());
                }
            }
        }
        return messages;
    }

    private static List<String> algorithmUnspecified(LintStatement statement, RevisionContext context) {
        TokenRun tokens = statement.tokens();
        String table = null;
        AlterTable alter = AlterTable.of(tokens);
        if (alter != null && !onlyRenamesOrOptions(alter) && !copies(alter)) {
            table = alter.table();
        }
        Ddl.CreateIndex index = Ddl.createIndex(tokens);
        if (index != null) {
            table = index.table();
        }
        if (tokens.startsWith("drop", "index")) {
            int on = tokens.find(2, "on");
            TokenRun.Name name = on < 0 ? null : tokens.name(on + 1);
            table = name == null ? null : name.text();
        }
        if (table == null || !context.existing(table)) {
            return List.of();
        }
        String algorithm = option(tokens, "algorithm");
        String lock = option(tokens, "lock");
        boolean stated = "instant".equals(algorithm) || "inplace".equals(algorithm) && "none".equals(lock);
        return stated ? List.of() : List.of("no ALGORITHM=INSTANT or ALGORITHM=INPLACE, LOCK=NONE on " + table
                + ": if the server cannot do it online it copies the table with writes blocked");
    }

    /** Clauses the copying rule reports, so this rule does not report them twice. */
    private static boolean copies(AlterTable alter) {
        return alter.clauses().stream().anyMatch(clause -> clause.startsWith("modify") || clause.startsWith("change")
                || clause.startsWith("convert"));
    }

    private static boolean onlyRenamesOrOptions(AlterTable alter) {
        return alter.clauses().stream().allMatch(clause -> clause.startsWith("rename", "to")
                || clause.startsWith("rename", "as") || clause.startsWith("algorithm") || clause.startsWith("lock"));
    }

    private static boolean online(@Nullable String algorithm) {
        return "instant".equals(algorithm) || "inplace".equals(algorithm) || "nocopy".equals(algorithm);
    }

    /** The value of {@code ALGORITHM [=] value} or {@code LOCK [=] value} at the top level, lower case, or null. */
    private static @Nullable String option(TokenRun tokens, String name) {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).depth() == tokens.get(0).depth() && tokens.word(i).equals(name)) {
                int value = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('=') ? i + 2 : i + 1;
                if (OPTION_VALUES.contains(tokens.word(value))) {
                    return tokens.word(value);
                }
            }
        }
        return null;
    }

    private static final java.util.Set<String> OPTION_VALUES =
            java.util.Set.of("default", "instant", "inplace", "nocopy", "copy", "none", "shared", "exclusive");
}
