package dev.migrator.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * The column types a statement names: in {@code CREATE TABLE t (...)}, {@code ADD COLUMN} and
 * {@code ALTER COLUMN ... TYPE}. A schema-qualified type is read by its last part.
 */
final class ColumnTypes {

    private ColumnTypes() {
    }

    /** A column, the first word of its type (lower case), and the word after it. */
    record Column(String name, String type, String nextWord) {
    }

    static List<Column> of(TokenRun tokens) {
        List<Column> columns = new ArrayList<>();
        String created = Ddl.createdTable(tokens);
        if (created != null) {
            TokenRun.Name name = tokens.name(tokens.skipIfExists(tokens.find(0, "table") + 1));
            if (name != null && name.next() < tokens.size() && tokens.get(name.next()).isSymbol('(')) {
                for (TokenRun element : tokens.inside(name.next()).splitAtCommas()) {
                    if (!element.isEmpty() && element.get(0).isName() && !isTableConstraint(element.word(0))) {
                        add(columns, element, 0, 1);
                    }
                }
            }
            return columns;
        }
        AlterTable alter = AlterTable.of(tokens);
        if (alter == null) {
            return columns;
        }
        for (TokenRun clause : alter.clauses()) {
            int added = AlterTable.addedColumn(clause);
            if (added >= 0) {
                add(columns, clause, added, added + 1);
            } else if (clause.startsWith("alter")) {
                int column = clause.word(1).equals("column") ? 2 : 1;
                int type = clause.matches(column + 1, "type") ? column + 2
                        : clause.matches(column + 1, "set", "data", "type") ? column + 4 : -1;
                if (type > 0) {
                    add(columns, clause, column, type);
                }
            }
        }
        return columns;
    }

    private static void add(List<Column> columns, TokenRun run, int nameAt, int typeAt) {
        TokenRun.Name type = run.name(typeAt);
        if (type == null || nameAt >= run.size()) {
            return;
        }
        String typeName = run.get(type.next() - 1).kind() == Token.Kind.WORD ? type.text() : "";
        int next = type.next();
        if (next < run.size() && run.get(next).isSymbol('(')) {
            next = run.closing(next) + 1; // timestamp(3) with time zone, char(2) varying is no type
        }
        columns.add(new Column(run.get(nameAt).text(), typeName, run.word(next)));
    }

    private static boolean isTableConstraint(String word) {
        return switch (word) {
            case "constraint", "primary", "unique", "check", "foreign", "exclude", "like", "key", "index" -> true;
            default -> false;
        };
    }
}
