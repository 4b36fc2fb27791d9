/** Testcontainers {@code @ServiceConnection} support: migrations go to the test's container. */
@NullMarked
package dev.migrator.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
