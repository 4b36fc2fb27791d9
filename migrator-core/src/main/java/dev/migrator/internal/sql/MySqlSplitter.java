package dev.migrator.internal.sql;

import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.SqlSyntaxException;
import dev.migrator.sql.StatementSplitter;
import java.util.List;
import java.util.Locale;

/**
 * Splits MariaDB and MySQL scripts the way their {@code mysql}/{@code mariadb} command line client
 * does, so that a script runs the same online and through the client.
 *
 * <p>Understood: {@code '...'} and {@code "..."} strings with backslash escapes and doubled quotes,
 * {@code `...`} identifiers, {@code #} comments, {@code -- } comments (two dashes and white space or
 * the end of the line; {@code --1} is not a comment), {@code /* *}{@code /} comments (not nested),
 * and the client's {@code DELIMITER xx} command: at the start of a line, before any statement
 * text, case-insensitive; it changes the delimiter until the next DELIMITER line, is not a
 * statement itself, and its argument may be quoted as with the client. Executable comments
 * ({@code /*!...*}{@code /}, MariaDB's {@code /*M!...*}{@code /}) and optimizer hints
 * ({@code /*+...*}{@code /}) are SQL to the client: they are statement text, and a delimiter inside
 * them ends the statement, exactly as with the client.
 *
 * <p>Statement text starts at its first token: leading comments other than executable ones are
 * dropped (the client drops all comments by default; inner ones are kept here). Pieces holding
 * only comments are dropped. An unterminated string, identifier or comment runs to the end of the
 * input and is returned as the last statement as it is, so the server reports the error.
 *
 * <p>Client commands other than DELIMITER are not interpreted: a backslash outside strings and
 * comments ({@code \g}, {@code \d}, {@code \.}, ...; except {@code \N}, which is SQL's NULL) is
 * rejected with an {@link IllegalArgumentException} naming the line. The long forms of other client
 * commands ({@code use}, {@code source}, ...) are sent to the server as they are; {@code USE} is SQL
 * there too. The SQL modes ANSI_QUOTES and NO_BACKSLASH_ESCAPES are not considered.
 */
public final class MySqlSplitter implements StatementSplitter {

    private static final String DELIMITER = "delimiter";

    @Override
    public List<SqlStatement> split(String sql, int firstLine) {
        Pieces pieces = new Pieces(sql, firstLine);
        int n = sql.length();
        String delimiter = ";";
        int start = -1;
        int i = 0;
        while (i < n) {
            if (start < 0 && (i == 0 || sql.charAt(i - 1) == '\n')) {
                int afterCommand = delimiterCommand(sql, i);
                if (afterCommand >= 0) {
                    delimiter = delimiterArgument(sql, i, afterCommand, pieces);
                    i = Pieces.endOfLine(sql, i);
                    continue;
                }
            }
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '\\' && next != 'N') {
                throw new SqlSyntaxException(pieces.lineAt(i), "mysql client command '\\"
                        + (next == '\0' ? "" : String.valueOf(next))
                        + "' is not SQL; migrator sends only SQL statements (DELIMITER lines are understood)");
            } else if (sql.startsWith(delimiter, i)) {
                if (start >= 0) {
                    pieces.add(start, i);
                }
                start = -1;
                i += delimiter.length();
            } else if (Pieces.isSpace(c)) {
                i++;
            } else if (c == '#' || c == '-' && next == '-' && (i + 2 >= n || Pieces.isSpace(sql.charAt(i + 2)))) {
                i = Pieces.endOfLine(sql, i);
            } else if (c == '/' && next == '*' && !executable(sql, i)) {
                int end = Lexemes.skipBlockComment(sql, i, false);
                if (end < 0) {
                    pieces.add(start < 0 ? i : start, n);
                    return pieces.statements();
                }
                i = end;
            } else {
                if (start < 0) {
                    start = i;
                }
                if (c == '\'' || c == '"' || c == '`') {
                    int end = Lexemes.skipQuoted(sql, i, c != '`');
                    i = end < 0 ? n : end;
                } else {
                    i += c == '\\' ? 2 : 1;
                }
            }
        }
        if (start >= 0) {
            pieces.add(start, n);
        }
        return pieces.statements();
    }

    /** Whether the comment opened at {@code i} is SQL to the client: {@code /*!}, {@code /*M!}, {@code /*+}. */
    private static boolean executable(String sql, int i) {
        return sql.startsWith("/*!", i) || sql.startsWith("/*M!", i) || sql.startsWith("/*+", i);
    }

    /** If the line at {@code lineStart} is a DELIMITER command, the offset after the word; else -1. */
    private static int delimiterCommand(String sql, int lineStart) {
        int i = lineStart;
        while (i < sql.length() && (sql.charAt(i) == ' ' || sql.charAt(i) == '\t')) {
            i++;
        }
        int end = i + DELIMITER.length();
        if (end > sql.length() || !sql.substring(i, end).toLowerCase(Locale.ROOT).equals(DELIMITER)) {
            return -1;
        }
        return end == sql.length() || Pieces.isSpace(sql.charAt(end)) ? end : -1;
    }

    /** The new delimiter, read like the client's get_arg: quoted, or up to white space. */
    private static String delimiterArgument(String sql, int lineStart, int from, Pieces pieces) {
        int lineEnd = Pieces.endOfLine(sql, from);
        int i = from;
        while (i < lineEnd && Pieces.isSpace(sql.charAt(i))) {
            i++;
        }
        String argument;
        if (i < lineEnd && (sql.charAt(i) == '\'' || sql.charAt(i) == '"' || sql.charAt(i) == '`')) {
            int close = sql.indexOf(sql.charAt(i), i + 1);
            argument = sql.substring(i + 1, close < 0 || close > lineEnd ? lineEnd : close);
        } else {
            int end = i;
            while (end < lineEnd && !Pieces.isSpace(sql.charAt(end))) {
                end++;
            }
            argument = sql.substring(i, end);
        }
        if (argument.isEmpty()) {
            throw new SqlSyntaxException(pieces.lineAt(lineStart),
                    "DELIMITER must be followed by a delimiter character or string");
        }
        if (argument.contains("\\")) {
            throw new SqlSyntaxException(pieces.lineAt(lineStart),
                    "DELIMITER cannot contain a backslash character");
        }
        return argument;
    }
}
