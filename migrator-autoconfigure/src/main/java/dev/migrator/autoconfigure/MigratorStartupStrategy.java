package dev.migrator.autoconfigure;

import dev.migrator.Migrator;

/**
 * Replaces what {@code migrator.on-startup} does: a bean of this type is called at startup, in the
 * configured phase, instead. A dedicated migration pool is still closed afterwards.
 */
@FunctionalInterface
public interface MigratorStartupStrategy {

    void onStartup(Migrator migrator);
}
