package dev.migrator.cli;

import dev.migrator.java.JavaRevision;
import java.sql.Connection;
import java.sql.Statement;

/** A Java revision the command line loads from {@code --class-path} in the end-to-end tests. */
public final class UpperCaseNames implements JavaRevision {

    @Override
    public void upgrade(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE names SET name = UPPER(name)");
        }
    }

    @Override
    public void downgrade(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE names SET name = LOWER(name)");
        }
    }
}
