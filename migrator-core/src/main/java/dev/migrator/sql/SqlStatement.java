package dev.migrator.sql;

/**
 * One statement as the dialect's client would send it.
 *
 * @param sql the statement text without its terminating delimiter, trimmed of surrounding white space
 * @param line the 1-based file line on which the statement text starts
 */
public record SqlStatement(String sql, int line) {
}
