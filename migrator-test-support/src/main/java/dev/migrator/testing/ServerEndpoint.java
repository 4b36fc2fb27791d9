package dev.migrator.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database server is reached with rights to create and drop databases. The URL
 * names an existing database; {@link #urlFor(String)} swaps in another one.
 */
record ServerEndpoint(DatabaseKind kind, String adminUrl, String user, String password, String origin) {

    private static final Pattern URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?;]+/)([^?;]*)(.*)$");

    ServerEndpoint {
        if (!URL.matcher(adminUrl).matches()) {
            throw new IllegalArgumentException("Test database URL " + adminUrl + " (" + origin
                    + ") is not of the form jdbc:<driver>://host:port/database[?options]");
        }
    }

    /** The same server with {@code database} in place of the admin URL's database. */
    String urlFor(String database) {
        Matcher m = URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException(adminUrl);
        }
        return m.group(1) + database + m.group(3);
    }

    Connection connectAdmin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(adminUrl, props);
    }
}
