package dev.migrator.sql;

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

    /**
     * The offset after a quoted run opened at {@code open}, where a doubled quote stands for one and,
     * if {@code backslash}, a backslash escapes the next character; -1 if it is not closed.
     */
    static int skipQuoted(String sql, int open, boolean backslash) {
        char quote = sql.charAt(open);
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c != quote) {
                i++;
            } else if (i + 1 < n && sql.charAt(i + 1) == quote) {
                i += 2;
            } else {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The offset after the block comment opened at {@code open} ({@code /*}); with {@code nested},
     * inner comments must be closed too, as in PostgreSQL. -1 if it is not closed.
     */
    static int skipBlockComment(String sql, int open, boolean nested) {
        int depth = 1;
        int n = sql.length();
        int i = open + 2;
        while (i < n - 1) {
            char c = sql.charAt(i);
            if (c == '*' && sql.charAt(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else if (nested && c == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        return -1;
    }
}
