package dev.migrator.autoconfigure;

import dev.migrator.error.MigratorException;
import dev.migrator.graph.Revision;
import java.util.List;
import java.util.Set;

/**
 * {@code migrator.on-startup=validate} found revisions that an upgrade to the target would apply.
 * Nothing was changed.
 */
public final class PendingMigrationsException extends MigratorException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final Set<String> current;
    private final transient List<Revision> pending;

    public PendingMigrationsException(String target, Set<String> current, List<Revision> pending) {
        super(pending.size() + " revision(s) pending up to " + target + ": "
                + String.join(", ", pending.stream().map(Revision::id).toList()));
        this.target = target;
        this.current = Set.copyOf(current);
        this.pending = List.copyOf(pending);
    }

    public String target() {
        return target;
    }

    /** The database's version rows; empty for a database migrator never touched. */
    public Set<String> current() {
        return current;
    }

    /** In the order an upgrade would apply them. */
    public List<Revision> pending() {
        return pending;
    }

    @Override
    public Kind kind() {
        return Kind.DATABASE;
    }
}
