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

    /** The text on one line, shortened: enough to recognise the statement a finding is about. */
    String excerpt() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }
}
