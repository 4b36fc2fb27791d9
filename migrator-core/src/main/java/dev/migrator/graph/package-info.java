/** The revision graph: validation, heads, bases, ancestry and lookups. Pure, no I/O. */
@NullMarked
package dev.migrator.graph;

import org.jspecify.annotations.NullMarked;
