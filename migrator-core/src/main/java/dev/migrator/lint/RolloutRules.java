package dev.migrator.lint;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every dialect: changes that break the release still serving traffic during a rolling deploy, which
 * keeps reading the old names while the new release migrates.
 */
final class RolloutRules {

    private RolloutRules() {
    }

    static final Rule RENAME_COLUMN = new Rule("renaming-column", Severity.ERROR,
            "renaming a column breaks the running release, whose queries still name the old column",
            "expand and contract: add the new column, write both, backfill, move reads, and drop the old column"
                    + " in a later release (or keep a view under the old name until the old release is gone)",
            AlterTable.onExistingTable(RolloutRules::renameColumn));

    static final Rule RENAME_TABLE = new Rule("renaming-table", Severity.ERROR,
            "renaming a table breaks the running release, whose queries still name the old table",
            "create the new table (or rename and leave an updatable view under the old name), move the"
                    + " application over, and drop the old name in a later release",
            RolloutRules::renameTable);

    static final Rule DROP_COLUMN = new Rule("dropping-column", Severity.WARNING,
            "dropping a column breaks the running release if it still reads or writes it",
            "first ship a release that no longer uses the column, then drop it in a later revision; say so"
                    + " with '-- migrator:lint-ignore dropping-column <reason>'",
            AlterTable.onExistingTable(RolloutRules::dropColumn));

    static final Rule DROP_TABLE = new Rule("dropping-table", Severity.WARNING,
            "dropping a table breaks the running release if it still uses it",
            "first ship a release that no longer uses the table, then drop it in a later revision; say so"
                    + " with '-- migrator:lint-ignore dropping-table <reason>'",
            RolloutRules::dropTable);

    private static @Nullable String renameColumn(String table, TokenRun clause, RevisionContext context) {
        String column = renamedColumn(clause);
        return column == null ? null : "renaming column " + table + "." + column + " breaks the release still running";
    }

    /**
     * The column a clause renames: {@code RENAME [COLUMN] a TO b} (PostgreSQL), {@code RENAME COLUMN a TO b}
     * and {@code CHANGE [COLUMN] a b type} with another name (MySQL).
     */
    private static @Nullable String renamedColumn(TokenRun clause) {
        if (clause.startsWith("change")) {
            int at = clause.word(1).equals("column") ? 2 : 1;
            TokenRun.Name old = clause.name(at);
            TokenRun.Name renamed = old == null ? null : clause.name(old.next());
            return renamed != null && !renamed.text().equalsIgnoreCase(old.text()) ? old.text() : null;
        }
        if (!clause.startsWith("rename")) {
            return null;
        }
        String what = clause.word(1);
        if (what.equals("column")) {
            TokenRun.Name name = clause.name(2);
            return name == null ? null : name.text();
        }
        if (what.equals("to") || what.equals("as") || what.equals("constraint") || what.equals("index")
                || what.equals("key")) {
            return null;
        }
        TokenRun.Name name = clause.name(1);
        return name != null && clause.word(name.next()).equals("to") ? name.text() : null;
    }

    private static List<String> renameTable(LintStatement statement, RevisionContext context) {
        TokenRun tokens = statement.tokens();
        List<String> messages = new ArrayList<>();
        if (tokens.startsWith("rename", "table")) {
            for (TokenRun pair : tokens.from(2).splitAtCommas()) {
                TokenRun.Name name = pair.name(0);
                if (name != null && context.existing(name.text())) {
                    messages.add("renaming table " + name.text() + " breaks the release still running");
                }
            }
            return messages;
        }
        AlterTable alter = AlterTable.of(tokens);
        if (alter == null || !context.existing(alter.table())) {
            return List.of();
        }
        for (TokenRun clause : alter.clauses()) {
            String what = clause.word(1);
            boolean table = clause.startsWith("rename") && (what.equals("to") || what.equals("as")
                    || !context.postgres() && clause.size() > 1 && clause.get(1).isName() && !what.equals("column") && !what.equals("index")
                            && !what.equals("key") && !clause.hasTop("to"));
            if (table) {
                messages.add("renaming table " + alter.table() + " breaks the release still running");
            }
        }
        return messages;
    }

    private static @Nullable String dropColumn(String table, TokenRun clause, RevisionContext context) {
        String column = AlterTable.droppedColumn(clause);
        return column == null ? null : "dropping column " + table + "." + column + " breaks a running release that"
                + " still uses it";
    }

    private static List<String> dropTable(LintStatement statement, RevisionContext context) {
        List<String> messages = new ArrayList<>();
        for (String table : Ddl.droppedTables(statement.tokens())) {
            if (context.existing(table)) {
                messages.add("dropping table " + table + " breaks a running release that still uses it");
            }
        }
        return messages;
    }
}
