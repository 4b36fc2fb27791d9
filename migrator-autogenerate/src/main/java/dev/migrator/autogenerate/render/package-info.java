/**
 * SQL per database: a {@link dev.migrator.autogenerate.render.DdlRenderer} per dialect family,
 * chosen by the migrator dialect; a dialect migrator does not ship brings its own through
 * {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.migrator.autogenerate.render;

import org.jspecify.annotations.NullMarked;
