package dev.migrator.autoconfigure;

/**
 * The configuration cannot work: an invalid combination of {@code migrator.*} properties, or
 * something beside migrator that would fight it for the schema. Thrown while the context
 * refreshes, before a web server listens, so the boot fails with a failure analysis instead of a
 * healthy service that serves errors.
 */
public final class MigratorConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    public MigratorConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What to change. */
    public String action() {
        return action;
    }
}
