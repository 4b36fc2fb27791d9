/** The command line: arguments, environment, text or JSON output, exit codes; nothing else. */
@NullMarked
package dev.migrator.cli;

import org.jspecify.annotations.NullMarked;
