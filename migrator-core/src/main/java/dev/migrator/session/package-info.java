/**
 * Where SQL goes: a live database over JDBC (later R2DBC), or an offline script. The engine
 * runs every step through a {@link dev.migrator.session.Session} and never asks which kind.
 */
@NullMarked
package dev.migrator.session;

import org.jspecify.annotations.NullMarked;
