/** Statement splitting per dialect, the way each database's own client splits. Pure, no connection. */
@NullMarked
package dev.migrator.sql;

import org.jspecify.annotations.NullMarked;
