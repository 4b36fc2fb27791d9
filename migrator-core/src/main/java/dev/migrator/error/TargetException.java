package dev.migrator.error;

/** A target or revision reference that cannot be resolved, or a plan that cannot be made. */
public class TargetException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }
}
