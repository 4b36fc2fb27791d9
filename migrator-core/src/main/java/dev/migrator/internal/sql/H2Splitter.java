package dev.migrator.internal.sql;

import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.StatementSplitter;
import java.util.List;

/**
 * Splits H2 scripts at semicolons, as H2's own script reader ({@code org.h2.util.ScriptReader},
 * used by {@code RUNSCRIPT} and the H2 shell) does.
 *
 * <p>Understood: {@code '...'} strings and {@code "..."} identifiers (doubled quotes inside),
 * {@code --} and {@code //} line comments, nested {@code /* *}{@code /} comments and
 * {@code $$...$$} strings (bodies of Java functions for CREATE ALIAS). Like H2's reader, a
 * {@code $$} opens such a string only right after the previous semicolon or after white space (or
 * control characters): {@code a$$b} is a name.
 *
 * <p>Statement text starts at its first token; leading comments are dropped, inner ones kept, and
 * pieces holding only comments dropped. An unterminated string, identifier, comment or
 * {@code $$} body runs to the end of the input and is returned as the last statement as it is, so
 * the database reports the error.
 */
public final class H2Splitter implements StatementSplitter {

    @Override
    public List<SqlStatement> split(String sql, int firstLine) {
        Pieces pieces = new Pieces(sql, firstLine);
        int n = sql.length();
        int start = -1;
        int readFrom = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == ';') {
                if (start >= 0) {
                    pieces.add(start, i);
                }
                start = -1;
                readFrom = ++i;
            } else if (Pieces.isSpace(c)) {
                i++;
            } else if ((c == '-' || c == '/') && next == c) {
                i = Pieces.endOfLine(sql, i);
            } else if (c == '/' && next == '*') {
                int end = Lexemes.skipBlockComment(sql, i, true);
                if (end < 0) {
                    pieces.add(start < 0 ? i : start, n);
                    return pieces.statements();
                }
                i = end;
            } else {
                if (start < 0) {
                    start = i;
                }
                if (c == '\'' || c == '"') {
                    int end = Lexemes.skipQuoted(sql, i, false);
                    i = end < 0 ? n : end;
                } else if (c == '$' && next == '$' && (i == readFrom || sql.charAt(i - 1) <= ' ')) {
                    int end = sql.indexOf("$$", i + 2);
                    i = end < 0 ? n : end + 2;
                } else {
                    i++;
                }
            }
        }
        if (start >= 0) {
            pieces.add(start, n);
        }
        return pieces.statements();
    }
}
