package dev.migrator.error;

/**
 * Root of every error migrator reports. The {@link Kind} says whose fault it is, which the
 * command line maps to its exit code and Spring to its failure analysis. (Plain
 * IllegalStateExceptions left in the code mean a bug in migrator, never bad input.)
 */
public abstract class MigratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whose fault an error is. */
    public enum Kind {
        /** The user's input is wrong: a script, the graph, a target, an argument, a setting. */
        BAD_INPUT,
        /** The database refused, failed, or is not where the run needs it. */
        DATABASE
    }

    protected MigratorException(String message) {
        super(message);
    }

    protected MigratorException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract Kind kind();
}
