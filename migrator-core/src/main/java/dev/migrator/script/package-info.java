/** Revision scripts: locations, loading, parsing, checksums and writing new scripts. */
@NullMarked
package dev.migrator.script;

import org.jspecify.annotations.NullMarked;
