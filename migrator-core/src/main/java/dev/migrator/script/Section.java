package dev.migrator.script;

/**
 * The SQL of one section of a revision script.
 *
 * @param sql the text between the section's marker line and the next marker (or the end),
 *     with CRLF turned to LF
 * @param firstLine the file line on which {@code sql} starts (1-based)
 */
public record Section(String sql, int firstLine) {

    /** Whether the section holds anything but blanks; comments still count as content here. */
    public boolean isBlank() {
        return sql.isBlank();
    }
}
