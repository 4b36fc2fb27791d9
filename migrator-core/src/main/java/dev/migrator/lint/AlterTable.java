package dev.migrator.lint;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code ALTER TABLE name clause, clause, ...} read into the table and its clauses, in the PostgreSQL
 * and the MySQL forms ({@code ALTER [ONLINE] [IGNORE] TABLE}, {@code ONLY}, {@code IF EXISTS}).
 *
 * @param table the table's name (last part, lower case unless quoted)
 * @param clauses the top-level comma-separated clauses
 */
record AlterTable(String table, List<TokenRun> clauses) {

    static @Nullable AlterTable of(TokenRun tokens) {
        if (!tokens.startsWith("alter")) {
            return null;
        }
        int i = 1;
        while (tokens.word(i).equals("online") || tokens.word(i).equals("ignore")) {
            i++;
        }
        if (!tokens.word(i).equals("table")) {
            return null;
        }
        i = tokens.skipIfExists(i + 1);
        if (tokens.word(i).equals("only")) {
            i++;
        }
        TokenRun.Name name = tokens.name(i);
        if (name == null) {
            return null;
        }
        int next = name.next();
        if (next < tokens.size() && tokens.get(next).isSymbol('*')) {
            next++;
        }
        return new AlterTable(name.text(), tokens.from(next).splitAtCommas());
    }

    /** The first word of each clause is its verb: ADD, ALTER, DROP, RENAME, VALIDATE, MODIFY, ... */
    static boolean is(TokenRun clause, String... words) {
        return clause.startsWith(words);
    }

    /** Whether an {@code ADD} clause adds a constraint or an index rather than a column. */
    static boolean addsConstraint(TokenRun clause) {
        return switch (clause.word(1)) {
            case "constraint", "check", "foreign", "primary", "unique", "exclude", "index", "key", "fulltext",
                    "spatial" -> true;
            default -> false;
        };
    }

    /**
     * The column an {@code ADD [COLUMN] [IF NOT EXISTS] name type ...} clause adds: the index of its
     * name in the clause, or -1 if the clause adds no column.
     */
    static int addedColumn(TokenRun clause) {
        if (!clause.startsWith("add") || addsConstraint(clause)) {
            return -1;
        }
        int i = clause.word(1).equals("column") ? 2 : 1;
        i = clause.skipIfExists(i);
        return i < clause.size() && clause.get(i).isName() ? i : -1;
    }

    /**
     * The column a {@code DROP [COLUMN] [IF EXISTS] name} clause drops, or null for the other DROP
     * clauses (constraints, indexes, keys, defaults).
     */
    static @Nullable String droppedColumn(TokenRun clause) {
        if (!clause.startsWith("drop")) {
            return null;
        }
        String what = clause.word(1);
        switch (what) {
            case "constraint", "index", "key", "primary", "foreign", "check", "partition", "default",
                    "system", "period" -> {
                return null;
            }
            default -> {
            }
        }
        int i = clause.skipIfExists(what.equals("column") ? 2 : 1);
        TokenRun.Name name = clause.name(i);
        return name == null ? null : name.text();
    }

    /** Looks at one clause of an ALTER TABLE on an existing table: a message, or null. */
    @FunctionalInterface
    interface ClauseCheck {
        @Nullable String apply(String table, TokenRun clause, RevisionContext context);
    }

    /** A rule's check that applies {@code check} to every clause of an ALTER TABLE on an existing table. */
    static Rule.Check onExistingTable(ClauseCheck check) {
        return (statement, context) -> {
            AlterTable alter = of(statement.tokens());
            if (alter == null || !context.existing(alter.table())) {
                return List.of();
            }
            List<String> messages = new ArrayList<>();
            for (TokenRun clause : alter.clauses()) {
                String message = check.apply(alter.table(), clause, context);
                if (message != null) {
                    messages.add(message);
                }
            }
            return messages;
        };
    }
}
