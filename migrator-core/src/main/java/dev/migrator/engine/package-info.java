/**
 * The engine: reads the database's state, checks it against the scripts, plans and runs the
 * steps. One code path for every {@link dev.migrator.session.Session}: JDBC, R2DBC and offline.
 */
@NullMarked
package dev.migrator.engine;

import org.jspecify.annotations.NullMarked;
