/**
 * Coming from Flyway: reading a Flyway project's migrations into revision scripts, and taking over
 * a database Flyway migrated by reading its {@code flyway_schema_history} with plain SQL (Flyway is
 * never needed at run time).
 */
@NullMarked
package dev.migrator.flyway;

import org.jspecify.annotations.NullMarked;
