package dev.migrator.testing;

/** The database servers the test suite runs against. */
public enum DatabaseKind {
    POSTGRESQL, MARIADB, H2;

    /** The dialect name used by migrator for this kind of database. */
    public String dialectName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
