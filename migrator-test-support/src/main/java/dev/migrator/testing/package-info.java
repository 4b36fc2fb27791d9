/**
 * Test fixture: every test class (or test) gets its own freshly created, uniquely named
 * database on the real servers, dropped afterwards, so tests can run in parallel.
 */
@NullMarked
package dev.migrator.testing;

import org.jspecify.annotations.NullMarked;
