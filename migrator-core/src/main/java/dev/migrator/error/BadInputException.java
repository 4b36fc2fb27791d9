package dev.migrator.error;

/** Bad input: the user must change a script, an argument or a target. Nothing has been changed. */
public class BadInputException extends MigratorException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final Kind kind() {
        return Kind.BAD_INPUT;
    }
}
