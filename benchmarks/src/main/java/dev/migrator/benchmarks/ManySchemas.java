package dev.migrator.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrator.Migrator;
import dev.migrator.SchemaRuns;
import dev.migrator.config.MigratorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Schema per tenant: {@code ManySchemas <schemas> <revisions> <parallelism,...> [host] [port] [user]}
 * migrates that many PostgreSQL schemas of one database with the same revisions through the public
 * API ({@link Migrator#upgradeSchemas}), once per parallelism, each in a fresh database: the apply
 * from empty, then a no-op pass. Checks every schema's version row before it reports a figure.
 */
public final class ManySchemas {

    private ManySchemas() {
    }

    public static void main(String[] args) throws Exception {
        int schemas = Integer.parseInt(args[0]);
        int revisions = Integer.parseInt(args[1]);
        String host = args.length > 3 ? args[3] : "127.0.0.1";
        String port = args.length > 4 ? args[4] : "5432";
        String user = args.length > 5 ? args[5] : "postgres";
        Path scripts = Files.createTempDirectory("many-schemas");
        Scripts.migrator(scripts, revisions);
        String last = String.format(Locale.ROOT, "r%06d", revisions);
        System.out.printf("%d schemas x %d revisions (%d tables), PostgreSQL %s:%s%n", schemas, revisions,
                schemas * revisions, host, port);
        System.out.println("| parallelism | apply (s) | per schema (ms) | no-op pass (s) | failed |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (String value : args[2].split(",")) {
            int parallelism = Integer.parseInt(value);
            String database = "many_schemas_p" + parallelism;
            String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres?user=" + user;
            try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + database);
            }
            String url = "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
            List<String> names = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                for (int i = 1; i <= schemas; i++) {
                    names.add(String.format(Locale.ROOT, "tenant_%04d", i));
                    st.execute("CREATE SCHEMA " + names.get(i - 1));
                }
            }
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(url);
            pool.setMaximumPoolSize(parallelism);
            try (HikariDataSource dataSource = new HikariDataSource(pool)) {
                Migrator migrator = Migrator.create(dataSource,
                        MigratorConfig.builder().locations("filesystem:" + scripts).build());
                SchemaRuns apply = migrator.upgradeSchemas(names, "heads", parallelism);
                check(url, names, last);
                SchemaRuns noop = migrator.upgradeSchemas(names, "heads", parallelism);
                System.out.printf(Locale.ROOT, "| %d | %.1f | %.0f | %.1f | %d |%n", parallelism,
                        apply.durationMillis() / 1000.0, (double) apply.durationMillis() / schemas,
                        noop.durationMillis() / 1000.0, apply.failed().size() + noop.failed().size());
            }
            try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }

    /** Every schema at the last revision, with its tables: a tool that did nothing cannot report a figure. */
    private static void check(String url, List<String> names, String last) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = st.executeQuery("SELECT version_num FROM " + name + ".migrator_version")) {
                    if (!rs.next() || !rs.getString(1).equals(last) || rs.next()) {
                        throw new IllegalStateException(name + " is not at " + last);
                    }
                }
            }
        }
    }
}
