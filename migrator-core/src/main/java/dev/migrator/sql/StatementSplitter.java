package dev.migrator.sql;

import dev.migrator.internal.sql.H2Splitter;
import dev.migrator.internal.sql.MySqlSplitter;
import dev.migrator.internal.sql.PostgresSplitter;
import java.util.List;

/**
 * Splits a script into the statements the dialect's own command line client (psql, mariadb/mysql,
 * H2's RUNSCRIPT) would send one by one, so that a script behaves the same whether migrator runs it
 * online or a DBA runs the offline script with that client.
 */
public interface StatementSplitter {

    /**
     * Splits a script section. Statement text excludes the terminating delimiter, keeps inner
     * comments, and drops surrounding white space; pieces holding only comments are dropped.
     *
     * @param sql the text of the section (LF line ends)
     * @param firstLine the file line on which {@code sql} starts, 1-based
     * @throws SqlSyntaxException for client commands that are not SQL (psql meta-commands,
     *     mysql backslash commands, a bad DELIMITER line), naming the line
     */
    List<SqlStatement> split(String sql, int firstLine);

    /** psql's rules: quotes, {@code E''} strings, dollar quotes with tags, nested comments, {@code BEGIN ATOMIC}. */
    static StatementSplitter postgresql() {
        return new PostgresSplitter();
    }

    /** The mysql and mariadb clients' rules: backticks, {@code #} comments, {@code DELIMITER}. */
    static StatementSplitter mysql() {
        return new MySqlSplitter();
    }

    /**
     * Semicolons outside quotes and comments, as H2's script reader splits ({@code $$} bodies
     * too): the rule of most SQL clients, and the default for a dialect that names none.
     */
    static StatementSplitter semicolons() {
        return new H2Splitter();
    }
}
