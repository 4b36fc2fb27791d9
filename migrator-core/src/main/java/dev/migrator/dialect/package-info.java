/**
 * Database dialects behind one SPI, found with {@link java.util.ServiceLoader} and chosen from
 * the JDBC URL alone, so offline runs need no connection.
 */
@NullMarked
package dev.migrator.dialect;

import org.jspecify.annotations.NullMarked;
