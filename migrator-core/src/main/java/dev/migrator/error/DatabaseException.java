package dev.migrator.error;

/** The database failed or refused: a lost connection, missing rights, a failing statement. */
public class DatabaseException extends MigratorException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }

    @Override
    public final Kind kind() {
        return Kind.DATABASE;
    }
}
