package dev.migrator.benchmarks;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialects;
import dev.migrator.engine.Command;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.internal.plan.Planner;
import dev.migrator.reactive.ReactiveMigrator;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * One measured run in its own JVM: {@code RunOne <tool> <scenario> <N> <jdbcUrl> <workdir>}.
 *
 * <p>Tools: {@code migrator}, {@code migrator-r2dbc}, {@code flyway}, {@code liquibase}, {@code baseline}.
 * Scenarios: {@code noop} (migrate with everything applied), {@code apply} (migrate from empty),
 * {@code offline} (the SQL script for N revisions, no database), {@code plan} (migrator: load the N
 * scripts and plan {@code heads}, no database), {@code select1} (the baseline: one connection,
 * {@code select 1}); {@code plan-warm} is plan after five untimed repeats in the same JVM (JIT warm: not what a
 * boot pays, for comparison). Scripts are read from {@code <workdir>/n<N>/<tool>} (written there if missing).
 *
 * <p>Prints one line {@code RESULT tool=... scenario=... n=... call_ms=... steps=... connections=...
 * classes=...}. {@code call_ms} is the in-JVM time of the tool's call alone: from building the tool's
 * entry object (connection not yet open) to the call's return, which is what an application's boot
 * pays on top of the JVM; no check and no output of ours is inside it.
 */
public final class RunOne {

