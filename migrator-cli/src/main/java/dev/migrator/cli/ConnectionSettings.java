package dev.migrator.cli;

import dev.migrator.dialect.Dialects;
import dev.migrator.error.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where to connect: a JDBC URL and, when the URL carried them, a user and password.
 * Reads {@code jdbc:} URLs as they are and translates the {@code scheme://user:pass@host:port/db}
 * URLs that Heroku, Render, docker-compose files and most other tools put in {@code DATABASE_URL}.
 *
 * @param jdbcUrl the URL handed to the driver
 * @param user the user from the URL, or null
 * @param password the password from the URL, or null
 */
record ConnectionSettings(String jdbcUrl, @Nullable String user, @Nullable String password) {

    /** Scheme of a tool-style URL to the JDBC prefix that serves it. */
    private static final Map<String, String> SCHEMES = Map.of(
            "postgresql", "jdbc:postgresql:",
            "postgres", "jdbc:postgresql:",
            "mariadb", "jdbc:mariadb:",
            // The MariaDB driver in the jar serves jdbc:mysql: URLs only with permitMysqlScheme;
            // keeping the mysql scheme keeps the mysql dialect.
            "mysql", "jdbc:mysql:");

    /**
     * Parses a JDBC URL or translates a tool-style one.
     *
     * @throws BadInputException for a URL that is neither, naming it without its password
     */
    static ConnectionSettings parse(String url) {
        String trimmed = url.strip();
        if (trimmed.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return new ConnectionSettings(servedByMariaDbDriver(trimmed), null, null);
        }
        int colon = trimmed.indexOf("://");
        String scheme = colon < 0 ? "" : trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        String jdbcPrefix = SCHEMES.get(scheme);
        if (jdbcPrefix == null) {
            throw new BadInputException("Cannot use URL '" + Dialects.redact(trimmed)
                    + "': give a JDBC URL (jdbc:postgresql://host/db) or postgresql://, postgres://, mariadb:// or"
                    + " mysql://user:password@host:port/database");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new BadInputException("Cannot parse URL '" + Dialects.redact(trimmed) + "': "
                    + e.getReason() + "; percent-encode special characters in the user and password", e);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new BadInputException("URL '" + Dialects.redact(trimmed) + "' names no host");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath();
        StringBuilder jdbc = new StringBuilder(jdbcPrefix).append("//").append(host);
        if (uri.getPort() >= 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(database.isEmpty() ? "/" : database);
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            jdbc.append('?').append(query);
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int split = userInfo.indexOf(':');
            user = decode(split < 0 ? userInfo : userInfo.substring(0, split));
            password = split < 0 ? null : decode(userInfo.substring(split + 1));
        }
        return new ConnectionSettings(servedByMariaDbDriver(jdbc.toString()), user, password);
    }

    /**
     * A {@code jdbc:mysql:} URL with {@code permitMysqlScheme} added, so that the MariaDB driver in
     * the jar accepts it (it serves MySQL too); unchanged when MySQL's own driver is on the class path.
     */
    static String servedByMariaDbDriver(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:mysql:", 0, 11) || jdbcUrl.contains("permitMysqlScheme")
                || mysqlDriverPresent()) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.indexOf('?') < 0 ? "?" : "&") + "permitMysqlScheme";
    }

    private static boolean mysqlDriverPresent() {
        try {
            Class.forName("com.mysql.cj.jdbc.Driver", false, ConnectionSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String decode(String text) {
        // URLDecoder reads '+' as a space, which userinfo does not; keep it a plus.
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** These settings with the user and password replaced where the replacements are given. */
    ConnectionSettings withCredentials(@Nullable String newUser, @Nullable String newPassword) {
        return new ConnectionSettings(jdbcUrl, newUser != null ? newUser : user,
                newPassword != null ? newPassword : password);
    }

    @Override
    public String toString() {
        return Dialects.redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }
}
