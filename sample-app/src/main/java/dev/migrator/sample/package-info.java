/** A small notes-and-tags service whose schema migrator keeps. */
@NullMarked
package dev.migrator.sample;

import org.jspecify.annotations.NullMarked;
