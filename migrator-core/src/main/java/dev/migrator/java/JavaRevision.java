package dev.migrator.java;

import java.sql.Connection;

/**
 * The code of a Java revision, named by its script's {@code -- migrator:java} header.
 *
 * <p>Both methods get the run's own JDBC connection, inside the revision's transaction (unless the
 * script says {@code -- migrator:transactional false}): the revision's changes and its version and
 * history rows commit together, or not at all. So the code must not commit, roll back, change
 * auto-commit or close the connection; migrator refuses those calls. Statements it opens are its own
 * to close. On databases that commit DDL at once (MariaDB, MySQL, H2) only its DML rolls back: keep
 * DDL in SQL revisions.
 */
public interface JavaRevision {

    void upgrade(Connection connection) throws Exception;

    /**
     * Runs when a downgrade goes through the revision; only a script with a {@code -- migrator:downgrade}
     * marker is reversible, so an irreversible revision need not override this.
     */
    default void downgrade(Connection connection) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " has no downgrade, but its script has a"
                + " '-- migrator:downgrade' marker: override downgrade(Connection), or remove the marker to make the"
                + " revision irreversible");
    }
}
