package dev.migrator.lint;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the few DDL shapes the rules and the revision context need, from tokens. */
final class Ddl {

    private Ddl() {
    }

    /** The table a {@code CREATE [TEMP|UNLOGGED ...] TABLE [IF NOT EXISTS] name} creates, or null. */
    static @Nullable String createdTable(TokenRun tokens) {
        return created(tokens, "table");
    }

    /**
     * The relation a CREATE TABLE, [MATERIALIZED] VIEW or SEQUENCE creates, or null: pg_dump alters all
     * of them with ALTER TABLE, and an index may be built on a materialized view.
     */
    static @Nullable String createdRelation(TokenRun tokens) {
        String table = created(tokens, "table");
        if (table != null) {
            return table;
        }
        String view = created(tokens, "view");
        return view != null ? view : created(tokens, "sequence");
    }

    private static @Nullable String created(TokenRun tokens, String kind) {
        if (!tokens.startsWith("create")) {
            return null;
        }
        int i = 1;
        while (i < tokens.size() && !tokens.word(i).equals(kind) && isRelationModifier(tokens.word(i))) {
            i++;
        }
        if (!tokens.word(i).equals(kind)) {
            return null;
        }
        TokenRun.Name name = tokens.name(tokens.skipIfExists(i + 1));
        return name == null ? null : name.text();
    }

    private static boolean isRelationModifier(String word) {
        return switch (word) {
            case "or", "replace", "global", "local", "temp", "temporary", "unlogged", "materialized", "recursive" ->
                    true;
            default -> false;
        };
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table}; {@code only}
     * on a partitioned table builds nothing (the index stays invalid until partitions' indexes attach).
     */
    record CreateIndex(@Nullable String name, String table, boolean concurrently, boolean only) {
    }

    static @Nullable CreateIndex createIndex(TokenRun tokens) {
        if (!tokens.startsWith("create")) {
            return null;
        }
        int i = 1;
        while (isIndexModifier(tokens.word(i))) {
            i++;
        }
        if (!tokens.word(i).equals("index")) {
            return null;
        }
        boolean concurrently = tokens.word(i + 1).equals("concurrently");
        int on = tokens.find(i + 1, "on");
        if (on < 0) {
            return null;
        }
        int afterIndex = tokens.skipIfExists(concurrently ? i + 2 : i + 1);
        TokenRun.Name name = afterIndex < on ? tokens.name(afterIndex) : null;
        boolean only = tokens.word(on + 1).equals("only");
        TokenRun.Name table = tokens.name(only ? on + 2 : on + 1);
        return table == null ? null
                : new CreateIndex(name == null ? null : name.text(), table.text(), concurrently, only);
    }

    private static boolean isIndexModifier(String word) {
        return switch (word) {
            case "unique", "fulltext", "spatial", "online", "offline", "or", "replace" -> true;
            default -> false;
        };
    }

    /** The tables of {@code DROP TABLE [IF EXISTS] a, b [CASCADE]}; empty for any other statement. */
    static List<String> droppedTables(TokenRun tokens) {
        int i = tokens.startsWith("drop", "table") ? 2
                : tokens.startsWith("drop", "temporary", "table") ? 3 : -1;
        if (i < 0) {
            return List.of();
        }
        List<String> tables = new ArrayList<>();
        for (TokenRun part : tokens.from(tokens.skipIfExists(i)).splitAtCommas()) {
            TokenRun.Name name = part.name(0);
            if (name != null) {
                tables.add(name.text());
            }
        }
        return tables;
    }

    /**
     * Whether the statement sets or clears the lock timeout: true when it sets a non-zero one, false
     * when it clears it, null when it is about something else. PostgreSQL's {@code lock_timeout}
     * ({@code SET}, {@code SET LOCAL}, {@code set_config}) and MySQL's {@code lock_wait_timeout}.
     */
    static @Nullable Boolean setsLockTimeout(TokenRun tokens) {
        if (tokens.startsWith("reset")) {
            return tokens.word(1).equals("all") || isTimeoutName(tokens.word(1)) ? false : null;
        }
        if (tokens.startsWith("set")) {
            int i = tokens.word(1).equals("session") || tokens.word(1).equals("local") ? 2 : 1;
            if (!isTimeoutName(tokens.word(i))) {
                return null;
            }
            return i + 2 < tokens.size() && !isZero(tokens.get(i + 2));
        }
        for (int i = 0; i + 4 < tokens.size(); i++) {
            if (tokens.word(i).equals("set_config") && tokens.get(i + 1).isSymbol('(')
                    && tokens.get(i + 2).kind() == Token.Kind.STRING && tokens.get(i + 2).text().equals("'lock_timeout'")
                    && tokens.get(i + 4).kind() == Token.Kind.STRING) {
                return !isZero(tokens.get(i + 4));
            }
        }
        return null;
    }

    private static boolean isTimeoutName(String word) {
        return word.equals("lock_timeout") || word.equals("lock_wait_timeout");
    }

    private static boolean isZero(Token value) {
        String text = value.text().replace("'", "").strip();
        return text.equals("0") || text.equals("default");
    }

    /** SET, RESET and {@code SELECT set_config(...)}: session settings, not work on tables. */
    static boolean isSessionSetting(TokenRun tokens) {
        return tokens.startsWith("set") || tokens.startsWith("reset")
                || tokens.startsWith("select") && tokens.word(1).equals("set_config")
                || tokens.startsWith("select") && tokens.word(1).equals("pg_catalog") && tokens.word(3).equals("set_config");
    }

    /**
     * The column of a {@code ... CHECK (col IS NOT NULL) ...} clause, or null when the clause checks
     * anything else.
     */
    static @Nullable String notNullCheckColumn(TokenRun clause) {
        int check = clause.find(0, "check");
        if (check < 0 || check + 1 >= clause.size() || !clause.get(check + 1).isSymbol('(')) {
            return null;
        }
        TokenRun inside = clause.inside(check + 1);
        if (inside.size() == 4 && inside.get(0).isName() && inside.matches(1, "is", "not", "null")) {
            return inside.get(0).text();
        }
        return null;
    }
}
