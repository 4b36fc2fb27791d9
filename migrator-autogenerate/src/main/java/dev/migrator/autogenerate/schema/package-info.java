/**
 * A schema as both sides of a comparison see it: the model read from Hibernate's metadata and the
 * database read from its catalog become the same records, so the comparison knows neither.
 */
@NullMarked
package dev.migrator.autogenerate.schema;

import org.jspecify.annotations.NullMarked;