    private RunOne() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: RunOne <tool> <scenario> <N> <jdbcUrl> <workdir>");
            System.exit(2);
        }
        String tool = args[0];
        String scenario = args[1];
        int n = Integer.parseInt(args[2]);
        String jdbcUrl = args[3];
        Path workdir = Path.of(args[4]);
        // migrator-wide: migrator (JDBC) on the wide graph's scripts (Scripts.migratorWide)
        Path scripts = prepare(workdir, n, tool.equals("migrator-wide") ? tool : tool.startsWith("migrator") ? "migrator"
                : tool);
        String engine = tool.equals("migrator-wide") ? "migrator" : tool;
        // Liquibase would otherwise report usage to its vendor; no update check exists in liquibase-core
        System.setProperty("liquibase.analytics.enabled", "false");
        // Offline runs get "-" for the URL and load no driver
        @Nullable CountingDataSource dataSource = jdbcUrl.startsWith("jdbc:") ? new CountingDataSource(jdbcUrl) : null;
        // Like the DataSource, R2DBC's ConnectionFactory is built before the clock starts: an
        // application's context hands either over ready (neither is connected yet).
        @Nullable ConnectionFactory connectionFactory = tool.equals("migrator-r2dbc")
                ? ConnectionFactories.get(r2dbcUrl(jdbcUrl)) : null;

        if (scenario.equals("plan-warm")) {
            for (int i = 0; i < 5; i++) {
                plan(scripts);
            }
        }
        long t0 = System.nanoTime();
        long steps = switch (engine + " " + scenario) {
            case "baseline select1" -> selectOne(dataSource);
            case "migrator noop", "migrator apply" -> Migrator.create(dataSource, config(scripts)).upgrade("heads").stepsRun();
            case "migrator-r2dbc noop", "migrator-r2dbc apply" -> ReactiveMigrator
                    .create(connectionFactory, config(scripts)).blocking()
                    .upgrade("heads").stepsRun();
            case "migrator offline" -> write(workdir, tool, Migrator.offline(config(scripts))
                    .script(Dialects.byName("postgresql"), Command.UPGRADE, "base:heads"));
            case "migrator plan", "migrator plan-warm" -> plan(scripts);
            case "flyway noop", "flyway apply" -> Flyway.configure().dataSource(dataSource)
                    .locations("filesystem:" + scripts).load().migrate().migrationsExecuted;
            case "liquibase noop", "liquibase apply" -> liquibaseUpdate(dataSource, scripts);
            case "liquibase offline" -> liquibaseUpdateSql(dataSource, workdir, scripts);
            default -> throw new IllegalArgumentException("no scenario " + scenario + " for " + tool);
        };
        long nanos = System.nanoTime() - t0;

        System.out.printf(Locale.ROOT, "RESULT tool=%s scenario=%s n=%d call_ms=%.3f steps=%d connections=%d classes=%d%n",
                tool, scenario, n, nanos / 1e6, steps, dataSource == null || tool.endsWith("r2dbc") ? -1 : dataSource.opened(),
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    }

    /** The tool's scripts for N revisions under the workdir, written on first use. */
    static Path prepare(Path workdir, int n, String tool) throws Exception {
        Path dir = workdir.resolve("n" + n);
        Path done = dir.resolve(tool + ".done");
        if (Files.exists(done) || tool.equals("baseline")) {
            return dir.resolve(tool);
        }
        Path target = dir.resolve(tool);
        switch (tool) {
            case "migrator" -> Scripts.migrator(target, n);
            case "migrator-wide" -> Scripts.migratorWide(target, n);
            case "flyway" -> Scripts.flyway(target, n);
            case "liquibase" -> Scripts.liquibase(target, n);
            case "psql" -> Scripts.psql(dir.resolve("psql.sql"), n);
            // the SQL migrator's online run sends, bookkeeping included: its offline script for base:heads
            case "psql-script" -> Files.writeString(dir.resolve("psql-script.sql"), Migrator
                    .offline(config(prepare(workdir, n, "migrator")))
                    .script(Dialects.byName("postgresql"), Command.UPGRADE, "base:heads"));
            default -> throw new IllegalArgumentException("unknown tool " + tool);
        }
        Files.writeString(done, "");
        return target;
    }

    private static long selectOne(CountingDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            rows.next();
            return rows.getInt(1) == 1 ? 0 : -1;
        }
    }

    private static MigratorConfig config(Path scripts) {
        return MigratorConfig.builder().locations("filesystem:" + scripts).build();
    }


    private static long plan(Path scripts) {
        ScriptCatalog catalog = Migrator.offline(config(scripts)).scripts(Dialects.byName("postgresql"));
        return new Planner(catalog.graph()).upgrade(Set.of(), "heads").steps().size();
    }

    private static long liquibaseUpdate(CountingDataSource dataSource, Path scripts) throws Exception {
        Connection connection = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        try {
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(scripts)), () -> {
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "master.xml")
                        .execute();
            });
        } finally {
            database.close();
        }
        return -1; // Liquibase's update reports no count; the driver counts the tables
    }

    /**
     * Liquibase's updateSQL: against the given empty database (it reads its tables' absence and changes nothing), or,
     * with {@code -} for the URL, against its offline database ({@code offline:postgresql}, the state in a CSV file
     * that starts absent). The driver uses the former: that is how updateSQL is normally run, and the offline
     * database took about twice as long at N = 1,000 (docs/performance.md).
     */
    private static long liquibaseUpdateSql(@Nullable CountingDataSource dataSource, Path workdir, Path scripts)
            throws Exception {
        Path out = output(workdir, "liquibase");
        Connection connection = dataSource == null ? null : dataSource.getConnection();
        Path csv = workdir.resolve("liquibase-offline-changelog.csv");
        Files.deleteIfExists(csv);
        Database database = connection != null
                ? DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection))
                : null;
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out))) {
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(scripts)), () -> {
                CommandScope updateSql = new CommandScope(UpdateSqlCommandStep.COMMAND_NAME)
                        .addArgumentValue(UpdateSqlCommandStep.CHANGELOG_FILE_ARG, "master.xml")
                        .setOutput(stream);
                if (database != null) {
                    updateSql.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database);
                } else {
                    updateSql.addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG,
                            "offline:postgresql?outputLiquibaseSql=all&changeLogFile=" + csv);
                }
                updateSql.execute();
            });
        } finally {
            if (database != null) {
                database.close();
            }
        }
        return -1;
    }

    private static long write(Path workdir, String tool, String script) throws Exception {
        Files.writeString(output(workdir, tool), script);
        return -1;
    }

    /** Where a tool's offline script goes; the driver counts its CREATE TABLE statements. */
    static Path output(Path workdir, String tool) {
        return workdir.resolve("offline-" + tool + ".sql");
    }

    /** {@code jdbc:postgresql://host:port/db?user=u} to {@code r2dbc:postgresql://u@host:port/db}. */
    static String r2dbcUrl(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        String user = "postgres";
        int query = rest.indexOf('?');
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&")) {
                if (pair.startsWith("user=")) {
                    user = pair.substring("user=".length());
                }
            }
            rest = rest.substring(0, query);
        }
        return "r2dbc:postgresql://" + user + "@" + rest;
    }
}
