package dev.migrator.dialect;

/** MariaDB. */
public final class MariaDbDialect extends MySqlFamilyDialect {

    public MariaDbDialect() {
        super("mariadb");
    }
}
