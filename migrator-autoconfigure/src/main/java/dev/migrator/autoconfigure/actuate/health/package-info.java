/** The {@code migrations} health contributor. */
@NullMarked
package dev.migrator.autoconfigure.actuate.health;

import org.jspecify.annotations.NullMarked;
