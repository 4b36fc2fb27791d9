package dev.migrator.dialect;

/**
 * Whose SQL a dialect speaks, for what reads statements beyond splitting them (the lint rules and
 * their tokenizer): a dialect for a PostgreSQL-compatible database says {@link #POSTGRESQL} and
 * gets PostgreSQL's rules, without migrator knowing its name.
 */
public enum SqlFamily {
    /** PostgreSQL and compatible databases: dollar quotes, PostgreSQL's locks. */
    POSTGRESQL,
    /** MariaDB and MySQL: backticks, {@code #} comments, online ALTER algorithms. */
    MYSQL,
    /** H2: {@code //} comments besides the standard ones. */
    H2,
    /** Anything else: standard quoting and comments, no database-specific rules. */
    OTHER
}
