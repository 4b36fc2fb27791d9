package dev.migrator.internal.sql;

import dev.migrator.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects statements out of one script section and knows its line numbers. Splitters call
 * {@link #add} with offsets that only grow, so lines are counted in one pass.
 */
final class Pieces {

    private final String sql;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int countedTo;
    private int line;

    Pieces(String sql, int firstLine) {
        this.sql = sql;
        this.line = firstLine;
    }

    /** Adds the text from {@code start} (its first significant character) to {@code end}, trimmed. */
    void add(int start, int end) {
        int trimmedEnd = end;
        while (trimmedEnd > start && isSpace(sql.charAt(trimmedEnd - 1))) {
            trimmedEnd--;
        }
        if (trimmedEnd > start) {
            statements.add(new SqlStatement(sql.substring(start, trimmedEnd), lineAt(start)));
        }
    }

    /** The file line of offset {@code index}; offsets must not go backwards between calls. */
    int lineAt(int index) {
        for (; countedTo < index; countedTo++) {
            if (sql.charAt(countedTo) == '\n') {
                line++;
            }
        }
        return line;
    }

    List<SqlStatement> statements() {
        return List.copyOf(statements);
    }

    /** White space as the SQL lexers of PostgreSQL, MySQL and H2 know it. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** The offset of the end of the line holding {@code from} (the newline itself, or the end of text). */
    static int endOfLine(String sql, int from) {
        int newline = sql.indexOf('\n', from);
        return newline < 0 ? sql.length() : newline;
    }
}
