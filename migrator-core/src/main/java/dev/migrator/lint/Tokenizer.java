package dev.migrator.lint;

import dev.migrator.dialect.SqlFamily;
import dev.migrator.internal.sql.Lexemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts SQL into {@link Token}s and comments, with the quoting rules of a dialect's lexer, so that a
 * keyword inside a string, a dollar-quoted body, a comment or a quoted name is never read as one.
 * Statements come from the splitter already; this only needs to tell words from everything else.
 */
final class Tokenizer {

    /** A comment and where it starts, for {@code -- migrator:lint-ignore} directives. */
    record Comment(String text, int offset) {
    }

    /** What a text holds: its tokens and its comments. */
    record Result(List<Token> tokens, List<Comment> comments) {
    }

    private final boolean mysql;
    private final boolean h2;

    private Tokenizer(boolean mysql, boolean h2) {
        this.mysql = mysql;
        this.h2 = h2;
    }

    static Tokenizer of(SqlFamily family) {
        return new Tokenizer(family == SqlFamily.MYSQL, family == SqlFamily.H2);
    }

    Result tokenize(String sql) {
        return new Scan(sql).run();
    }

    private final class Scan {
        private final String sql;
        private final int n;
        private final List<Token> tokens = new ArrayList<>();
        private final List<Comment> comments = new ArrayList<>();
        private int depth;

        Scan(String sql) {
            this.sql = sql;
            this.n = sql.length();
        }

        Result run() {
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (lineComment(i, c, next)) {
                    int end = sql.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    comments.add(new Comment(sql.substring(i, end), i));
                    i = end;
                } else if (c == '/' && next == '*') {
                    int end = blockCommentEnd(i);
                    comments.add(new Comment(sql.substring(i, end), i));
                    i = end;
                } else {
                    i = token(i, c, next);
                }
            }
            return new Result(List.copyOf(tokens), List.copyOf(comments));
        }

        private boolean lineComment(int i, char c, char next) {
            if (c == '-' && next == '-') {
                // MySQL needs white space (or the line end) after the dashes: 5--1 is arithmetic there.
                return !mysql || i + 2 >= n || Character.isWhitespace(sql.charAt(i + 2));
            }
            return mysql && c == '#' || h2 && c == '/' && next == '/';
        }

        private int blockCommentEnd(int open) {
            int end = Lexemes.skipBlockComment(sql, open, !mysql);
            return end < 0 ? n : end;
        }

        private int token(int i, char c, char next) {
            if (c == '\'') {
                return add(Token.Kind.STRING, i, quotedEnd(i, mysql), i);
            }
            if (c == '"') {
                int end = quotedEnd(i, mysql);
                return mysql ? add(Token.Kind.STRING, i, end, i) : name(i, end, '"');
            }
            if (c == '`' && mysql) {
                return name(i, quotedEnd(i, false), '`');
            }
            if (c == '$' && !mysql) {
                int end = dollarEnd(i);
                if (end > 0) {
                    return add(Token.Kind.STRING, i, end, i);
                }
            }
            if (isWordStart(c)) {
                if (!mysql && next == '\'' && "eE".indexOf(c) >= 0) {
                    return add(Token.Kind.STRING, i, quotedEnd(i + 1, true), i);
                }
                if (next == '\'' && "bBxXnN".indexOf(c) >= 0) {
                    return add(Token.Kind.STRING, i, quotedEnd(i + 1, mysql), i);
                }
                if (!mysql && (c == 'u' || c == 'U') && next == '&' && i + 2 < n
                        && (sql.charAt(i + 2) == '\'' || sql.charAt(i + 2) == '"')) {
                    int end = quotedEnd(i + 2, false);
                    return sql.charAt(i + 2) == '"' ? name(i, end, '"') : add(Token.Kind.STRING, i, end, i);
                }
                int end = i + 1;
                while (end < n && isWordPart(sql.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.WORD, sql.substring(i, end).toLowerCase(Locale.ROOT), depth, i));
                return end;
            }
            if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                return add(Token.Kind.NUMBER, i, end, i);
            }
            if (c == ')' && depth > 0) {
                depth--;
            }
            tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), depth, i));
            if (c == '(') {
                depth++;
            }
            return i + 1;
        }

        private int add(Token.Kind kind, int start, int end, int offset) {
            tokens.add(new Token(kind, sql.substring(start, end), depth, offset));
            return end;
        }

        /** A quoted name, its doubled quotes made single; unquoted text keeps its case. */
        private int name(int start, int end, char quote) {
            int open = sql.indexOf(quote, start);
            boolean closed = end - 1 > open && sql.charAt(end - 1) == quote;
            String inner = sql.substring(open + 1, closed ? end - 1 : end);
            tokens.add(new Token(Token.Kind.QUOTED_NAME, inner.replace("" + quote + quote, "" + quote), depth, start));
            return end;
        }

        /** The offset after the quoted run opened at {@code open}, or the end of the text if unclosed. */
        private int quotedEnd(int open, boolean backslash) {
            int end = Lexemes.skipQuoted(sql, open, backslash);
            return end < 0 ? n : end;
        }

        /** The end of a {@code $tag$...$tag$} body opened at {@code i}, or -1 if none opens there. */
        private int dollarEnd(int i) {
            int end = i + 1;
            if (!h2) {
                while (end < n && isWordStart(sql.charAt(end)) || end < n && end > i + 1
                        && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
            }
            if (end >= n || sql.charAt(end) != '$') {
                return -1;
            }
            String delimiter = sql.substring(i, end + 1);
            int close = sql.indexOf(delimiter, end + 1);
            return close < 0 ? n : close + delimiter.length();
        }
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '\u0080';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || c >= '0' && c <= '9' || c == '$';
    }
}
