package dev.migrator.error;

/** Another run held the migration lock for longer than the lock timeout. */
public class LockTimeoutException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public LockTimeoutException(String message) {
        super(message);
    }
}
