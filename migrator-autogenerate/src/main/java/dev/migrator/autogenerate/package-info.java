/**
 * Autogenerate: compares the JPA model (Hibernate's boot metadata) with a migrated database and
 * writes the revision that closes the gap ({@link dev.migrator.autogenerate.Autogenerate}); the
 * check that fails a test when they disagree ({@link dev.migrator.autogenerate.SchemaDrift}).
 */
@NullMarked
package dev.migrator.autogenerate;

import org.jspecify.annotations.NullMarked;
