package dev.migrator.error;

import org.jspecify.annotations.Nullable;

/** The database failed or refused: a lost connection, missing rights, a failing statement. */
public class DatabaseException extends MigratorException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String sqlState;
    private final int vendorCode;

    public DatabaseException(String message, Throwable cause) {
        this(message, cause, null, 0);
    }

    /** A failure the driver classified: SQLState and vendor code tell retryable conditions apart. */
    public DatabaseException(String message, Throwable cause, @Nullable String sqlState, int vendorCode) {
        super(message, cause);
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    public DatabaseException(String message) {
        super(message);
        this.sqlState = null;
        this.vendorCode = 0;
    }

    /** The SQLState the driver reported, if any. */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /** The database's own error code, or 0. */
    public int vendorCode() {
        return vendorCode;
    }

    @Override
    public final Kind kind() {
        return Kind.DATABASE;
    }
}
