/**
 * The generate run in a Spring Boot application: {@code migrator.autogenerate.message=...} on the
 * command line starts the application without serving, writes the next revision from its own
 * entities and settings, and exits. Only this package knows Spring; its dependencies are optional.
 */
@NullMarked
package dev.migrator.autogenerate.boot;

import org.jspecify.annotations.NullMarked;
