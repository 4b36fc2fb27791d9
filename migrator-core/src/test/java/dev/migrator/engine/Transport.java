package dev.migrator.engine;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.reactive.ReactiveMigrator;
import dev.migrator.testing.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;

/** How a test reaches its database: the same engine suite runs over both. */
enum Transport {
    JDBC {
        @Override
        Migrator migrator(TestDatabase db, MigratorConfig config) {
            return Migrator.create(db.dataSource(), config);
        }
    },
    R2DBC {
        @Override
        Migrator migrator(TestDatabase db, MigratorConfig config) {
            return ReactiveMigrator.create(ConnectionFactories.get(db.r2dbcUrl()), config).blocking();
        }
    };

    abstract Migrator migrator(TestDatabase db, MigratorConfig config);
}
