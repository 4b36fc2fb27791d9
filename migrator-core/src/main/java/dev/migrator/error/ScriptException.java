package dev.migrator.error;

import org.jspecify.annotations.Nullable;

/** A script that cannot be read or parsed: names the file and, where known, the line. */
public class ScriptException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public ScriptException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public ScriptException(String source, String problem, @Nullable Throwable cause) {
        super(source + ": " + problem, cause == null ? new IllegalStateException(problem) : cause);
        this.source = source;
        this.line = 0;
    }

    /** The file or resource the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0 where the problem is not on one line. */
    public int line() {
        return line;
    }
}
