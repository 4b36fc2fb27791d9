/** The facade: {@link dev.migrator.Migrator}, one method per verb. */
@NullMarked
package dev.migrator;

import org.jspecify.annotations.NullMarked;
