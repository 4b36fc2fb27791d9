/**
 * Static safety rules for revision scripts: statements that lock busy tables, rewrite them, or break
 * the release still serving traffic during a rolling deploy. Pure, no connection: the rules read the
 * statements exactly as {@link dev.migrator.sql.StatementSplitter} cuts them, through a tokenizer that
 * skips comments, strings and quoted names.
 */
@NullMarked
package dev.migrator.lint;

import org.jspecify.annotations.NullMarked;
