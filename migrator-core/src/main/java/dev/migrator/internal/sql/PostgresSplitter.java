package dev.migrator.internal.sql;

import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.SqlSyntaxException;
import dev.migrator.sql.StatementSplitter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits PostgreSQL scripts the way psql does (its lexer {@code psqlscan.l}), so that a script
 * runs the same online and with {@code psql -f}.
 *
 * <p>Understood: {@code '...'} strings with {@code ''} (standard_conforming_strings on, the default
 * since PostgreSQL 9.1), {@code E'...'} with backslash escapes, {@code U&'...'}, {@code B'...'},
 * {@code X'...'}, {@code N'...'}, {@code "..."} and {@code U&"..."} identifiers, dollar quoting
 * ({@code $$...$$}, {@code $tag$...$tag$}; {@code $1} is a parameter, not a tag), nested
 * {@code /* *}{@code /} comments and {@code --} comments. Like psql, a semicolon splits only
 * outside parentheses, and inside {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} it splits only
 * when the {@code BEGIN}/{@code CASE} ... {@code END} words seen at parenthesis depth 0 balance,
 * so that SQL-standard {@code BEGIN ATOMIC ... END} bodies stay whole.
 *
 * <p>Statement text starts where psql's would: leading {@code --} comments are dropped, a leading
 * block comment is kept (psql sends it; pg_hint_plan reads hints there). Pieces holding only
 * comments are dropped.
 *
 * <p>An unterminated string, identifier, comment or dollar body runs to the end of the input and the
 * rest is returned as the last statement as it is, so the server reports the error, as with psql.
 *
 * <p>psql meta-commands ({@code \connect}, {@code \set}, {@code \i}, also {@code \;}, and any other
 * backslash outside quotes and comments) are not SQL; they are rejected with an
 * {@link IllegalArgumentException} naming the line, instead of being sent to the server.
 */
public final class PostgresSplitter implements StatementSplitter {

    @Override
    public List<SqlStatement> split(String sql, int firstLine) {
        return new Scan(sql, firstLine).run();
    }

    /** The state of one split, as psql keeps it in its scan state. */
    private static final class Scan {
        private final String sql;
        private final int n;
        private final Pieces pieces;
        private int start = -1;
        private boolean content;
        private int parenDepth;
        private int beginDepth;
        private int identifierCount;
        private final char[] identifiers = new char[4];

        Scan(String sql, int firstLine) {
            this.sql = sql;
            this.n = sql.length();
            this.pieces = new Pieces(sql, firstLine);
        }

        List<SqlStatement> run() {
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
                if (Pieces.isSpace(c)) {
                    i++;
                } else if (c == '-' && next == '-') {
                    i = Pieces.endOfLine(sql, i);
                } else if (c == '/' && next == '*') {
                    int end = Lexemes.skipBlockComment(sql, i, true);
                    mark(i, end < 0);
                    i = end < 0 ? n : end;
                } else if (c == ';') {
                    if (parenDepth == 0 && beginDepth == 0) {
                        if (content) {
                            pieces.add(start, i);
                        }
                        start = -1;
                        content = false;
                        identifierCount = 0;
                    } else {
                        mark(i, true);
                    }
                    i++;
                } else if (c == '\\') {
                    throw metaCommand(i);
                } else {
                    mark(i, true);
                    i = token(i, c, next);
                }
            }
            if (content) {
                pieces.add(start, n);
            }
            return pieces.statements();
        }

        /** Notes a token at {@code i}: the piece starts at its first one; {@code real} unless a comment. */
        private void mark(int i, boolean real) {
            if (start < 0) {
                start = i;
            }
            content |= real;
        }

        /** Skips the token at {@code i} (not white space, comment or semicolon); returns the offset after it. */
        private int token(int i, char c, char next) {
            switch (c) {
                case '\'', '"':
                    return quoted(i, false);
                case '$':
                    return dollar(i);
                case '(':
                    parenDepth++;
                    return i + 1;
                case ')':
                    if (parenDepth > 0) {
                        parenDepth--;
                    }
                    return i + 1;
                default:
                    break;
            }
            if (isIdentStart(c)) {
                if ((c == 'e' || c == 'E') && next == '\'') {
                    return quoted(i + 1, true);
                }
                if ("bBxXnN".indexOf(c) >= 0 && next == '\'') {
                    return quoted(i + 1, false);
                }
                if ((c == 'u' || c == 'U') && next == '&' && i + 2 < n
                        && (sql.charAt(i + 2) == '\'' || sql.charAt(i + 2) == '"')) {
                    return quoted(i + 2, false);
                }
                int end = i + 1;
                while (end < n && isIdentCont(sql.charAt(end))) {
                    end++;
                }
                identifier(sql.substring(i, end).toLowerCase(Locale.ROOT));
                return end;
            }
            if (c >= '0' && c <= '9') {
                int end = i + 1;
                while (end < n && (isIdentStart(sql.charAt(end)) || Character.isDigit(sql.charAt(end))
                        || sql.charAt(end) == '.')) {
                    end++;
                }
                return end;
            }
            return i + 1;
        }

        private int quoted(int open, boolean backslash) {
            int end = Lexemes.skipQuoted(sql, open, backslash);
            return end < 0 ? n : end;
        }

        /** A dollar-quoted body, a {@code $1} parameter, or a lone dollar sign. */
        private int dollar(int i) {
            int end = i + 1;
            if (end < n && Character.isDigit(sql.charAt(end))) {
                while (end < n && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                return end;
            }
            if (end < n && isIdentStart(sql.charAt(end))) {
                while (end < n && isIdentCont(sql.charAt(end)) && sql.charAt(end) != '$') {
                    end++;
                }
            }
            if (end >= n || sql.charAt(end) != '$') {
                return end;
            }
            String delimiter = sql.substring(i, end + 1);
            int close = sql.indexOf(delimiter, end + 1);
            return close < 0 ? n : close + delimiter.length();
        }

        /** psql's heuristic for BEGIN ... END bodies of CREATE [OR REPLACE] FUNCTION|PROCEDURE. */
        private void identifier(String word) {
            if (identifierCount == 0) {
                Arrays.fill(identifiers, '\0');
            }
            if (word.equals("create") || word.equals("function") || word.equals("procedure")
                    || word.equals("or") || word.equals("replace")) {
                if (identifierCount < identifiers.length) {
                    identifiers[identifierCount] = word.charAt(0);
                }
            }
            identifierCount++;
            boolean routine = identifiers[0] == 'c'
                    && (identifiers[1] == 'f' || identifiers[1] == 'p'
                            || identifiers[1] == 'o' && identifiers[2] == 'r'
                                    && (identifiers[3] == 'f' || identifiers[3] == 'p'));
            if (routine && parenDepth == 0) {
                if (word.equals("begin")) {
                    beginDepth++;
                } else if (word.equals("case")) {
                    if (beginDepth >= 1) {
                        beginDepth++;
                    }
                } else if (word.equals("end") && beginDepth > 0) {
                    beginDepth--;
                }
            }
        }

        private SqlSyntaxException metaCommand(int i) {
            int end = i + 1;
            while (end < n && !Pieces.isSpace(sql.charAt(end))) {
                end++;
            }
            return new SqlSyntaxException(pieces.lineAt(i), "psql meta-command '"
                    + sql.substring(i, end) + "' is not SQL; migrator sends only SQL statements");
        }
    }

    /** A character that may start an unquoted identifier (psql: letters, underscore, any non-ASCII). */
    static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '\u0080';
    }

    static boolean isIdentCont(char c) {
        return isIdentStart(c) || c >= '0' && c <= '9' || c == '$';
    }
}
