package dev.migrator.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * A freshly created database with a unique name, dropped by {@link #close()}. Typical use:
 * {@code @AutoClose static TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL);}
 * or try-with-resources for one test.
 */
public final class TestDatabase implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseKind kind;
    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final @Nullable ServerEndpoint server;
    private @Nullable HikariDataSource dataSource;
    private @Nullable Connection h2KeepAlive;
    private boolean closed;

    private TestDatabase(DatabaseKind kind, String name, String url, String user, String password,
            @Nullable ServerEndpoint server) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.server = server;
    }

    /** Creates a new, empty database of the given kind. */
    public static TestDatabase create(DatabaseKind kind) {
        String name = "mt_" + LocalDateTime.now().format(STAMP) + "_" + HexFormat.of().toHexDigits(RANDOM.nextInt());
        if (kind == DatabaseKind.H2) {
            TestDatabase db = new TestDatabase(kind, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", null);
            db.h2KeepAlive = db.openH2();
            return db;
        }
        if (kind == DatabaseKind.HSQLDB) {
            // An in-memory HSQLDB database lives until SHUTDOWN, which close() sends.
            return new TestDatabase(kind, name, "jdbc:hsqldb:mem:" + name, "SA", "", null);
        }
        ServerEndpoint server = DatabaseServers.endpoint(kind);
        LeftoverDatabases.dropOnce(server);
        try (Connection admin = server.connectAdmin(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server.adminUrl(), e);
        }
        return new TestDatabase(kind, name, server.urlFor(name), server.user(), server.password(), server);
    }

    /**
     * The arguments that point the database's own command-line clients (psql, pg_dump; mariadb,
     * mariadb-dump) at this database, database name last.
     */
    public List<String> clientArguments() {
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String host = uri.getHost();
        String port = String.valueOf(uri.getPort());
        return switch (kind) {
            case POSTGRESQL -> List.of("-h", host, "-p", port, "-U", user, name);
            case MARIADB -> password.isEmpty() ? List.of("-h", host, "-P", port, "-u", user, name)
                    : List.of("-h", host, "-P", port, "-u", user, "-p" + password, name);
            case H2, HSQLDB -> throw new UnsupportedOperationException(kind + " has no command-line client here");
        };
    }

    /** The same database as an R2DBC URL (user and password included), for the reactive engine's tests. */
    public String r2dbcUrl() {
        if (kind == DatabaseKind.HSQLDB) {
            throw new UnsupportedOperationException("HSQLDB has no R2DBC driver");
        }
        if (kind == DatabaseKind.H2) {
            // r2dbc-h2 maps r2dbc:h2:mem://USER@HOST/NAME to jdbc:h2:mem:NAME, the database the JDBC side holds open.
            return "r2dbc:h2:mem://" + user + "@localhost/" + name;
        }
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String credentials = password.isEmpty() ? user : user + ":" + password;
        return "r2dbc:" + uri.getScheme() + "://" + credentials + "@" + uri.getHost() + ":" + uri.getPort() + "/" + name;
    }

    public DatabaseKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(url, props);
    }

    /** A small HikariCP pool on this database, closed with it. */
    public synchronized HikariDataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(12);
            config.setMinimumIdle(0);
            config.setPoolName("test-" + name);
            dataSource = new HikariDataSource(config);
        }
        return dataSource;
    }

    /** Names (lower case) of the base tables in this database's default schema. */
    public List<String> tableNames() throws SQLException {
        try (Connection c = connect()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = kind == DatabaseKind.MARIADB ? null : c.getSchema();
            String catalog = kind == DatabaseKind.MARIADB ? c.getCatalog() : null;
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            names.sort(null);
            return names;
        }
    }

    /** Drops the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (dataSource != null) {
            dataSource.close();
        }
        try {
            if (kind == DatabaseKind.HSQLDB) {
                try (Connection c = connect(); Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            } else if (kind == DatabaseKind.H2) {
                if (h2KeepAlive != null) {
                    try (Statement st = h2KeepAlive.createStatement()) {
                        st.execute("SHUTDOWN");
                    }
                    h2KeepAlive.close();
                }
            } else if (server != null) {
                try (Connection admin = server.connectAdmin(); Statement st = admin.createStatement()) {
                    st.execute(kind == DatabaseKind.POSTGRESQL
                            ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                            : "DROP DATABASE IF EXISTS " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name, e);
        }
    }

    private Connection openH2() {
        try {
            return connect();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open H2 database " + url, e);
        }
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
