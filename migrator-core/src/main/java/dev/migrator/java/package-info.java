/**
 * Java revisions: data migrations that SQL cannot express, written as a {@link JavaRevision} and
 * declared by a script in the script location (docs/script-format.md#java-revisions), so that the
 * graph stays readable without the application's classes.
 */
@NullMarked
package dev.migrator.java;

import org.jspecify.annotations.NullMarked;
