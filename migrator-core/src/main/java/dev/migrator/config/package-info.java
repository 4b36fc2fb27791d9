/** The one configuration record of a migrator, shared by the command line and Spring. */
@NullMarked
package dev.migrator.config;

import org.jspecify.annotations.NullMarked;
