package dev.migrator.error;

/**
 * Root of every error migrator reports. The {@link Kind} says whose fault it is, which the
 * command line maps to its exit code and Spring to its failure analysis.
 */
public abstract class MigratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Whose fault an error is. */
    public enum Kind {
        /** The user's input is wrong: a script, the graph, a target, an argument. Exit code 2. */
        BAD_INPUT(2),
        /** The database refused or failed while running. Exit code 1. */
        DATABASE(1);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    protected MigratorException(String message) {
        super(message);
    }

    protected MigratorException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract Kind kind();
}
