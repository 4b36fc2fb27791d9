package dev.migrator.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every scenario, each measured run in its own JVM ({@link RunOne}) or psql process on a freshly
 * created database, the tools alternating run by run, and writes the markdown report.
 *
 * <p>{@code Driver [N] [rounds] [--warmup W] [--scenarios noop,apply,offline,plan] [--plan-size 10000]
 * [--work DIR] [--out FILE] [--pg-host H] [--pg-port P] [--pg-user U]}. Extra JVM options for the
 * measured JVMs come from the environment variable {@code BENCH_JAVA_OPTS} (none by default).
 */
public final class Driver {

    private static final Pattern RESULT = Pattern.compile(
            "^RESULT tool=(\\S+) scenario=(\\S+) n=(\\d+) call_ms=([0-9.]+) steps=(-?\\d+) connections=(-?\\d+) "
                    + "classes=(\\d+)$", Pattern.MULTILINE);
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE t\\d+ ");

    private static final String MIGRATOR = "migrator";
    private static final String R2DBC = "migrator-r2dbc";
    /** migrator (JDBC) on a wide graph of N revisions (branches and merges), for the scale figures. */
    private static final String WIDE = "migrator-wide";
    private static final String FLYWAY = "flyway";
    private static final String LIQUIBASE = "liquibase";
    private static final String PSQL = "psql";
    /** psql running migrator's offline script: the same SQL as migrator's online run, bookkeeping included. */
    private static final String PSQL_SCRIPT = "psql-script";
    private static final String BASELINE = "baseline";
    /** The boot benchmark's service with no migration tool on its class path. */
    private static final String NONE = "none";
    /** The no-tool service reading the database once at startup: what connecting costs a tool that reads it then. */
    private static final String CONNECT = "connect";
    /** migrator's starter with {@code migrator.phase=initialization}: during the context's refresh, where Flyway runs. */
    private static final String MIGRATOR_INIT = "migrator-init";
    /**
     * Jars of {@code boot-lib/common} (by name) that only a servlet service over JDBC has: Tomcat, Spring MVC, Spring's
     * JDBC support, HikariCP and the JDBC driver. The reactive service runs without them.
     */
    private static final List<String> SERVLET_AND_JDBC = List.of("tomcat-embed-", "spring-boot-tomcat-",
            "spring-boot-starter-tomcat-", "spring-boot-webmvc-", "spring-webmvc-", "spring-boot-starter-webmvc-",
            "spring-boot-servlet-", "spring-boot-http-converter-", "spring-boot-starter-jdbc-", "spring-boot-jdbc-",
            "spring-jdbc-", "HikariCP-", "postgresql-");
    private static final Pattern READY = Pattern.compile("^READY uptime_ms=(\\d+) cpu_ms=(-?\\d+) classes=(\\d+) beans=(\\S+) startup_query=(-?\\d+)$",
            Pattern.MULTILINE);

    /** The endpoints scenario's two database states. */
    static final String ENDPOINTS_SCALE = "scale";
    static final String ENDPOINTS_HISTORY = "history";
    /** Requests per endpoint and state in a round: untimed first, then timed. */
    private static final int ENDPOINT_WARMUP = 3;
    private static final int ENDPOINT_REQUESTS = 10;

