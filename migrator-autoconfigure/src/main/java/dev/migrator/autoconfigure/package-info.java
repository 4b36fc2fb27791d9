/**
 * Spring Boot auto-configuration for migrator: {@link dev.migrator.autoconfigure.MigratorProperties}
 * ({@code migrator.*}), the {@link dev.migrator.Migrator} bean and what runs it at startup. Endpoint,
 * health and metrics will live in sibling packages, as in Boot's own modules.
 */
@NullMarked
package dev.migrator.autoconfigure;

import org.jspecify.annotations.NullMarked;
