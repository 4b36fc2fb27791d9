/** Micrometer meters and observations of migration runs, fed by a {@link dev.migrator.engine.MigrationListener}. */
@NullMarked
package dev.migrator.autoconfigure.actuate.metrics;

import org.jspecify.annotations.NullMarked;
