/** migrator for reactive services: the same engine over R2DBC, with {@code Mono} results. */
@NullMarked
package dev.migrator.reactive;

import org.jspecify.annotations.NullMarked;
