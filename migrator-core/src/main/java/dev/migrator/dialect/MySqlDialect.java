package dev.migrator.dialect;

/** MySQL, which shares MariaDB's SQL for everything migrator does. */
public final class MySqlDialect extends MySqlFamilyDialect {

    public MySqlDialect() {
        super("mysql");
    }
}
