/** Targets, the planner and the version-row effect of every step. Pure, no I/O. */
@NullMarked
package dev.migrator.plan;

import org.jspecify.annotations.NullMarked;
