package dev.migrator.internal.sql;

/**
 * The quoting rules the splitters share, public for the linter's tokenizer, which must skip
 * strings and comments exactly as the splitters do.
 */
public final class Lexemes {

    private Lexemes() {
    }

    /**
     * The offset after a quoted run opened at {@code open}, where a doubled quote stands for one and,
     * if {@code backslash}, a backslash escapes the next character; -1 if it is not closed.
     */
    public static int skipQuoted(String sql, int open, boolean backslash) {
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
    public static int skipBlockComment(String sql, int open, boolean nested) {
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
