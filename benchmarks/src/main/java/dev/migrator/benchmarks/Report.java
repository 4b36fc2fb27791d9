package dev.migrator.benchmarks;

import dev.migrator.benchmarks.Driver.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The markdown report: one table per scenario (medians over the counted rounds, paired ratios), the targets, the machine. */
final class Report {

    /** Table rows: migrator first, the floors last, whatever order the tools ran in. */
    private static final List<String> TABLE_ORDER =
            List.of("migrator", "migrator-wide", "migrator-r2dbc", "flyway", "liquibase", "baseline", "psql", "psql-script");
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("noop", "No-op with N applied (what every boot pays)"),
            Map.entry("apply", "Apply N from empty, one transaction per revision"),
            Map.entry("offline", "Offline SQL script for N"),
            Map.entry("plan", "Load and plan (migrator only, no database)"),
            Map.entry("boot-noop", "Boot: a Spring Boot service's startup with N applied (no-op)"),
            Map.entry("boot-apply", "Boot: a Spring Boot service's startup on an empty database (apply N)"),
            Map.entry("boot-r2dbc-noop", "Boot: a reactive (WebFlux, R2DBC) service's startup with N applied (no-op)"),
            Map.entry("boot-r2dbc-apply",
                    "Boot: a reactive (WebFlux, R2DBC) service's startup on an empty database (apply N)"),
            Map.entry("schemas-apply", "Schema per tenant: apply to every schema from empty"),
            Map.entry("schemas-noop", "Schema per tenant: a pass with every schema up to date"),
            Map.entry("scale-noop", "Scale: no-op with the scale size applied"),
            Map.entry("scale-apply", "Scale: apply the scale size from empty"),
            Map.entry("scale-offline", "Scale: offline SQL script for the scale size"),
            Map.entry("history-noop", "Scale: no-op with N applied and a long history"),
            Map.entry("endpoints", "Scale: the actuator's migrations endpoint and health in a warm service"));
    private static final Map<String, String> NAMES = Map.of(
            "migrator", "migrator (JDBC)", "migrator-wide", "migrator (JDBC), wide graph", "migrator-r2dbc",
            "migrator (R2DBC)", "flyway", "Flyway 12.4.0",
            "liquibase", "Liquibase 5.0.4", "psql", "psql (floor)", "baseline", "baseline JVM (`select 1`)",
            "psql-script", "psql running migrator's offline script ²");

    private final int n;
    private final int rounds;
    private final int warmup;
    private final int planSize;
    private final int scaleSize;
    private final int historyRows;
    private final int tenants;
    private final int tenantRevisions;
    private final double planWarmMs;
    private final List<Run> runs;
    private final Map<String, String> machine;

    Report(int n, int rounds, int warmup, int planSize, int scaleSize, int historyRows, int tenants, int tenantRevisions,
            double planWarmMs, List<Run> runs, Map<String, String> machine) {
        this.n = n;
        this.rounds = rounds;
        this.warmup = warmup;
        this.planSize = planSize;
        this.scaleSize = scaleSize;
        this.historyRows = historyRows;
        this.tenants = tenants;
        this.tenantRevisions = tenantRevisions;
        this.planWarmMs = planWarmMs;
        this.runs = runs;
        this.machine = machine;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# migrator vs Flyway, Liquibase and psql on PostgreSQL\n\n");
        md.append(String.format(Locale.ROOT, "N = %,d revisions (load and plan: %,d); %d warm-up round(s), %d counted"
                + " round(s); every run its own process on a fresh database, tools alternating within each round."
                + " Figures are medians over the counted rounds; ratios are migrator ÷ tool per round, then the median"
                + " of those ratios. *In-JVM* is the tool's call alone (building its entry object, connecting, the"
                + " migrate call); *whole process* is process start to exit; *peak RSS* is the process's maximum"
                + " resident set.%n%n", n, planSize, warmup, rounds));
        Set<String> scenarios = new LinkedHashSet<>();
        for (Run run : runs) {
            scenarios.add(run.scenario());
        }
        for (String scenario : scenarios) {
            if (scenario.startsWith("boot-")) {
                bootTable(md, scenario);
            } else if (scenario.startsWith("schemas-")) {
                schemasTable(md, scenario);
            } else if (scenario.startsWith("scale-")) {
                scaleTable(md, scenario);
            } else if (scenario.equals("history-noop")) {
                historyTable(md);
            } else if (scenario.equals("endpoints")) {
                endpointsTable(md);
            } else {
                scenarioTable(md, scenario);
            }
        }
        targets(md, scenarios);
        md.append("## Machine\n\n| | |\n| --- | --- |\n");
        machine.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|"))
                .append(" |\n"));
        long failures = runs.stream().filter(run -> run.problem() != null).count();
        md.append(String.format(Locale.ROOT, "%nFailed or unchecked runs: %d (each run is checked: tables created,"
                + " nothing applied by a no-op, CREATE TABLE count of a script, steps planned; a boot: the variant's migration"
                + " bean and no other, the tables the service sees, the tool's bookkeeping, migrator's head; schema per tenant:"
                + " the revisions applied in all, every schema's tables and version row; a long history: its row count unchanged by"
                + " the no-op; endpoints: the service's checks as a boot's, and an answer of 200).%n", failures));
        return md.toString();
    }

    private void scenarioTable(StringBuilder md, String scenario) {
        md.append("## ").append(TITLES.get(scenario)).append("\n\n");
        md.append("| tool | in-JVM (median, min–max) | whole process | peak RSS | in-JVM: migrator ÷ tool"
                + " | whole process: migrator ÷ tool | connections | classes loaded | runs ok |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String tool : tools(scenario)) {
            List<Run> counted = counted(scenario, tool);
            List<Run> ok = counted.stream().filter(run -> run.problem() == null).toList();
            boolean psql = tool.startsWith("psql");
            String call = psql || ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%s (%s–%s)",
                    time(median(ok, Run::callMs)), time(min(ok, Run::callMs)), time(max(ok, Run::callMs)));
            String ratioCall = "–";
            String ratioWall = "–";
            if (!tool.equals("migrator")) {
                // psql has no in-JVM time: migrator's call is set against psql's whole process
                ratioCall = ratio(pairedRatio(scenario, "migrator", Run::callMs, tool, psql ? Run::wallMs : Run::callMs));
                ratioWall = ratio(pairedRatio(scenario, "migrator", Run::wallMs, tool, Run::wallMs));
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s%s | %s | %s | %s | %d/%d |%n",
                    name(scenario, tool), call, ok.isEmpty() ? "–" : time(median(ok, Run::wallMs)),
                    ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f MB", median(ok, run -> run.rssKb()) / 1024),
                    ratioCall, psql && !ratioCall.equals("–") ? " ¹" : "", ratioWall,
                    ok.isEmpty() || ok.get(0).connections() < 0 ? "–" : String.valueOf(ok.get(0).connections()),
                    ok.isEmpty() || ok.get(0).classes() < 0 ? "–" : String.valueOf(ok.get(0).classes()), ok.size(),
                    counted.size()));
        }
        if (tools(scenario).contains("psql")) {
            md.append("\n¹ migrator's in-JVM time ÷ psql's whole process (psql's start-up is a few milliseconds).\n");
        }
        if (tools(scenario).contains("psql-script")) {
            md.append("\n² Not a target: the same statements as migrator's online run, its bookkeeping included (the"
                    + " version row and the history row of every revision, in the revision's transaction), so that"
                    + " what the bookkeeping costs the server and what the JVM costs can be told apart.\n");
        }
        if (scenario.equals("plan") && !Double.isNaN(planWarmMs)) {
            md.append(String.format(Locale.ROOT, "%nIn-JVM is the first call in a fresh JVM, what a boot pays. For"
                    + " comparison, one extra run (not counted) timed the same call after five untimed repeats in its"
                    + " JVM (JIT warm): %s.%n", time(planWarmMs)));
        }
        if (scenario.equals("offline")) {
            md.append("\nFlyway has no offline mode in its free edition: n/a. Liquibase runs `updateSQL` against a"
                    + " fresh empty database (it reads that its tables are absent and changes nothing); migrator's"
                    + " offline script connects to nothing.\n");
        }
        md.append('\n');
    }

    /**
     * A scale scenario: each shape at the scale size beside the same shape at N in the plain scenario of the same
     * invocation, and the growth (median at the scale size ÷ median at N; ten times the revisions should cost at most
     * about ten times the time).
     */
    private void scaleTable(StringBuilder md, String scenario) {
        String plain = scenario.substring("scale-".length());
        md.append("## ").append(TITLES.get(scenario)).append("\n\n");
        md.append(String.format(Locale.ROOT, "%,d revisions against %,d (the plain scenario's runs of the same"
                + " invocation). *Wide*: the proportions of the largest branched corpus (a branch point, two branches"
                + " and a merge in every six revisions).%n%n", scaleSize, n));
        md.append(String.format(Locale.ROOT, "| shape | in-JVM at %,d (median, min–max) | in-JVM at %,d | growth"
                + " | whole process at %,d | whole process at %,d | growth | peak RSS at %,d / %,d | runs ok |%n",
                scaleSize, n, scaleSize, n, scaleSize, n));
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String tool : tools(scenario)) {
            List<Run> counted = counted(scenario, tool);
            List<Run> ok = ok(counted);
            List<Run> small = ok(counted(plain, tool));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s / %s | %d/%d |%n",
                    tool.equals("migrator") ? "line" : "wide", spread(ok, Run::callMs), medianTime(small, Run::callMs),
                    growth(ok, small, Run::callMs), medianTime(ok, Run::wallMs), medianTime(small, Run::wallMs),
                    growth(ok, small, Run::wallMs), megabytes(ok), megabytes(small), ok.size(), counted.size()));
        }
        md.append('\n');
    }

    /** The no-op at N with a history of {@code historyRows} rows beside the plain no-op at N (history of N rows). */
    private void historyTable(StringBuilder md) {
        md.append("## ").append(TITLES.get("history-noop")).append("\n\n");
        md.append(String.format(Locale.ROOT, "%,d revisions applied; the history holds %,d rows (older upgrades and"
                + " downgrades of the same revisions below the real rows, so the state is the plain no-op's) against"
                + " %,d in the plain no-op of the same invocation.%n%n", n, historyRows, n));
        md.append("| history rows | in-JVM (median, min–max) | whole process | peak RSS | runs ok |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: |\n");
        for (String scenario : List.of("noop", "history-noop")) {
            List<Run> counted = counted(scenario, "migrator");
            List<Run> ok = ok(counted);
            if (!counted.isEmpty()) {
                md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %d/%d |%n",
                        scenario.equals("noop") ? n : historyRows, spread(ok, Run::callMs), medianTime(ok, Run::wallMs),
                        megabytes(ok), ok.size(), counted.size()));
            }
        }
        md.append('\n');
    }

    /** Each endpoint's median request time per round (then the median over rounds) and its answer's size. */
    private void endpointsTable(StringBuilder md) {
        md.append("## ").append(TITLES.get("endpoints")).append("\n\n");
        md.append(String.format(Locale.ROOT, "The servlet service with migrator's starter, booted (untimed) on the"
                + " database of each state; per round 3 untimed then 10 timed GETs of each endpoint (health with details,"
                + " so its migrations component answers); the round's figure is the median of its 10.%n%n"));
        md.append("| state | endpoint | request (median of rounds, min–max) | answer | runs ok |\n");
        md.append("| --- | --- | ---: | ---: | ---: |\n");
        for (String tool : tools("endpoints")) {
            List<Run> counted = counted("endpoints", tool);
            List<Run> ok = ok(counted);
            boolean scale = tool.startsWith(Driver.ENDPOINTS_SCALE + "-");
            String state = scale ? String.format(Locale.ROOT, "%,d revisions, history of %,d rows", scaleSize, scaleSize)
                    : String.format(Locale.ROOT, "%,d revisions, history of %,d rows", n, historyRows);
            md.append(String.format(Locale.ROOT, "| %s | `GET /actuator/%s` | %s | %s | %d/%d |%n", state,
                    tool.substring(tool.indexOf('-') + 1), spread(ok, Run::callMs),
                    ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%,d bytes", ok.get(0).bytes()), ok.size(),
                    counted.size()));
        }
        md.append('\n');
    }

    private static List<Run> ok(List<Run> runs) {
        return runs.stream().filter(run -> run.problem() == null).toList();
    }

    private static String spread(List<Run> ok, ToDoubleFunction<Run> value) {
        return ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%s (%s–%s)", time(median(ok, value)),
                time(min(ok, value)), time(max(ok, value)));
    }

    private static String medianTime(List<Run> ok, ToDoubleFunction<Run> value) {
        return ok.isEmpty() ? "–" : time(median(ok, value));
    }

    private static String growth(List<Run> large, List<Run> small, ToDoubleFunction<Run> value) {
        return large.isEmpty() || small.isEmpty() ? "–"
                : String.format(Locale.ROOT, "%.1fx", median(large, value) / median(small, value));
    }

    private static String megabytes(List<Run> ok) {
        return ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f MB", median(ok, run -> run.rssKb()) / 1024);
    }

    /**
     * A schema-per-tenant scenario: one row per parallelism, the call's time (pool, every schema's run), per schema,
     * and the speed-up over one schema at a time paired per round.
     */
    private void schemasTable(StringBuilder md, String scenario) {
        md.append("## ").append(TITLES.get(scenario)).append("\n\n");
        md.append(String.format(Locale.ROOT, "%,d PostgreSQL schemas of one database, %d revisions each, through"
                + " `Migrator.upgradeSchemas` with a pool of as many connections as runs at once.%n%n", tenants,
                tenantRevisions));
        md.append("| runs at once | in-JVM (median, min–max) | per schema | whole process | speed-up over one at a time"
                + " | peak RSS | runs ok |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<String> variants = tools(scenario);
        for (String tool : variants) {
            List<Run> counted = counted(scenario, tool);
            List<Run> ok = counted.stream().filter(run -> run.problem() == null).toList();
            String speedUp = tool.equals(variants.get(0)) ? "–"
                    : ratio(pairedRatio(scenario, variants.get(0), Run::callMs, tool, Run::callMs));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d/%d |%n",
                    tool.substring("schemas-p".length()),
                    ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%s (%s–%s)", time(median(ok, Run::callMs)),
                            time(min(ok, Run::callMs)), time(max(ok, Run::callMs))),
                    ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f ms", median(ok, Run::callMs) / tenants),
                    ok.isEmpty() ? "–" : time(median(ok, Run::wallMs)), speedUp,
                    ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f MB", median(ok, run -> run.rssKb()) / 1024),
                    ok.size(), counted.size()));
        }
        md.append('\n');
    }

    /**
     * A boot scenario: readiness (process start to the first 200 of the readiness probe, polled by the driver), the
     * time each tool adds to the no-tool service's (paired per round), migrator's added time ÷ the tool's.
     */
    private void bootTable(StringBuilder md, String scenario) {
        md.append("## ").append(TITLES.get(scenario)).append("\n\n");
        md.append("| variant | ready (median, min–max) | added over no tool | migrator's added ÷ tool's added"
                + " | ApplicationReadyEvent (JVM uptime) | CPU time to ready | added CPU | migrator's added CPU ÷ tool's"
                + " | peak RSS | classes loaded | runs ok |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<String> variants = new ArrayList<>();
        for (String tool : List.of("none", "connect", "migrator", "migrator-init", "flyway", "liquibase",
                "psql-script")) {
            if (tools(scenario).contains(tool)) {
                variants.add(tool);
            }
        }
        for (String tool : variants) {
            List<Run> counted = counted(scenario, tool);
            List<Run> ok = counted.stream().filter(run -> run.problem() == null).toList();
            boolean psql = tool.equals("psql-script");
            ToDoubleFunction<Run> time = psql ? Run::wallMs : Run::callMs;
            String ready = ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%s (%s–%s)", time(median(ok, time)),
                    time(min(ok, time)), time(max(ok, time)));
            String added = tool.equals("none") || psql ? "–" : time(added(scenario, tool));
            String ratio = "–";
            if (psql) {
                ratio = ratio(pairedRatio(scenario, "migrator", this::addedOf, tool, Run::wallMs)) + " ¹";
            } else if (!tool.equals("none") && !tool.startsWith("migrator")) {
                ratio = ratio(pairedRatio(scenario, "migrator", this::addedOf, tool, this::addedOf));
            }
            String cpu = psql || ok.isEmpty() ? "–" : time(median(ok, Run::cpuMs));
            String addedCpu = tool.equals("none") || psql ? "–" : time(added(scenario, tool, Run::cpuMs));
            String ratioCpu = tool.equals("none") || psql || tool.startsWith("migrator") ? "–"
                    : ratio(pairedRatio(scenario, "migrator", run -> addedOf(run, Run::cpuMs), tool,
                            run -> addedOf(run, Run::cpuMs)));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d/%d |%n",
                    bootName(tool), ready, added, ratio,
                    psql || ok.isEmpty() ? "–" : time(median(ok, Run::eventMs)), cpu, addedCpu, ratioCpu,
                    ok.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f MB", median(ok, run -> run.rssKb()) / 1024),
                    psql || ok.isEmpty() ? "–" : String.valueOf(Math.round(median(ok, run -> run.classes()))),
                    ok.size(), counted.size()));
        }
        md.append("\n*Ready*: from the process's start to the line the service prints at ApplicationReadyEvent (where"
                + " readiness turns to accepting traffic), watched in its output every 10 ms by the driver, which then"
                + " requires a 200 from `/actuator/health/readiness`. *Added*: per round the variant's ready time less the no-tool service's in the"
                + " same round, then the median. *ApplicationReadyEvent*: the JVM's uptime when the service got it, as"
                + " the service printed it (the readiness state changes on that event). *CPU time to ready*: the process's"
                + " CPU time (all threads, JIT and GC included) at that event; *added CPU* is paired as the added time"
                + " is, and is much steadier than the wall clock when other work shares the machine. *Classes loaded*:"
                + " the JVM's total at that event.\n");
        if (tools(scenario).contains("psql-script")) {
            md.append("\n¹ migrator's added time ÷ psql's whole process running migrator's own offline script for"
                    + " `base:heads` (the same statements, bookkeeping included) on an empty database.\n");
        }
        md.append('\n');
    }

    /** The time this run's tool added beyond the same round's first-query variant ({@code connect}), or NaN without it. */
    private double aboveFloor(String scenario, Run run) {
        Run floor = byRound(scenario, "connect").get(run.round());
        return floor == null ? Double.NaN : addedOf(run) - addedOf(floor);
    }

    /** Paired with the same round's no-tool boot: the time this run's tool added, or NaN without that pair. */
    private double addedOf(Run run) {
        return addedOf(run, Run::callMs);
    }

    private double addedOf(Run run, ToDoubleFunction<Run> value) {
        Run none = byRound(run.scenario(), "none").get(run.round());
        return none == null ? Double.NaN : value.applyAsDouble(run) - value.applyAsDouble(none);
    }

    private double added(String scenario, String tool) {
        return added(scenario, tool, Run::callMs);
    }

    private double added(String scenario, String tool, ToDoubleFunction<Run> measure) {
        List<Double> added = new ArrayList<>();
        for (Run run : byRound(scenario, tool).values()) {
            double value = addedOf(run, measure);
            if (!Double.isNaN(value)) {
                added.add(value);
            }
        }
        return added.isEmpty() ? Double.NaN : medianOf(added);
    }

    private static String bootName(String tool) {
        return switch (tool) {
            case "none" -> "no migration tool";
            case "connect" -> "no tool, one query at startup (the service's own first query)";
            case "migrator" -> "migrator's starter";
            case "migrator-init" -> "migrator's starter, `migrator.phase=initialization`";
            case "flyway" -> "Boot's Flyway support (Flyway 12.4.0)";
            case "liquibase" -> "Boot's Liquibase support (Liquibase 5.0.4)";
            case "psql-script" -> "psql running migrator's offline script";
            default -> tool;
        };
    }

    private static String name(String scenario, String tool) {
        boolean online = scenario.equals("noop") || scenario.equals("apply");
        return tool.equals("migrator") && !online ? "migrator" : NAMES.getOrDefault(tool, tool);
    }

    private void targets(StringBuilder md, Set<String> scenarios) {
        md.append("## Targets (issues 10 and 22)\n\n| target | measured | met |\n| --- | --- | :---: |\n");
        if (scenarios.contains("noop")) {
            target(md, "no-op: in-JVM at most 1/5 of Flyway's", "migrator ÷ Flyway",
                    pairedRatio("noop", "migrator", Run::callMs, "flyway", Run::callMs), 0.2);
            target(md, "no-op: whole process at most 1.5x the baseline JVM", "migrator ÷ baseline",
                    pairedRatio("noop", "migrator", Run::wallMs, "baseline", Run::wallMs), 1.5);
        }
        if (scenarios.contains("apply")) {
            target(md, "apply: at most 1.3x psql's time (in-JVM ÷ psql's whole process)", "migrator ÷ psql",
                    pairedRatio("apply", "migrator", Run::callMs, "psql", Run::wallMs), 1.3);
            target(md, "apply: the same, whole process ÷ whole process", "migrator ÷ psql",
                    pairedRatio("apply", "migrator", Run::wallMs, "psql", Run::wallMs), 1.3);
            target(md, "apply: R2DBC within 1.3x of JDBC (in-JVM)", "R2DBC ÷ JDBC",
                    pairedRatio("apply", "migrator-r2dbc", Run::callMs, "migrator", Run::callMs), 1.3);
        }
        if (scenarios.contains("offline")) {
            target(md, "offline script: at most 1/10 of Liquibase's updateSQL (in-JVM)", "migrator ÷ Liquibase",
                    pairedRatio("offline", "migrator", Run::callMs, "liquibase", Run::callMs), 0.1);
        }
        if (scenarios.contains("plan")) {
            List<Run> plan = counted("plan", "migrator").stream().filter(run -> run.problem() == null).toList();
            double ms = plan.isEmpty() ? Double.NaN : median(plan, Run::callMs);
            md.append(String.format(Locale.ROOT, "| load and plan %,d revisions under 1 s (in-JVM, fresh JVM) | %s |"
                    + " %s |%n", planSize, time(ms), Double.isNaN(ms) ? "?" : ms < 1000 ? "yes" : "**no**"));
        }
        for (String scenario : List.of("scale-apply", "scale-noop", "scale-offline")) {
            String plain = scenario.substring("scale-".length());
            for (String tool : List.of("migrator", "migrator-wide")) {
                List<Run> large = ok(counted(scenario, tool));
                List<Run> small = ok(counted(plain, tool));
                if (!large.isEmpty() && !small.isEmpty()) {
                    target(md, String.format(Locale.ROOT, "scale (issue 22): %s, %s, %,d against %,d revisions grows at"
                            + " most linearly (in-JVM)", plain, tool.equals("migrator") ? "line" : "wide", scaleSize, n),
                            "growth", median(large, Run::callMs) / median(small, Run::callMs), (double) scaleSize / n);
                }
            }
        }
        for (String scenario : List.of("noop", "apply")) {
            if (scenarios.contains(scenario)) {
                target(md, scenario + ": peak RSS no higher than Flyway's", "migrator ÷ Flyway",
                        pairedRatio(scenario, "migrator", run -> run.rssKb(), "flyway", run -> run.rssKb()), 1.0);
            }
        }
        for (String service : List.of("boot", "boot-r2dbc")) {
            String noop = service + "-noop";
            String which = service.equals("boot") ? "" : " (reactive service)";
            if (scenarios.contains(noop)) {
                target(md, "boot no-op" + which + " (issue 22): migrator's added time at most 1/5 of Flyway's",
                        "migrator ÷ Flyway", pairedRatio(noop, "migrator", this::addedOf, "flyway", this::addedOf), 0.2);
                target(md, "boot no-op" + which + ", the same in CPU time (not the target; steadier on a shared machine)",
                        "migrator ÷ Flyway", pairedRatio(noop, "migrator", run -> addedOf(run, Run::cpuMs), "flyway",
                                run -> addedOf(run, Run::cpuMs)), 0.2);
                if (!byRound(noop, "connect").isEmpty()) {
                    // What any tool that reads the database at startup pays, and what each pays beyond it
                    figure(md, "boot no-op" + which + ": the service's own first query at startup, no tool, ÷ Flyway's"
                            + " added time (not a target: what connecting costs)", "first query ÷ Flyway",
                            pairedRatio(noop, "connect", this::addedOf, "flyway", this::addedOf));
                    figure(md, "boot no-op" + which + ": migrator's added time above the service's first query ÷ Flyway's"
                            + " above it (not a target)",
                            "migrator ÷ Flyway", pairedRatio(noop, "migrator", run -> aboveFloor(noop, run), "flyway",
                                    run -> aboveFloor(noop, run)));
                }
            }
        }
        if (scenarios.contains("boot-noop") && !byRound("boot-noop", "migrator-init").isEmpty()) {
            target(md, "boot no-op, migrator with `migrator.phase=initialization` (not the default)", "migrator ÷ Flyway",
                    pairedRatio("boot-noop", "migrator-init", this::addedOf, "flyway", this::addedOf), 0.2);
            target(md, "the same in CPU time", "migrator ÷ Flyway", pairedRatio("boot-noop", "migrator-init",
                    run -> addedOf(run, Run::cpuMs), "flyway", run -> addedOf(run, Run::cpuMs)), 0.2);
        }
        for (String apply : List.of("boot-apply", "boot-r2dbc-apply")) {
            if (scenarios.contains(apply)) {
                target(md, "boot apply" + (apply.equals("boot-apply") ? "" : " (reactive service)")
                        + " (issue 22): migrator's added time within 1.3x of psql running its offline script",
                        "migrator ÷ psql", pairedRatio(apply, "migrator", this::addedOf, "psql-script", Run::wallMs),
                        1.3);
            }
        }
        for (String scenario : List.of("boot-noop", "boot-apply", "boot-r2dbc-noop", "boot-r2dbc-apply")) {
            if (scenarios.contains(scenario)) {
                target(md, scenario + ": peak RSS no higher than Flyway's", "migrator ÷ Flyway",
                        pairedRatio(scenario, "migrator", run -> run.rssKb(), "flyway", run -> run.rssKb()), 1.0);
            }
        }
        md.append("\nFlyway is n/a in the offline and plan scenarios (no free offline mode; no plan step of its"
                + " own), so the memory target applies to no-op and apply.\n\n");
    }

    /** A row of the targets' table that is no target: the figure, and no verdict. */
    private static void figure(StringBuilder md, String what, String ratioName, double ratio) {
        md.append(String.format(Locale.ROOT, "| %s | %s %s | – |%n", what, ratioName, ratio(ratio)));
    }

    private static void target(StringBuilder md, String what, String ratioName, double ratio, double limit) {
        md.append(String.format(Locale.ROOT, "| %s | %s %s (limit %s) | %s |%n", what, ratioName, ratio(ratio),
                ratio(limit), Double.isNaN(ratio) ? "?" : ratio <= limit ? "yes" : "**no**"));
    }

    /** Per counted round a ÷ b over the runs of both that passed, then the median of the ratios. */
    private double pairedRatio(String scenario, String a, ToDoubleFunction<Run> aValue, String b,
            ToDoubleFunction<Run> bValue) {
        Map<Integer, Run> first = byRound(scenario, a);
        Map<Integer, Run> second = byRound(scenario, b);
        List<Double> ratios = new ArrayList<>();
        first.forEach((round, run) -> {
            Run other = second.get(round);
            if (other != null && bValue.applyAsDouble(other) > 0 && !Double.isNaN(aValue.applyAsDouble(run))) {
                ratios.add(aValue.applyAsDouble(run) / bValue.applyAsDouble(other));
            }
        });
        return ratios.isEmpty() ? Double.NaN : medianOf(ratios);
    }

    private Map<Integer, Run> byRound(String scenario, String tool) {
        Map<Integer, Run> map = new LinkedHashMap<>();
        for (Run run : counted(scenario, tool)) {
            if (run.problem() == null) {
                map.put(run.round(), run);
            }
        }
        return map;
    }

    /** The scenario's tools in {@link #TABLE_ORDER}. */
    private List<String> tools(String scenario) {
        Set<String> ran = new LinkedHashSet<>();
        for (Run run : runs) {
            if (run.scenario().equals(scenario)) {
                ran.add(run.tool());
            }
        }
        List<String> tools = new ArrayList<>();
        for (String tool : TABLE_ORDER) {
            if (ran.remove(tool)) {
                tools.add(tool);
            }
        }
        tools.addAll(ran);
        return tools;
    }


    private List<Run> counted(String scenario, String tool) {
        return runs.stream().filter(run -> run.scenario().equals(scenario) && run.tool().equals(tool)
                && run.round() >= 0).toList();
    }

    static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        return medianOf(runs.stream().map(run -> value.applyAsDouble(run)).toList());
    }

    private static double min(List<Run> runs, ToDoubleFunction<Run> value) {
        return runs.stream().mapToDouble(value).min().orElse(Double.NaN);
    }

    private static double max(List<Run> runs, ToDoubleFunction<Run> value) {
        return runs.stream().mapToDouble(value).max().orElse(Double.NaN);
    }

    static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int size = sorted.size();
        return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
    }

    private static String time(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    private static String ratio(double ratio) {
        if (Double.isNaN(ratio)) {
            return "–";
        }
        // three decimals below 1, so that a ratio just over a limit such as 0.1 never prints as the limit itself
        return ratio < 1 ? String.format(Locale.ROOT, "%.3f", ratio) : String.format(Locale.ROOT, "%.2f", ratio);
    }
}
