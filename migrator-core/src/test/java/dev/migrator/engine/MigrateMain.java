package dev.migrator.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;

/** A separate process that migrates, so a test can kill it mid-revision. Args: url user location. */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(args[0]);
            dataSource.setUsername(args[1]);
            Migrator.create(dataSource, MigratorConfig.builder().locations(args[2]).build()).upgrade("heads");
        }
    }
}
