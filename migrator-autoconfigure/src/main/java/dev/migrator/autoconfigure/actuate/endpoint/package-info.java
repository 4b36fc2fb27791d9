/** Actuator endpoints: {@code migrations} (status and history) and {@code migrationsql} (offline scripts). */
@NullMarked
package dev.migrator.autoconfigure.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
