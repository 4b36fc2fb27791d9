package dev.migrator.autogenerate;

import dev.migrator.autogenerate.schema.Change;
import dev.migrator.autogenerate.schema.Schema;
import dev.migrator.dialect.Dialect;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What separates a database from the model: the changes that bring the database to the model
 * ({@link #upgrade()}) and those that take it back ({@link #downgrade()}).
 *
 * @param dialect the database's dialect, which the SQL is written for
 * @param database the database as read from its catalog
 * @param model the model as read from Hibernate's metadata
 */
public record SchemaDiff(Dialect dialect, Schema database, Schema model, List<Change> upgrade, List<Change> downgrade) {

    public SchemaDiff {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    /** Whether model and database agree on everything compared. */
    public boolean isEmpty() {
        return upgrade.isEmpty();
    }

    /** {@code 1 change}, {@code 3 changes}. */
    public String count() {
        return upgrade.size() + (upgrade.size() == 1 ? " change" : " changes");
    }

    /** One line per change of the upgrade, for people. */
    public String describe() {
        return upgrade.stream().map(change -> "  " + change.describe()).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return isEmpty() ? "no differences" : count() + ":\n" + describe();
    }
}
