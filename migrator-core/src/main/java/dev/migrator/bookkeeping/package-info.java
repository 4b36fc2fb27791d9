/**
 * The version and history tables: their names, and the SQL that creates, reads and updates
 * them. Pure SQL text, shared by online and offline runs; names are always schema-qualified
 * when the schema is known, so a revision that changes {@code search_path} cannot misdirect them.
 */
@NullMarked
package dev.migrator.bookkeeping;

import org.jspecify.annotations.NullMarked;
