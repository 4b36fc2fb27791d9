package dev.migrator.error;

/**
 * A statement of a revision failed. Names the revision, the file, the statement's line and
 * first line, the database's message, and what state the database was left in.
 */
public class MigrationFailedException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    private final String revision;
    private final String source;
    private final int line;

    public MigrationFailedException(String revision, String source, int line, String message, Throwable cause) {
        super(message, cause);
        this.revision = revision;
        this.source = source;
        this.line = line;
    }

    public String revision() {
        return revision;
    }

    public String source() {
        return source;
    }

    /** The file line of the failing statement, or 0 where it is not a statement of the script. */
    public int line() {
        return line;
    }
}
