package dev.migrator.sql;

import dev.migrator.error.BadInputException;

/** Script text that the dialect's client would not send as SQL, with the file line it is on. */
public final class SqlSyntaxException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public SqlSyntaxException(int line, String problem) {
        super("Line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based file line. */
    public int line() {
        return line;
    }

    /** The problem without the line prefix. */
    public String problem() {
        return getMessage().substring(getMessage().indexOf(": ") + 2);
    }
}
