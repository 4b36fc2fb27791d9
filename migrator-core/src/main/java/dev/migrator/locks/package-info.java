/**
 * Measured locks: the pending revisions applied statement by statement to a scratch PostgreSQL
 * database while a second connection reads {@code pg_locks} and a third tries a SELECT and an
 * INSERT, or to a scratch MariaDB database while a gate transaction holds each DDL statement at its
 * exclusive lock and {@code METADATA_LOCK_INFO} is read, so that the static lint rules are
 * confirmed or refuted on the real server.
 */
@NullMarked
package dev.migrator.locks;

import org.jspecify.annotations.NullMarked;