    /**
     * The tools of each scenario, in the order they alternate within a round: each run that a
     * target compares migrator with runs right next to migrator's (the server's speed drifts over
     * minutes on a shared machine, and a pair is only as good as it is close in time).
     */
    private static final Map<String, List<String>> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put("noop", List.of(BASELINE, MIGRATOR, FLYWAY, R2DBC, LIQUIBASE));
        TOOLS.put("apply", List.of(PSQL_SCRIPT, PSQL, MIGRATOR, R2DBC, FLYWAY, LIQUIBASE));
        TOOLS.put("offline", List.of(MIGRATOR, LIQUIBASE));
        TOOLS.put("plan", List.of(MIGRATOR));
        // The boot benchmark: the same Spring Boot service with no tool, migrator's starter, Boot's Flyway and
        // Liquibase support; each added time is paired with the no-tool boot of the same round
        TOOLS.put("boot-noop", List.of(NONE, CONNECT, MIGRATOR, MIGRATOR_INIT, FLYWAY, LIQUIBASE));
        TOOLS.put("boot-apply", List.of(NONE, PSQL_SCRIPT, MIGRATOR, MIGRATOR_INIT, FLYWAY, LIQUIBASE));
        // The same for a reactive service (WebFlux, R2DBC): migrator over its R2DBC, Flyway and Liquibase over JDBC
        TOOLS.put("boot-r2dbc-noop", List.of(NONE, CONNECT, MIGRATOR, FLYWAY, LIQUIBASE));
        TOOLS.put("boot-r2dbc-apply", List.of(NONE, PSQL_SCRIPT, MIGRATOR, FLYWAY, LIQUIBASE));
        // Schema per tenant: migrator alone, one variant per parallelism (--parallelism), filled in by the constructor
        TOOLS.put("schemas-apply", List.of());
        TOOLS.put("schemas-noop", List.of());
        // Scale (issue 22): the line and the wide graph at --scale-size; the same scenarios at N run both shapes too,
        // so that the growth ratio is of one invocation
        TOOLS.put("scale-noop", List.of(MIGRATOR, WIDE));
        TOOLS.put("scale-apply", List.of(MIGRATOR, WIDE));
        TOOLS.put("scale-offline", List.of(MIGRATOR, WIDE));
        // The no-op at N with a history of --history-rows rows: set against the no-op scenario's migrator at N
        TOOLS.put("history-noop", List.of(MIGRATOR));
        // The actuator's migrations endpoint and health in a warm service: at --scale-size revisions, and at N with
        // the long history
        TOOLS.put("endpoints", List.of(ENDPOINTS_SCALE, ENDPOINTS_HISTORY));
    }


    /** The schema-per-tenant scenarios' variant for a parallelism: {@code schemas-p4}. */
    private static final String SCHEMAS_P = "schemas-p";

    private final int n;
    private final int rounds;
    private final int warmup;
    private final int planSize;
    /** Scale: revisions of the scale scenarios, and history rows of history-noop and the endpoints' history state. */
    private final int scaleSize;
    private final int historyRows;
    /** Schema per tenant: how many schemas, of how many revisions each. */
    private final int tenants;
    private final int tenantRevisions;
    private final Set<String> scenarios;
    /** The tools of each scenario, as {@link #TOOLS} has them or as {@code --tools} narrows them. */
    private final Map<String, List<String>> tools = new LinkedHashMap<>();
    private final Path work;
    private final Path out;
    private final String host;
    private final int port;
    private final String user;
    private final List<String> javaOpts;
    private final String prefix = "mbench_" + ProcessHandle.current().pid() + "_";
    private final Set<String> databases = Collections.synchronizedSet(new LinkedHashSet<>());
    private final boolean gnuTime;
    private final List<Run> runs = new ArrayList<>();
    private int sequence;
    private boolean failed;

    private Driver(Map<String, String> options, List<String> positional) {
        n = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 1000;
        rounds = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 5;
        warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
        planSize = Integer.parseInt(options.getOrDefault("plan-size", "10000"));
        scaleSize = Integer.parseInt(options.getOrDefault("scale-size", String.valueOf(10 * n)));
        historyRows = Integer.parseInt(options.getOrDefault("history-rows", "100000"));
        if (historyRows < n) {
            throw new IllegalArgumentException("--history-rows " + historyRows + " is below N = " + n);
        }
        tenants = Integer.parseInt(options.getOrDefault("tenants", "200"));
        tenantRevisions = Integer.parseInt(options.getOrDefault("tenant-revisions", "20"));
        List<String> parallelism = new ArrayList<>();
        for (String value : options.getOrDefault("parallelism", "1,2,4,8").split(",")) {
            parallelism.add(SCHEMAS_P + Integer.parseInt(value.trim()));
        }
        scenarios = new LinkedHashSet<>(Arrays.asList(options.getOrDefault("scenarios",
                "noop,apply,offline,plan,boot-noop,boot-apply,boot-r2dbc-noop,boot-r2dbc-apply,schemas-apply,schemas-noop,"
                        + "scale-noop,scale-apply,scale-offline,history-noop,endpoints").split(",")));
        work = Path.of(options.getOrDefault("work", "benchmarks/target/bench-work")).toAbsolutePath();
        out = Path.of(options.getOrDefault("out", "benchmarks/target/results.md")).toAbsolutePath();
        host = options.getOrDefault("pg-host", "127.0.0.1");
        port = Integer.parseInt(options.getOrDefault("pg-port", "5432"));
        user = options.getOrDefault("pg-user", "postgres");
        String opts = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "").trim();
        javaOpts = opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
        gnuTime = probeGnuTime();
        // --tools migrator,migrator-wide: only these tools in every scenario (migrator-wide runs only when named)
        List<String> only = options.containsKey("tools") ? List.of(options.get("tools").split(",")) : null;
        for (String scenario : scenarios) {
            if (!TOOLS.containsKey(scenario)) {
                throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + TOOLS.keySet());
            }
            List<String> list = new ArrayList<>(scenario.startsWith("schemas-") ? parallelism : TOOLS.get(scenario));
            if (scenarios.contains("scale-" + scenario) && only == null) {
                list.add(list.indexOf(MIGRATOR) + 1, WIDE);
            }
            if (only != null && !scenario.startsWith("schemas-") && !scenario.equals("endpoints")) {
                if (List.of("noop", "apply", "offline").contains(scenario)) {
                    list.add(list.indexOf(MIGRATOR) + 1, WIDE);
                }
                list.retainAll(only);
            }
            tools.put(scenario, list);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        Driver driver = new Driver(options, positional);
        Runtime.getRuntime().addShutdownHook(new Thread(driver::dropLeftovers));
        int exit = driver.run();
        System.exit(exit);
    }

    private int run() throws Exception {
        Instant start = Instant.now();
        String loadBefore = loadAverage();
        log("N=%d, %d warm-up + %d counted rounds, scenarios %s; work dir %s; peak RSS from %s", n, warmup, rounds,
                scenarios, work, gnuTime ? "/usr/bin/time -f %M" : "VmHWM polled from /proc");
        prepareScripts();
        Map<String, String> templates = new LinkedHashMap<>();
        if (scenarios.contains("noop")) {
            templates = noopTemplates();
        }
        if (scenarios.contains("boot-noop") || scenarios.contains("boot-r2dbc-noop")) {
            templates.putAll(bootTemplates());
        }
        if (scenarios.contains("schemas-noop")) {
            templates.put("schemas-noop", schemasTemplate());
        }
        if (scenarios.contains("scale-noop") || scenarios.contains("endpoints")) {
            templates.putAll(scaleTemplates());
        }
        if (scenarios.contains("history-noop") || scenarios.contains("endpoints")) {
            templates.put("history", historyTemplate());
        }
        for (String scenario : scenarios) {
            for (int round = -warmup; round < rounds; round++) {
                if (scenario.equals("endpoints")) {
                    runs.addAll(measureEndpoints(round, templates));
                    continue;
                }
                for (String tool : tools.get(scenario)) {
                    runs.add(measure(scenario, tool, round, templates));
                }
            }
        }
        // For comparison, not counted: load and plan once the JIT has seen it (5 untimed repeats first, same JVM)
        double planWarmMs = Double.NaN;
        if (scenarios.contains("plan")) {
            Outcome warm = execute(MIGRATOR, "plan-warm", null, planSize);
            String problem = warm.problem != null ? warm.problem : check("plan", MIGRATOR, null, planSize, warm);
            if (problem == null) {
                planWarmMs = warm.callMs;
                log("plan    JIT-warm  %-14s call %6.0f ms (not counted)", MIGRATOR, planWarmMs);
            } else {
                log("plan-warm failed (not counted): %s%n%s", problem, tail(warm.log));
            }
        }
        for (String template : templates.values()) {
            drop(template);
        }
        Duration took = Duration.between(start, Instant.now());
        String report = new Report(n, rounds, warmup, planSize, scaleSize, historyRows, tenants, tenantRevisions, planWarmMs, runs, machine(loadBefore, loadAverage(), took))
                .markdown();
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        Files.writeString(out.resolveSibling("runs.csv"), csv());
        double measured = runs.stream().mapToDouble(Run::wallMs).sum() / 1000;
        log("wrote %s and %s in %d s (measured processes %.0f s; the rest is script generation, no-op templates,"
                + " databases created and dropped, checks)", out, out.resolveSibling("runs.csv"), took.toSeconds(),
                measured);
        return failed ? 1 : 0;
    }

    /** Every tool's scripts for N (and migrator's for the plan size), written before anything is timed. */
    private void prepareScripts() throws Exception {
        long t0 = System.nanoTime();
        for (String tool : List.of(MIGRATOR, FLYWAY, LIQUIBASE, PSQL, PSQL_SCRIPT)) {
            RunOne.prepare(work, n, tool);
        }
        if (tools.values().stream().anyMatch(list -> list.contains(WIDE))) {
            RunOne.prepare(work, n, WIDE);
        }
        if (scenarios.contains("plan")) {
            RunOne.prepare(work, planSize, MIGRATOR);
        }
        if (scenarios.stream().anyMatch(scenario -> scenario.startsWith("scale-") || scenario.equals("endpoints"))) {
            RunOne.prepare(work, scaleSize, MIGRATOR);
            RunOne.prepare(work, scaleSize, WIDE);
        }
        log("scripts ready in %d ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** A new database with the tool's {@code size} revisions applied (untimed, checked as an apply is). */
    private Outcome appliedTemplate(String name, String tool, int size, String what) throws Exception {
        create(name, "template0");
        Outcome setup = execute(tool, "apply", name, size);
        String problem = setup.problem != null ? setup.problem : check("apply", tool, name, size, setup);
        if (problem != null) {
            throw new IllegalStateException("setting up " + what + " for " + tool + " failed: " + problem + "\n"
                    + tail(setup.log));
        }
        return setup;
    }

    /** For the no-op: one database per tool with the N revisions applied by that tool, copied for every run. */
    private Map<String, String> noopTemplates() throws Exception {
        Map<String, String> templates = new LinkedHashMap<>();
        for (String tool : List.of(MIGRATOR, WIDE, FLYWAY, LIQUIBASE)) {
            List<String> noop = tools.get("noop");
            if (!noop.contains(tool) && !(tool.equals(MIGRATOR) && (noop.contains(R2DBC) || noop.contains(BASELINE)))) {
                continue;
            }
            String name = prefix + "tpl_" + tool.replace('-', '_');
            Outcome setup = appliedTemplate(name, tool, n, "the no-op template");
            templates.put(tool, name);
            log("no-op template for %s: N applied in %.1f s (untimed setup)", tool, setup.wallMs / 1000);
        }
        templates.put(R2DBC, templates.get(MIGRATOR));
        templates.put(BASELINE, templates.get(MIGRATOR));
        return templates;
    }

    /**
     * For the boot no-op: one database per tool that the tool's variant of the service migrated at startup (untimed), so
     * that each tool finds its own bookkeeping as it wrote it (Liquibase records the change log's path as Boot names it).
     * The reactive service's no-op starts on the same copies: each tool keeps the same books over R2DBC or JDBC.
     */
    private Map<String, String> bootTemplates() throws Exception {
        Map<String, String> templates = new LinkedHashMap<>();
        for (String tool : List.of(MIGRATOR, FLYWAY, LIQUIBASE)) {
            List<String> bootNoop = new ArrayList<>(tools.getOrDefault("boot-noop", List.of()));
            bootNoop.addAll(tools.getOrDefault("boot-r2dbc-noop", List.of()));
            if (!bootNoop.contains(tool) && !(tool.equals(MIGRATOR)
                    && (bootNoop.contains(NONE) || bootNoop.contains(CONNECT) || bootNoop.contains(MIGRATOR_INIT)))) {
                continue;
            }
            String name = prefix + "tpl_boot_" + tool;
            create(name, "template0");
            Outcome setup = executeBoot("boot-apply", tool, name, n);
            String problem = setup.problem != null ? setup.problem : check("boot-apply", tool, name, n, setup);
            if (problem != null) {
                throw new IllegalStateException("setting up the boot no-op template for " + tool + " failed: "
                        + problem + "\n" + tail(setup.log));
            }
            templates.put("boot-" + tool, name);
            log("boot no-op template for %s: the service applied N and was ready in %.1f s (untimed setup)", tool,
                    setup.callMs / 1000);
        }
        templates.put("boot-" + NONE, templates.get("boot-" + MIGRATOR));
        templates.put("boot-" + CONNECT, templates.get("boot-" + MIGRATOR));
        templates.put("boot-" + MIGRATOR_INIT, templates.get("boot-" + MIGRATOR));
        return templates;
    }

    /** For the scale no-op and the endpoints: the line and the wide graph of the scale size applied (untimed). */
    private Map<String, String> scaleTemplates() throws Exception {
        Map<String, String> templates = new LinkedHashMap<>();
        for (String tool : List.of(MIGRATOR, WIDE)) {
            if (!tools.getOrDefault("scale-noop", List.of()).contains(tool) && !tool.equals(MIGRATOR)) {
                continue;
            }
            String name = prefix + "tpl_scale_" + tool.replace('-', '_');
            Outcome setup = appliedTemplate(name, tool, scaleSize, "the scale template");
            templates.put("scale-" + tool, name);
            log("scale template for %s: %d revisions applied in %.1f s (untimed setup)", tool, scaleSize,
                    setup.wallMs / 1000);
        }
        return templates;
    }

    /**
     * For the no-op with a long history: N applied, then older rows (lower, negative ids: upgrades and downgrades of the
     * same revisions) up to {@code --history-rows}, so that the newest row of every revision, and so the state, is
     * that of the plain no-op's database.
     */
    private String historyTemplate() throws Exception {
        String name = prefix + "tpl_history";
        appliedTemplate(name, MIGRATOR, n, "the history template");
        try (Connection connection = DriverManager.getConnection(url(name));
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO migrator_history (id, revision, direction, outcome, checksum, message,"
                    + " duration_ms, statements, applied_by) SELECT -g, 'r' || lpad((g % " + n + " + 1)::text, 6, '0'),"
                    + " CASE WHEN g % 2 = 0 THEN 'upgrade' ELSE 'downgrade' END, 'success', NULL, 'older history', 1, 1,"
                    + " 'benchmark' FROM generate_series(1, " + (historyRows - n) + ") AS g");
            statement.execute("VACUUM ANALYZE migrator_history");
        }
        String rows = checkHistoryRows(name, historyRows);
        if (rows != null) {
            throw new IllegalStateException("setting up the history template failed: " + rows);
        }
        log("history template: %d revisions applied, history of %d rows (untimed setup)", n, historyRows);
        return name;
    }

    /** For the schema-per-tenant no-op: the tenants' schemas migrated (untimed), copied for every run. */
    private String schemasTemplate() throws Exception {
        String name = prefix + "tpl_schemas";
        create(name, "template0");
        createTenantSchemas(name);
        String widest = tools.get("schemas-noop").get(tools.get("schemas-noop").size() - 1);
        Outcome setup = execute(widest, "schemas-apply", name, tenants);
        String problem = setup.problem != null ? setup.problem : check("schemas-apply", widest, name, tenants, setup);
        if (problem != null) {
            throw new IllegalStateException("setting up the schema-per-tenant template failed: " + problem + "\n"
                    + tail(setup.log));
        }
        log("schema-per-tenant template: %d schemas of %d revisions applied in %.1f s (untimed setup)", tenants,
                tenantRevisions, setup.wallMs / 1000);
        return name;
    }

    private void createTenantSchemas(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database));
                Statement statement = connection.createStatement()) {
            for (String schema : ManySchemas.names(tenants)) {
                statement.execute("CREATE SCHEMA " + schema);
            }
        }
    }

    private Run measure(String scenario, String tool, int round, Map<String, String> templates) throws Exception {
        // Liquibase's updateSQL reads an empty database (docs/performance.md); migrator's offline script needs none
        boolean boot = scenario.startsWith("boot-");
        boolean schemas = scenario.startsWith("schemas-");
        // The scale scenarios and the long history's no-op run as the plain ones, on other scripts or databases
        String plain = scenario.startsWith("scale-") ? scenario.substring("scale-".length())
                : scenario.equals("history-noop") ? "noop" : scenario;
        boolean online = plain.equals("noop") || plain.equals("apply") || boot || schemas
                || plain.equals("offline") && tool.equals(LIQUIBASE);
        int size = scenario.equals("plan") ? planSize : schemas ? tenants : scenario.startsWith("scale-") ? scaleSize : n;
        String database = null;
        if (online) {
            database = prefix + "r" + (++sequence);
            create(database, scenario.equals("noop") ? templates.get(tool)
                    : scenario.equals("scale-noop") ? templates.get("scale-" + tool)
                    : scenario.equals("history-noop") ? templates.get("history")
                    : boot && scenario.endsWith("-noop") ? templates.get("boot-" + tool)
                    : scenario.equals("schemas-noop") ? templates.get("schemas-noop") : "template0");
            if (scenario.equals("schemas-apply")) {
                createTenantSchemas(database);
            }
        }
        Outcome outcome;
        try {
            outcome = boot && !tool.equals(PSQL_SCRIPT) ? executeBoot(scenario, tool, database, size)
                    : execute(tool, plain.equals("noop") && tool.equals(BASELINE) ? "select1" : plain, database,
                            size);
            if (outcome.problem == null) {
                outcome.problem = check(plain, tool, database, size, outcome);
            }
            if (outcome.problem == null && scenario.equals("history-noop")) {
                outcome.problem = checkHistoryRows(database, historyRows);
            }
        } finally {
            if (database != null) {
                drop(database);
            }
        }
        Run run = new Run(scenario, tool, round, outcome.callMs, outcome.wallMs, outcome.rssKb, outcome.connections,
                outcome.classes, outcome.eventMs, outcome.cpuMs, outcome.problem, -1);
        if (outcome.problem != null) {
            failed = true;
            log("FAILED %s %s round %d: %s%n%s", scenario, tool, round, outcome.problem, tail(outcome.log));
        } else {
            log("%-7s %-9s %-14s %s %9s  whole %8.0f ms  peak RSS %4d MB", scenario,
                    round < 0 ? "warm-up" : "round " + (round + 1), tool, boot ? "ready" : "call ",
                    outcome.callMs < 0 ? "-" : String.format(Locale.ROOT, "%.0f ms", outcome.callMs), outcome.wallMs,
                    outcome.rssKb / 1024);
        }
        return run;
    }

    /** Checks that the run did the work, so that a tool that silently did nothing cannot win. */
    private String check(String scenario, String tool, String database, int size, Outcome outcome) throws Exception {
        switch (scenario) {
            case "apply" -> {
                if (outcome.steps >= 0 && outcome.steps != size) {
                    return "reported " + outcome.steps + " revisions applied, expected " + size;
                }
                String tables = checkTables(database, size);
                return tables != null || tool.equals(PSQL) ? tables : checkBookkeeping(database, tool, size);
            }
            case "noop" -> {
                if (outcome.steps > 0) {
                    return "the no-op ran " + outcome.steps + " revisions";
                }
                if (tool.equals(BASELINE)) {
                    return outcome.steps == 0 ? null : "select 1 did not answer 1";
                }
                String tables = checkTables(database, size);
                return tables != null ? tables : checkBookkeeping(database, tool, size);
            }
            case "offline" -> {
                String script = Files.readString(RunOne.output(work, tool));
                Matcher matcher = CREATE_TABLE.matcher(script);
                int count = 0;
                while (matcher.find()) {
                    count++;
                }
                if (count != size) {
                    return "the script creates " + count + " tables, expected " + size;
                }
                return database == null ? null : checkTables(database, 0);
            }
            case "plan" -> {
                return outcome.steps == size ? null : "planned " + outcome.steps + " steps, expected " + size;
            }
            case "schemas-apply", "schemas-noop" -> {
                long steps = scenario.equals("schemas-apply") ? (long) tenants * tenantRevisions : 0;
                if (outcome.steps != steps) {
                    return outcome.steps < 0 ? "some schemas failed (FAILED lines in the log)"
                            : "applied " + outcome.steps + " revisions in all, expected " + steps;
                }
                return checkTenants(database);
            }
            case "boot-noop", "boot-apply", "boot-r2dbc-noop", "boot-r2dbc-apply" -> {
                if (tool.equals(PSQL_SCRIPT)) {
                    String tables = checkTables(database, size);
                    return tables != null ? tables : checkBookkeeping(database, tool, size);
                }
                // The variant ran its tool and no other: its migration bean, by name, is the only one
                boolean noTool = withoutTool(tool);
                String expected = noTool ? "none" : tool.equals(MIGRATOR_INIT) ? MIGRATOR : tool;
                if (!expected.equals(outcome.beans)) {
                    return "the service's migration beans are " + outcome.beans + ", expected " + expected;
                }
                // Without a tool the apply's database stays empty; the service answered over its pool either way
                int tables = tool.equals(NONE) && scenario.endsWith("-apply") ? 0 : size;
                if (outcome.steps != tables) {
                    return "the service's /tables answered " + outcome.steps + ", expected " + tables;
                }
                String problem = checkTables(database, tables);
                if (problem == null && outcome.startupQuery != (tool.equals(CONNECT) ? tables : -1)) {
                    problem = "the service's query at startup answered " + outcome.startupQuery + ", expected "
                            + (tool.equals(CONNECT) ? tables : -1);
                }
                if (problem != null || noTool) {
                    return problem;
                }
                boolean migrator = tool.equals(MIGRATOR) || tool.equals(MIGRATOR_INIT);
                problem = checkBookkeeping(database, migrator ? MIGRATOR : tool, size);
                return problem != null || !migrator ? problem : checkHead(database, size);
            }
            default -> throw new IllegalArgumentException(scenario);
        }
    }

    /** The history table holds exactly this many rows (a no-op on the long history wrote none). */
    private String checkHistoryRows(String database, long expected) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM migrator_history")) {
            rows.next();
            return rows.getLong(1) == expected ? null
                    : "migrator_history holds " + rows.getLong(1) + " rows, expected " + expected;
        }
    }

    /** Every tenant's schema holds the revisions' tables and its version table exactly the last revision. */
    private String checkTenants(String database) throws SQLException {
        String last = String.format(Locale.ROOT, "r%06d", tenantRevisions);
        try (Connection connection = DriverManager.getConnection(url(database));
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_catalog.pg_tables"
                    + " WHERE schemaname LIKE 'tenant\\_%' AND tablename ~ '^t[0-9]+$'")) {
                rows.next();
                long expected = (long) tenants * tenantRevisions;
                if (rows.getLong(1) != expected) {
                    return "the tenants' schemas hold " + rows.getLong(1) + " tables t<i>, expected " + expected;
                }
            }
            for (String schema : ManySchemas.names(tenants)) {
                List<String> heads = versionRows(statement, schema + ".migrator_version");
                if (!heads.equals(List.of(last))) {
                    return schema + ".migrator_version holds " + heads + ", expected " + last;
                }
            }
        }
        return null;
    }

    private String checkTables(String database, int expected) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_catalog.pg_tables"
                        + " WHERE schemaname = 'public' AND tablename ~ '^t[0-9]+$'")) {
            rows.next();
            int tables = rows.getInt(1);
            return tables == expected ? null : "the database has " + tables + " tables t<i>, expected " + expected;
        }
    }

    /**
     * The tool's own record holds exactly N applied revisions: after an apply, all of them; after a no-op, still the
     * N of the template (a no-op that re-ran or recorded anything would add rows).
     */
    private String checkBookkeeping(String database, String tool, int expected) throws SQLException {
        String query = switch (tool) {
            case FLYWAY -> "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL";
            case LIQUIBASE -> "SELECT count(*) FROM databasechangelog WHERE exectype = 'EXECUTED'";
            // history-noop's older rows have negative ids (historyTemplate)
            case MIGRATOR, R2DBC, WIDE, PSQL_SCRIPT -> "SELECT count(*) FROM migrator_history WHERE direction = 'upgrade'"
                    + " AND outcome = 'success' AND id > 0";
            default -> throw new IllegalArgumentException(tool);
        };
        try (Connection connection = DriverManager.getConnection(url(database));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            int recorded = rows.getInt(1);
            return recorded == expected ? null
                    : tool + "'s bookkeeping records " + recorded + " applied revisions, expected " + expected;
        }
    }

    /** migrator's version table holds one row, the last revision (after an apply, and still after a no-op). */
    private String checkHead(String database, int size) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database));
                Statement statement = connection.createStatement()) {
            List<String> heads = versionRows(statement, "migrator_version");
            String expected = String.format(Locale.ROOT, "r%06d", size);
            return heads.equals(List.of(expected)) ? null : "migrator_version holds " + heads + ", expected " + expected;
        }
    }

    private static List<String> versionRows(Statement statement, String table) throws SQLException {
        List<String> heads = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT version_num FROM " + table)) {
            while (rows.next()) {
                heads.add(rows.getString(1));
            }
        }
        return heads;
    }

    /**
     * One boot of the service ({@code dev.migrator.benchmarks.boot.BootService}) with one tool's folder on its class
     * path (none for {@code none}): from the process's start to its READY line (ApplicationReadyEvent), watched in its
     * output every 10 ms, after which its readiness probe must answer 200. Then the service's own endpoint is asked for the tables it sees (in {@code steps}), and the JVM
     * is stopped with SIGTERM (Boot's graceful shutdown). {@code eventMs} is the JVM's uptime that the service printed
     * at ApplicationReadyEvent.
     */
    private Outcome executeBoot(String scenario, String tool, String database, int size) throws Exception {
        return executeBoot(scenario, tool, database, size, List.of(), port -> { });
    }

    /** What runs against a booted service before it is stopped; gets its HTTP port. */
    private interface WhileUp {
        void run(int port) throws Exception;
    }

    /**
     * The endpoints scenario's round: the servlet service with migrator's starter booted (untimed) on a copy of each
     * state's database, then {@value #ENDPOINT_WARMUP} untimed and {@value #ENDPOINT_REQUESTS} timed GETs of
     * {@code /actuator/migrations} and of {@code /actuator/health} (details shown, so the migrations component is
     * asked); one run per endpoint and state, its call time the median of the timed requests.
     */
    private List<Run> measureEndpoints(int round, Map<String, String> templates) throws Exception {
        List<Run> measured = new ArrayList<>();
        for (String state : tools.get("endpoints")) {
            int size = state.equals(ENDPOINTS_SCALE) ? scaleSize : n;
            String database = prefix + "r" + (++sequence);
            create(database, templates.get(state.equals(ENDPOINTS_SCALE) ? "scale-" + MIGRATOR : "history"));
            Map<String, double[]> timings = new LinkedHashMap<>();
            Map<String, Long> bytes = new LinkedHashMap<>();
            Outcome outcome;
            try {
                outcome = executeBoot("boot-noop", MIGRATOR, database, size,
                        List.of("--management.endpoints.web.exposure.include=health,migrations",
                                "--management.endpoint.health.show-details=always"),
                        port -> {
                            for (String endpoint : List.of("migrations", "health")) {
                                String address = "http://127.0.0.1:" + port + "/actuator/" + endpoint;
                                double[] ms = new double[ENDPOINT_REQUESTS];
                                for (int i = -ENDPOINT_WARMUP; i < ENDPOINT_REQUESTS; i++) {
                                    long t0 = System.nanoTime();
                                    long read = httpBytes(address);
                                    if (i >= 0) {
                                        ms[i] = (System.nanoTime() - t0) / 1e6;
                                    }
                                    bytes.put(endpoint, read);
                                }
                                timings.put(endpoint, ms);
                            }
                        });
                if (outcome.problem == null) {
                    outcome.problem = check("boot-noop", MIGRATOR, database, size, outcome);
                }
                if (outcome.problem == null && state.equals(ENDPOINTS_HISTORY)) {
                    outcome.problem = checkHistoryRows(database, historyRows);
                }
            } finally {
                drop(database);
            }
            for (String endpoint : List.of("migrations", "health")) {
                double[] ms = timings.get(endpoint);
                String problem = outcome.problem != null ? outcome.problem
                        : ms == null || bytes.get(endpoint) <= 0 ? "GET /actuator/" + endpoint + " failed" : null;
                double median = problem != null ? -1 : Report.medianOf(Arrays.stream(ms).boxed().toList());
                measured.add(new Run("endpoints", state + "-" + endpoint, round, median, outcome.wallMs, outcome.rssKb,
                        -1, outcome.classes, -1, -1, problem, problem != null ? -1 : bytes.get(endpoint)));
                if (problem != null) {
                    failed = true;
                    log("FAILED endpoints %s-%s round %d: %s%n%s", state, endpoint, round, problem, tail(outcome.log));
                } else {
                    log("endpoints %-9s %-20s median %6.0f ms  %,d bytes", round < 0 ? "warm-up" : "round " + (round + 1),
                            state + " " + endpoint, median, bytes.get(endpoint));
                }
            }
        }
        return measured;
    }

    private Outcome executeBoot(String scenario, String tool, String database, int size, List<String> extraArgs,
            WhileUp whileUp) throws Exception {
        Path logs = Files.createDirectories(work.resolve("logs"));
        int id = ++sequence;
        Path log = logs.resolve(String.format("%04d-boot-%s.log", id, tool));
        Path rssFile = logs.resolve(String.format("%04d.rss", id));
        int httpPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            httpPort = socket.getLocalPort();
        }
        boolean reactive = scenario.startsWith("boot-r2dbc-");
        Path classes = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
        Path bootLib = classes.resolveSibling("boot-lib");
        String classPath = reactive ? reactiveClassPath(classes, bootLib, tool)
                : classes + java.io.File.pathSeparator + bootLib.resolve("common") + "/*"
                + (withoutTool(tool) ? "" : java.io.File.pathSeparator
                        + bootLib.resolve(tool.equals(MIGRATOR_INIT) ? MIGRATOR : tool) + "/*");
        Path scripts = work.resolve("n" + size).resolve(tool.equals(MIGRATOR_INIT) ? MIGRATOR : tool);
        List<String> command = new ArrayList<>();
        if (gnuTime) {
            command.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rssFile.toString()));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOpts);
        command.addAll(List.of("-cp", classPath, reactive ? "dev.migrator.benchmarks.reactiveboot.ReactiveBootService"
                : "dev.migrator.benchmarks.boot.BootService", "--server.port=" + httpPort,
                "--management.endpoint.health.probes.enabled=true"));
        if (reactive) {
            command.addAll(List.of("--spring.r2dbc.url=" + RunOne.r2dbcUrl(url(database)), "--spring.r2dbc.username=" + user));
            // Flyway and Liquibase have no R2DBC: a reactive service gives them a JDBC URL of their own
            if (tool.equals(FLYWAY) || tool.equals(LIQUIBASE)) {
                command.addAll(List.of("--spring." + tool + ".url=" + url(database), "--spring." + tool + ".user=" + user));
            }
        } else {
            command.add("--spring.datasource.url=" + url(database));
        }
        command.addAll(extraArgs);
        switch (tool) {
            case MIGRATOR -> command.add("--migrator.locations=filesystem:" + scripts);
            case MIGRATOR_INIT -> command.addAll(List.of("--migrator.locations=filesystem:" + scripts,
                    "--migrator.phase=initialization"));
            case FLYWAY -> command.add("--spring.flyway.locations=filesystem:" + scripts);
            case LIQUIBASE -> command.add("--spring.liquibase.change-log=file:" + scripts.resolve("master.xml"));
            case NONE -> { }
            case CONNECT -> command.add("--bench.connect-at-startup=true");
            default -> throw new IllegalArgumentException("no boot variant " + tool);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        long t0 = System.nanoTime();
        Process process = builder.start();
        long peakKb = 0;
        Thread poller = null;
        long[] peak = new long[1];
        if (!gnuTime) {
            poller = new Thread(() -> {
                try {
                    peak[0] = pollPeak(process);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            poller.start();
        }
        Outcome outcome;
        String ready = "http://127.0.0.1:" + httpPort + "/actuator/health/readiness";
        long deadline = t0 + TimeUnit.MINUTES.toNanos(30);
        double readyMs = -1;
        // Ready when the service prints its READY line (ApplicationReadyEvent, where readiness turns to accepting
        // traffic), watched in its output every 10 ms; then the probe must answer 200. Polling the probe itself every
        // 10 ms would load a service whose web server listens while it migrates (migrator's runner phase) with 100
        // requests a second, which no platform sends (docs/performance.md, "Ready").
        long readAt = 0;
        while (process.isAlive() && System.nanoTime() < deadline) {
            long length = Files.size(log);
            if (length > readAt) {
                if (readyLineSince(log, Math.max(0, readAt - 200))) {
                    readyMs = (System.nanoTime() - t0) / 1e6;
                    break;
                }
                readAt = length;
            }
            Thread.sleep(10);
        }
        String notReady = null;
        if (readyMs >= 0) {
            long probeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int status;
            while ((status = httpStatus(ready)) != 200 && System.nanoTime() < probeDeadline) {
                Thread.sleep(10);
            }
            if (status != 200) {
                notReady = "printed READY but the readiness probe answered " + status + " for 5 s";
                readyMs = -1;
            }
        }
        long tables = readyMs < 0 ? -1 : httpLong("http://127.0.0.1:" + httpPort + "/tables");
        if (readyMs >= 0) {
            whileUp.run(httpPort);
        }
        // SIGTERM to the JVM (under GNU time, its child), so that GNU time still reports the peak
        process.descendants().forEach(ProcessHandle::destroy);
        if (!gnuTime) {
            process.destroy();
        }
        boolean done = process.waitFor(2, TimeUnit.MINUTES);
        outcome = new Outcome(log, (System.nanoTime() - t0) / 1e6);
        if (!done) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            outcome.problem = "no exit within 2 minutes of SIGTERM";
            return outcome;
        }
        if (poller != null) {
            poller.join();
            peakKb = peak[0];
        }
        outcome.rssKb = gnuTime ? readRss(rssFile) : peakKb;
        if (readyMs < 0) {
            outcome.problem = notReady != null ? notReady : "not ready (exit code " + process.exitValue() + ")";
            return outcome;
        }
        outcome.callMs = readyMs;
        outcome.steps = tables;
        Matcher result = line(READY, outcome);
        if (result == null) {
            return outcome;
        }
        outcome.eventMs = Double.parseDouble(result.group(1));
        outcome.cpuMs = Double.parseDouble(result.group(2));
        outcome.classes = Integer.parseInt(result.group(3));
        outcome.beans = result.group(4);
        outcome.startupQuery = Long.parseLong(result.group(5));
        return outcome;
    }

    /**
     * The reactive service's class path: its classes, the reactive stack ({@code boot-lib/reactive}), what it shares
     * with the servlet service ({@code boot-lib/common} without {@link #SERVLET_AND_JDBC}), and the tool's folder with
     * the JDBC parts the tool brings into a reactive service: migrator's R2DBC starter ({@code boot-lib/migrator-r2dbc})
     * brings none, as it migrates over R2DBC; Flyway and Liquibase need Spring's JDBC support (their Boot modules
     * depend on it) and the JDBC driver, but no pool.
     */
    private static String reactiveClassPath(Path classes, Path bootLib, String tool) throws IOException {
        List<String> entries = new ArrayList<>(List.of(classes.toString(), bootLib.resolve("reactive") + "/*"));
        List<String> jdbc = switch (tool) {
            case MIGRATOR -> List.of();
            case FLYWAY, LIQUIBASE -> List.of("spring-boot-jdbc-", "spring-jdbc-", "postgresql-");
            case NONE, CONNECT -> List.of();
            default -> throw new IllegalArgumentException("no reactive boot variant " + tool);
        };
        try (var jars = Files.list(bootLib.resolve("common"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                boolean servletOrJdbc = SERVLET_AND_JDBC.stream().anyMatch(name::startsWith);
                if (!servletOrJdbc || jdbc.stream().anyMatch(name::startsWith)) {
                    entries.add(jar.toString());
                }
            }
        }
        if (tool.equals(MIGRATOR)) {
            // The R2DBC starter's folder must hold no JDBC part, or the variant measures what it meant to leave out
            try (var jars = Files.list(bootLib.resolve("migrator-r2dbc"))) {
                List<String> jdbcJars = jars.map(jar -> jar.getFileName().toString())
                        .filter(name -> SERVLET_AND_JDBC.stream().anyMatch(name::startsWith)).toList();
                if (!jdbcJars.isEmpty()) {
                    throw new IllegalStateException("boot-lib/migrator-r2dbc holds JDBC jars: " + jdbcJars);
                }
            }
            entries.add(bootLib.resolve("migrator-r2dbc") + "/*");
        } else if (!withoutTool(tool)) {
            entries.add(bootLib.resolve(tool) + "/*");
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The run's line (RESULT or READY) in its log, or null with the problem set. */
    private static Matcher line(Pattern pattern, Outcome outcome) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(outcome.log));
        if (matcher.find()) {
            return matcher;
        }
        outcome.problem = "no " + pattern.pattern().substring(1, pattern.pattern().indexOf(' ')) + " line";
        return null;
    }

    /** The boot variants with no tool's folder on their class path. */
    private static boolean withoutTool(String tool) {
        return tool.equals(NONE) || tool.equals(CONNECT);
    }

    /** Whether the log, read from {@code offset} on, holds the service's READY line. */
    private static boolean readyLineSince(Path log, long offset) throws IOException {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            file.seek(offset);
            byte[] bytes = new byte[(int) Math.max(0, file.length() - offset)];
            file.readFully(bytes);
            return READY.matcher(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).find();
        }
    }

    /** The HTTP status of a GET, or -1 while nothing listens (or the answer does not come within 5 s). */
    private static int httpStatus(String address) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(address).toURL()
                    .openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            try {
                int status = connection.getResponseCode();
                (status < 400 ? connection.getInputStream() : connection.getErrorStream()).readAllBytes();
                return status;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** The bytes of a GET's body when it answers 200, else -1. */
    private static long httpBytes(String address) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(address).toURL()
                    .openConnection();
            connection.setReadTimeout(60000);
            try (java.io.InputStream in = connection.getInputStream()) {
                long read = in.readAllBytes().length;
                return connection.getResponseCode() == 200 ? read : -1;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static long httpLong(String address) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(address).toURL()
                    .openConnection();
            connection.setReadTimeout(30000);
            try (java.io.InputStream in = connection.getInputStream()) {
                return Long.parseLong(new String(in.readAllBytes()).trim());
            }
        } catch (IOException | NumberFormatException e) {
            return -2;
        }
    }

    /** One measured process: a JVM running {@link RunOne}, or psql for the apply floors. */
    private Outcome execute(String tool, String scenario, String database, int size) throws Exception {
        Path logs = Files.createDirectories(work.resolve("logs"));
        int id = ++sequence;
        Path log = logs.resolve(String.format("%04d-%s-%s.log", id, scenario, tool));
        Path rssFile = logs.resolve(String.format("%04d.rss", id));
        List<String> command = new ArrayList<>();
        if (gnuTime) {
            command.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rssFile.toString()));
        }
        if (tool.startsWith(PSQL)) {
            command.addAll(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", String.valueOf(port),
                    "-U", user, "-d", database, "-f", work.resolve("n" + size).resolve(tool + ".sql").toString()));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaOpts);
            command.addAll(List.of("-cp", System.getProperty("java.class.path")));
            command.addAll(tool.startsWith(SCHEMAS_P)
                    ? List.of(ManySchemas.class.getName(), url(database), String.valueOf(size),
                            String.valueOf(tenantRevisions), tool.substring(SCHEMAS_P.length()), work.toString())
                    : List.of(RunOne.class.getName(), tool, scenario, String.valueOf(size),
                            database == null ? "-" : url(database), work.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        long t0 = System.nanoTime();
        Process process = builder.start();
        long peakKb = gnuTime ? 0 : pollPeak(process);
        boolean done = process.waitFor(30, TimeUnit.MINUTES);
        double wallMs = (System.nanoTime() - t0) / 1e6;
        Outcome outcome = new Outcome(log, wallMs);
        if (!done) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            outcome.problem = "no exit within 30 minutes";
            return outcome;
        }
        outcome.rssKb = gnuTime ? readRss(rssFile) : peakKb;
        if (process.exitValue() != 0) {
            outcome.problem = "exit code " + process.exitValue();
            return outcome;
        }
        if (tool.startsWith(PSQL)) {
            return outcome;
        }
        Matcher result = line(RESULT, outcome);
        if (result == null) {
            return outcome;
        }
        outcome.callMs = Double.parseDouble(result.group(4));
        outcome.steps = Long.parseLong(result.group(5));
        outcome.connections = Integer.parseInt(result.group(6));
        outcome.classes = Integer.parseInt(result.group(7));
        return outcome;
    }

    /** Without GNU time: the process's VmHWM, read every 5 ms while it runs (the last reading before it exits). */
    private static long pollPeak(Process process) throws InterruptedException {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        long peak = 0;
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // gone between isAlive and the read
            }
            Thread.sleep(5);
        }
        return peak;
    }

    private static long readRss(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        // GNU time writes "Command exited with non-zero status N" before the figure when the command failed
        return Long.parseLong(lines.get(lines.size() - 1).trim());
    }

    private static boolean probeGnuTime() {
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            return false;
        }
        try {
            Path file = Files.createTempFile("bench-time", ".txt");
            Process process = new ProcessBuilder("/usr/bin/time", "-f", "%M", "-o", file.toString(), "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean ok = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0
                    && Files.readString(file).trim().matches("\\d+");
            Files.deleteIfExists(file);
            return ok;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(url("postgres"));
    }

    /** FILE_COPY checkpoints before returning, so the copy's writes do not land inside the measured run. */
    private void create(String database, String template) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            databases.add(database);
            statement.execute("CREATE DATABASE " + database + " TEMPLATE " + template + " STRATEGY FILE_COPY");
        }
    }

    private void drop(String database) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            databases.remove(database);
        }
    }

    private void dropLeftovers() {
        for (String database : List.copyOf(databases)) {
            try {
                drop(database);
            } catch (SQLException e) {
                System.err.println("could not drop " + database + ": " + e.getMessage());
            }
        }
    }

    private Map<String, String> machine(String loadBefore, String loadAfter, Duration took) throws Exception {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("CPUs (nproc)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("CPU", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        machine.put("RAM", mem.endsWith(" kB")
                ? String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(mem.replace(" kB", "").trim()) / 1048576.0)
                : mem);
        machine.put("Java", output(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version")).replace('\n', ' ').trim());
        machine.put("JVM options of measured runs", javaOpts.isEmpty() ? "(none: JVM defaults)" : String.join(" ", javaOpts));
        try (Connection connection = admin(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version()")) {
            rows.next();
            machine.put("PostgreSQL", rows.getString(1) + " at " + host + ":" + port);
        }
        machine.put("psql", output(List.of("psql", "--version")).trim());
        machine.put("load average (1, 5, 15 min) before / after", loadBefore + " / " + loadAfter);
        machine.put("git commit", output(List.of("git", "describe", "--always", "--dirty")).trim());
        machine.put("run took", took.toMinutes() + " min " + took.toSecondsPart() + " s");
        return machine;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.SECONDS);
            return text;
        } catch (IOException | InterruptedException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private String csv() {
        StringBuilder text = new StringBuilder("scenario,tool,round,call_ms,wall_ms,peak_rss_kb,connections,classes,ready_event_ms,ready_cpu_ms,bytes,problem\n");
        for (Run run : runs) {
            text.append(String.format(Locale.ROOT, "%s,%s,%d,%.1f,%.1f,%d,%d,%d,%.1f,%.1f,%d,%s%n", run.scenario(), run.tool(),
                    run.round(), run.callMs(), run.wallMs(), run.rssKb(), run.connections(), run.classes(), run.eventMs(), run.cpuMs(), run.bytes(),
                    run.problem() == null ? "" : "\"" + run.problem().replace("\"", "'") + "\""));
        }
        return text.toString();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }

    /** One measured process, as observed. */
    private static final class Outcome {
        final Path log;
        final double wallMs;
        double callMs = -1;
        long rssKb;
        long steps = -1;
        int connections = -1;
        int classes = -1;
        double eventMs = -1;
        double cpuMs = -1;
        String beans;
        long startupQuery = -1;
        String problem;

        Outcome(Path log, double wallMs) {
            this.log = log;
            this.wallMs = wallMs;
        }
    }

    /** One measured run; round is negative for warm-up rounds; bytes: an endpoint's answer (else -1). */
    record Run(String scenario, String tool, int round, double callMs, double wallMs, long rssKb, int connections,
            int classes, double eventMs, double cpuMs, String problem, long bytes) {
    }
}
