package dev.migrator.lint;

/**
 * A statement as the splitter cut it, with its tokens.
 *
 * @param sql the statement text
 * @param line the file line on which it starts
 * @param lastLine the file line on which it ends
 * @param tokens its tokens, comments and white space left out
 */
record LintStatement(String sql, int line, int lastLine, TokenRun tokens) {

    /** The first line of the text, shortened, to show which statement a finding is about. */
    String excerpt() {
        String first = sql.strip().lines().findFirst().orElse("");
        return first.length() > 100 ? first.substring(0, 97) + "..." : first;
    }
}
