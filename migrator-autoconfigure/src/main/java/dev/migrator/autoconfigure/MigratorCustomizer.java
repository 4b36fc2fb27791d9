package dev.migrator.autoconfigure;

import dev.migrator.config.MigratorConfig;

/** Adjusts the configuration of the auto-configured {@link dev.migrator.Migrator} after the properties are applied. */
@FunctionalInterface
public interface MigratorCustomizer {

    void customize(MigratorConfig.Builder config);
}
