package dev.migrator.internal.session;

import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.LockSql;
import dev.migrator.dialect.ScriptFormat;
import dev.migrator.session.Session;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes what an online session would run, as a script for the database's own client
 * ({@code psql}, {@code mariadb}): the engine's steps do not know the difference.
 */
public final class OfflineSession implements Session {

    private final Dialect dialect;
    private final ScriptFormat formatter;
    private final StringBuilder out = new StringBuilder();
    private boolean inTransaction;

    public OfflineSession(Dialect dialect) {
        this.dialect = dialect;
        this.formatter = dialect.scriptFormat();
        out.append(formatter.preamble());
    }

    /**
     * SQL naming the schema the script started in, captured by the preamble, or null where the
     * client cannot capture it (then the tables are unqualified unless a schema is configured).
     */
    public @Nullable String schemaReference() {
        return formatter.schemaReference();
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void execute(String sql) {
        out.append(formatter.statement(sql));
    }

    @Override
    public List<List<@Nullable Object>> query(String sql) {
        throw new UnsupportedOperationException("An offline script cannot ask the database anything");
    }

    @Override
    public void begin() {
        out.append(formatter.begin());
        inTransaction = true;
    }

    @Override
    public void commit() {
        out.append(formatter.commit());
        inTransaction = false;
    }

    @Override
    public void rollback() {
        // Nothing failed offline; an engine error simply ends the script.
        inTransaction = false;
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void comment(String text) {
        out.append(formatter.comment(text));
    }

    @Override
    public void lock(LockSql lock, Duration timeout) {
        // The DBA runs the script once; there is no concurrent run to keep out.
    }

    @Override
    public void unlock() {
    }

    @Override
    public boolean timesSteps() {
        return false;
    }

    /** The script written so far. */
    public String script() {
        return out.toString();
    }

    @Override
    public void close() {
    }
}
