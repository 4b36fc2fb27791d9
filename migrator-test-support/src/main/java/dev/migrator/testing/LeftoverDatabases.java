package dev.migrator.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops test databases left behind by a JVM that was killed before it could clean up. Only
 * names made by {@link TestDatabase} that are more than a few hours old are touched, so a
 * suite running beside this one keeps its databases.
 */
final class LeftoverDatabases {

    private static final Set<DatabaseKind> DONE = new HashSet<>();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    private LeftoverDatabases() {
    }

    static synchronized void dropOnce(ServerEndpoint server) {
        if (!DONE.add(server.kind())) {
            return;
        }
        String list = server.kind() == DatabaseKind.POSTGRESQL
                ? "SELECT datname FROM pg_database WHERE datname LIKE 'mt\\_%'"
                : "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'mt\\_%'";
        String cutoff = LocalDateTime.now().minusHours(6).format(STAMP);
        try (Connection admin = server.connectAdmin(); Statement st = admin.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(list)) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.matches("mt_\\d{14}_[0-9a-f]{8}") && name.substring(3, 17).compareTo(cutoff) < 0) {
                        stale.add(name);
                    }
                }
            }
            for (String name : stale) {
                st.execute(server.kind() == DatabaseKind.POSTGRESQL
                        ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                        : "DROP DATABASE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            // Leftovers only cost disk space; never fail a test run over them.
            System.err.println("migrator tests: could not drop leftover databases: " + e.getMessage());
        }
    }
}
