package dev.migrator.autogenerate.boot;

import dev.migrator.error.BadInputException;
import java.sql.SQLException;

/** The scratch database of {@code migrator.autogenerate.url} refused the connection or does not exist. */
public final class ScratchDatabaseUnreachableException extends BadInputException {

    private final String url;
    private final String username;

    ScratchDatabaseUnreachableException(String url, String username, SQLException cause) {
        super("The scratch database " + ScratchDatabase.URL + "=" + url + " cannot be reached as user '" + username
                + "': " + cause.getMessage() + ". " + whatToDo(), cause);
        this.url = url;
        this.username = username;
    }

    static String whatToDo() {
        return "Start it (or create the database), or correct " + ScratchDatabase.URL + " (and "
                + ScratchDatabase.USERNAME + ", " + ScratchDatabase.PASSWORD + "); the run brings it to the heads of"
                + " the scripts and compares the entities with it. Leave " + ScratchDatabase.URL
                + " out to use spring.datasource.url.";
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    /** What the database or its driver said. */
    public String reason() {
        return String.valueOf(getCause().getMessage());
    }
}
