/** Failure analysis: what a failed migrator startup means and what to do about it. */
@NullMarked
package dev.migrator.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
