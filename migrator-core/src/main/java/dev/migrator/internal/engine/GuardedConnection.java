package dev.migrator.internal.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The run's connection as a Java revision sees it: everything passes through but the calls that would
 * end or split the revision's transaction (commit, rollback, auto-commit) or the run itself (close,
 * abort), which fail with a message saying why. A revision that committed half-way would leave its
 * changes applied without its version row.
 */
final class GuardedConnection {

    private static final Set<String> REFUSED = Set.of("commit", "setAutoCommit", "close", "abort");

    private GuardedConnection() {
    }

    static Connection of(Connection connection, String revision) {
        return (Connection) Proxy.newProxyInstance(GuardedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    // rollback(Savepoint) stays allowed: it undoes part of the revision, not its transaction.
                    if (REFUSED.contains(name) || "rollback".equals(name) && method.getParameterCount() == 0) {
                        throw new SQLException("Java revision " + revision + " called Connection." + name
                                + "(): migrator commits (or rolls back) the revision together with its version and"
                                + " history rows and closes the connection after the run; leave those to it");
                    }
                    if ("unwrap".equals(name) && args[0] == Connection.class) {
                        return proxy;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
