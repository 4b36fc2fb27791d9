/** Error types: one root, {@link dev.migrator.error.MigratorException}, whose kind maps to exit codes. */
@NullMarked
package dev.migrator.error;

import org.jspecify.annotations.NullMarked;
