package dev.migrator.testing;

/**
 * The databases the test suite runs against: the built-in dialects' three, and HSQLDB, which no
 * built-in dialect serves: tests reach it through a dialect registered with ServiceLoader.
 */
public enum DatabaseKind {
    POSTGRESQL, MARIADB, H2, HSQLDB;

    /** Whether the database runs inside the test's JVM (no server, no command-line client). */
    public boolean embedded() {
        return this == H2 || this == HSQLDB;
    }

    /** The dialect name used by migrator for this kind of database. */
    public String dialectName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
