package dev.migrator;

import dev.migrator.bookkeeping.BookkeepingTables;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.bookkeeping.HistoryRows;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.engine.AssumedState;
import dev.migrator.engine.Command;
import dev.migrator.engine.DatabaseState;
import dev.migrator.engine.Engine;
import dev.migrator.engine.LiveState;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.engine.RunResult;
import dev.migrator.engine.ScriptCache;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.engine.StateCheck;
import dev.migrator.error.BadInputException;
import dev.migrator.flyway.FlywayHistory;
import dev.migrator.flyway.FlywayHistoryTable;
import dev.migrator.flyway.FlywayTakeover;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.lint.Finding;
import dev.migrator.lint.LintSettings;
import dev.migrator.lint.Linter;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Planner;
import dev.migrator.plan.Step;
import dev.migrator.plan.TargetRange;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptLoader;
import dev.migrator.script.ScriptLocation;
import dev.migrator.script.ScriptLocations;
import dev.migrator.session.JdbcSession;
import dev.migrator.session.OfflineSession;
import dev.migrator.session.Session;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * migrator's one entry point: one method per verb, online against a database or offline into
 * a script. Thread-safe; every call opens its own session and closes it.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.create(dataSource, MigratorConfig.defaults());
 * migrator.upgrade("heads");
 * }</pre>
 */
public final class Migrator {

    private static final System.Logger LOG = System.getLogger(Migrator.class.getName());

    private final MigratorConfig config;
    private final @Nullable Supplier<? extends Session> sessions;
    private final ClassLoader classLoader;
    private final MigrationListener listener;
    private final ScriptCache scripts;

    private Migrator(MigratorConfig config, @Nullable Supplier<? extends Session> sessions, ClassLoader classLoader,
            MigrationListener listener, ScriptCache scripts) {
        this.config = config;
        this.sessions = sessions;
        this.classLoader = classLoader;
        this.listener = listener;
        this.scripts = scripts;
    }

    /** A migrator for a JDBC database; the dialect comes from the connection's URL unless the config names one. */
    public static Migrator create(DataSource dataSource, MigratorConfig config) {
        @Nullable Dialect dialect = config.dialect() == null ? null : Dialects.byName(config.dialect());
        return create(() -> JdbcSession.open(dataSource, dialect), config);
    }

    /** A migrator over any session (R2DBC, or a test's). */
    public static Migrator create(Supplier<? extends Session> sessions, MigratorConfig config) {
        return new Migrator(config, sessions, defaultClassLoader(), MigrationListener.NONE, new ScriptCache());
    }

    /** Offline work only: SQL scripts for a DBA, and the scripts read; there is no database. */
    public static OfflineScripts offline(MigratorConfig config) {
        return new OfflineScripts(withoutDatabase(config, defaultClassLoader()));
    }

    static Migrator withoutDatabase(MigratorConfig config, ClassLoader classLoader) {
        return new Migrator(config, null, classLoader, MigrationListener.NONE, new ScriptCache());
    }

    /** The same migrator reporting to {@code listener}; it shares this one's scripts, as read. */
    public Migrator withListener(MigrationListener listener) {
        return new Migrator(config, sessions, classLoader, listener, scripts);
    }

    /** Where {@code classpath:} locations are read from. */
    public Migrator withClassLoader(ClassLoader classLoader) {
        return new Migrator(config, sessions, classLoader, listener, new ScriptCache());
    }

    public MigratorConfig config() {
        return config;
    }

    public RunResult upgrade(String target) {
        return run(Command.UPGRADE, target);
    }

    public RunResult downgrade(String target) {
        return run(Command.DOWNGRADE, target);
    }

    /**
     * Sets the version rows to the targets without running scripts; several targets are stamped
     * together, as {@code alembic stamp REV1 REV2} does (one per branch).
     */
    public RunResult stamp(String... targets) {
        return stamp(List.of(targets));
    }

    /** As {@link #stamp(String...)}. */
    public RunResult stamp(List<String> targets) {
        return run(Command.STAMP, targets, false);
    }

    /**
     * {@code stamp --purge}: empties the version table, whatever it holds (revisions no script
     * defines, a row that is an ancestor of another), then stamps the targets, in one transaction.
     * The repair for a version table that cannot be right.
     */
    public RunResult purgeAndStamp(String... targets) {
        return purgeAndStamp(List.of(targets));
    }

    /** As {@link #purgeAndStamp(String...)}. */
    public RunResult purgeAndStamp(List<String> targets) {
        return run(Command.STAMP, targets, true);
    }

    /** Runs a command to one target against the database, under the run lock. */
    public RunResult run(Command command, String target) {
        return run(command, List.of(target), false);
    }

    /** Every failure of a run reaches the listener, also one before the engine starts (scripts, connection). */
    private RunResult run(Command command, List<String> targets, boolean purge) {
        try {
            return onlineWithState((session, tables, state, catalog) -> new Engine(catalog, config, listener)
                    .run(session, new LiveState(state), tables, command, targets, purge));
        } catch (RuntimeException e) {
            listener.runFailed(command, e);
            throw e;
        }
    }

    /**
     * Takes over a database that Flyway migrated, running nothing: reads Flyway's history table
     * with plain SQL, finds the imported revision ({@code v<version>}, as {@code migrator import
     * flyway} names them) of the newest version Flyway applied, and stamps it: migrator's tables,
     * the version row and a history row with the checksum of every revision up to it, in one
     * transaction under the run lock. Flyway's table is left as it is. Does nothing when migrator's
     * version table exists already (also when another instance took over meanwhile), or when there is
     * no Flyway history.
     *
     * @throws dev.migrator.error.DatabaseException when Flyway's history holds a failed migration, or
     *     a script version older than the newest applied one that Flyway has not applied
     * @throws BadInputException when the newest applied version has no revision in the scripts
     */
    public FlywayTakeover takeOverFlyway(FlywayHistoryTable flywayTable) {
        try {
            return onlineWithState((session, tables, state, catalog) -> {
                if (state.versionTableExists()) {
                    return new FlywayTakeover(FlywayTakeover.Outcome.ALREADY_MANAGED, null, null, null, state.rows(),
                            List.of(), null);
                }
                List<List<@Nullable Object>> current = session.query(session.dialect().currentSchemaQuery());
                Object defaultSchema = current.isEmpty() ? null : current.get(0).get(0);
                if (defaultSchema == null && flywayTable.schema() == null) {
                    throw new BadInputException("The connection has no default schema (database) to look for "
                            + flywayTable.table() + " in: name the schema of Flyway's table");
                }
                java.util.Optional<FlywayHistory> history = FlywayHistory.read(session, flywayTable,
                        String.valueOf(defaultSchema));
                if (history.isEmpty()) {
                    return new FlywayTakeover(FlywayTakeover.Outcome.NO_FLYWAY_HISTORY, null, null, null, state.rows(),
                            List.of(), null);
                }
                List<String> ids = catalog.graph().revisions().stream().map(Revision::id).toList();
                FlywayHistory.Decision decision = history.get().decide(ids);
                java.util.Map<String, String> upgradeSql = new java.util.HashMap<>();
                for (RevisionScript script : catalog.scripts()) {
                    upgradeSql.put(script.id(), script.upgrade().sql());
                }
                List<String> notes = new ArrayList<>(decision.notes());
                notes.addAll(history.get().editedSinceApplied(upgradeSql));
                if (decision.target() == null) {
                    return new FlywayTakeover(FlywayTakeover.Outcome.NOTHING_APPLIED, history.get().where(),
                            decision.topVersion(), null, state.rows(), notes, null);
                }
                RunResult stamp;
                try {
                    stamp = new Engine(catalog, config, listener).run(session, new UntakenState(state), tables,
                            Command.STAMP, List.of(decision.target()), false);
                } catch (TakenOverMeanwhile e) {
                    return new FlywayTakeover(FlywayTakeover.Outcome.ALREADY_MANAGED, history.get().where(), null, null,
                            e.rows, List.of(), null);
                }
                return new FlywayTakeover(FlywayTakeover.Outcome.TAKEN_OVER, history.get().where(),
                        decision.topVersion(), decision.target(), stamp.rowsAfter(), notes, stamp);
            });
        } catch (RuntimeException e) {
            listener.runFailed(Command.STAMP, e);
            throw e;
        }
    }

    /**
     * The state for a takeover's stamp: as read before, and under the lock as the database says,
     * unless another instance created migrator's version table meanwhile (and may have upgraded
     * past the Flyway version since): then the stamp must not run.
     */
    private static final class UntakenState implements dev.migrator.engine.StateSource {

        private final LiveState live;

        UntakenState(DatabaseState alreadyRead) {
            this.live = new LiveState(alreadyRead);
        }

        @Override
        public DatabaseState read(Session session, BookkeepingTables tables) {
            DatabaseState state = live.read(session, tables);
            if (state.versionTableExists()) {
                throw new TakenOverMeanwhile(state.rows());
            }
            return state;
        }
    }

    private static final class TakenOverMeanwhile extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final transient Set<String> rows;

        TakenOverMeanwhile(Set<String> rows) {
            super(null, null, false, false);
            this.rows = rows;
        }
    }

    /** What {@code run} would do now; changes nothing. */
    public Plan plan(Command command, String target) {
        return onlineWithState((session, tables, state, catalog) -> new Engine(catalog, config, listener)
                .plan(state, command, List.of(target), false));
    }

    /** Where the database stands against the scripts. */
    public MigrationStatus status() {
        return onlineWithState((session, tables, state, catalog) -> status(catalog, state));
    }

    /** The database's version rows. */
    public Set<String> current() {
        return online(session -> new LiveState().read(session, tables(session)).rows());
    }

    /** The history table, newest first; empty when migrator never ran here. */
    public List<HistoryEntry> history(int limit) {
        return online(session -> {
            BookkeepingTables tables = tables(session);
            if (!new LiveState().read(session, tables).historyTableExists()) {
                return List.of();
            }
            List<HistoryEntry> entries = new ArrayList<>();
            for (List<@Nullable Object> row : session.query(tables.selectHistory(limit))) {
                entries.add(HistoryRows.full(row));
            }
            return entries;
        });
    }

    /** The database's dialect: the configured one, or the one the connection's URL names (which opens a session). */
    public Dialect dialect() {
        String configured = config.dialect();
        return configured != null ? Dialects.byName(configured) : online(Session::dialect);
    }

    /** The scripts and their graph, as the dialect sees them ({@code {vendor}} locations); no database. */
    public ScriptCatalog scripts(Dialect dialect) {
        return catalog(dialect);
    }

    /**
     * The lint findings of the revisions {@code upgrade heads} would apply. Applied revisions are read
     * too, for what they established (a validated CHECK), but not reported. Reads the database, changes
     * nothing; empty for a dialect the linter has no rules for.
     */
    public List<Finding> lintPending(LintSettings settings) {
        return onlineWithState((session, tables, state, catalog) -> {
            Set<String> pending = new HashSet<>();
            status(catalog, state).pending().forEach(revision -> pending.add(revision.id()));
            return lint(catalog, session.dialect(), settings, pending);
        });
    }

    /** The lint findings of the {@code selected} revisions, as the dialect runs them; connects to nothing. */
    public List<Finding> lint(Dialect dialect, LintSettings settings, Set<String> selected) {
        return lint(catalog(dialect), dialect, settings, selected);
    }

    private static List<Finding> lint(ScriptCatalog catalog, Dialect dialect, LintSettings settings,
            Set<String> selected) {
        if (selected.isEmpty() || !Linter.supports(dialect)) {
            return List.of();
        }
        List<RevisionScript> inOrder = new ArrayList<>();
        for (Revision revision : catalog.graph().revisions()) {
            inOrder.add(catalog.script(revision.id()));
        }
        return Linter.create(dialect, settings).lint(inOrder, script -> selected.contains(script.id()));
    }

    /**
     * Fails when the locations hold no script at all, which is a typo or a misnamed {@code {vendor}}
     * folder far more often than a project without revisions. Lists names only; reads no script.
     * The database is asked for its dialect only when a location names {@code {vendor}}.
     *
     * @throws dev.migrator.error.NoScriptsException naming each location and the folders beside it
     */
    public void requireScripts() {
        List<ScriptLocation> locations = locations();
        requireScripts(locations, dependsOnVendor(locations) ? dialect().name() : "");
    }

    /** As {@link #requireScripts()}, for a known dialect (offline scripts); connects to nothing. */
    public void requireScripts(Dialect dialect) {
        requireScripts(locations(), dialect.name());
    }

    private void requireScripts(List<ScriptLocation> locations, String vendor) {
        new ScriptLocations(classLoader).requireScripts(locations, vendor);
    }

    /**
     * The offline script of a command, connecting to nothing.
     *
     * @param range {@code START:END}; for upgrade and stamp a bare target means {@code base:TARGET}
     */
    public String script(Dialect dialect, Command command, String range) {
        ScriptCatalog catalog = catalog(dialect);
        TargetRange parsed = range.contains(":") ? TargetRange.parse(range) : bareRange(command, range);
        Set<String> startRows = new Planner(catalog.graph()).rowsAt(parsed.start());
        return render(catalog, dialect, command, new AssumedState(startRows, !"base".equals(parsed.start())),
                List.of(parsed.end()), false);
    }

    /**
     * The offline script of a stamp to one or more targets, connecting to nothing: from base, or
     * with {@code purge} from a version table it empties first (which repairs a table that cannot be right).
     */
    String stampScript(Dialect dialect, List<String> targets, boolean purge) {
        for (String target : targets) {
            if (target.contains(":")) {
                throw new BadInputException("'" + target + "' is a range; a stamp script "
                        + (purge ? "with purge empties the version table, so it has no START: give the targets only"
                                : "to several targets starts from base: give the targets only"));
            }
        }
        return render(catalog(dialect), dialect, Command.STAMP, new AssumedState(Set.of(), false), targets, purge);
    }

    /** The offline script from the database's current revisions to {@code target}; reads the database, changes nothing. */
    public String scriptFromCurrent(Command command, String target) {
        return onlineWithState((session, tables, state, catalog) -> render(catalog, session.dialect(), command,
                new AssumedState(state.rows(), state.tablesExist()), List.of(target), false));
    }

    private String render(ScriptCatalog catalog, Dialect dialect, Command command, AssumedState start,
            List<String> targets, boolean purge) {
        try (OfflineSession session = new OfflineSession(dialect)) {
            session.comment("migrator " + command.name().toLowerCase(java.util.Locale.ROOT) + " to "
                    + String.join(" ", targets) + " for " + dialect.name() + ", from "
                    + (purge ? "an emptied version table" : start.rows().isEmpty() ? "base" : start.rows()));
            // Listeners follow runs against a database; rendering a script applies nothing.
            Engine engine = new Engine(catalog, config, MigrationListener.NONE);
            // Offline scripts run in the DBA's session: its default schema, unless one is configured.
            String schemaSql = session.schemaReference();
            BookkeepingTables tables = config.schema() != null || schemaSql == null
                    ? engine.tables(session, config.schema())
                    : BookkeepingTables.qualifiedBy(dialect, schemaSql, config.versionTable(), config.historyTable());
            engine.run(session, start, tables, command, targets, purge);
            return session.script();
        }
    }

    private static TargetRange bareRange(Command command, String target) {
        if (command == Command.DOWNGRADE) {
            throw new BadInputException("An offline downgrade needs a range START:END (for example heads:base), since "
                    + "there is no database to read the current revisions from; got '" + target + "'");
        }
        return new TargetRange("base", target);
    }

    private MigrationStatus status(ScriptCatalog catalog, DatabaseState state) {
        RevisionGraph graph = catalog.graph();
        StateCheck check = new StateCheck(catalog);
        boolean unknown = !check.unknownRows(state).isEmpty();
        // A newer release may have migrated past these heads (a rolling deploy): its version row names
        // a revision these scripts lack, and only the history table shows which of ours were applied.
        Set<String> applied = unknown ? check.appliedKnownRevisions(state) : graph.ancestors(state.rows());
        List<Revision> pending = new ArrayList<>();
        for (Step step : new Planner(graph).upgrade(graph.maximal(applied), "heads").steps()) {
            pending.add(step.revision());
        }
        List<Revision> driftedRevisions = check.drifted(state).stream().map(script -> graph.get(script.id())).toList();
        boolean drifted = !driftedRevisions.isEmpty();
        MigrationStatus.State summary;
        if (unknown) {
            summary = pending.isEmpty() && !drifted ? MigrationStatus.State.AHEAD : MigrationStatus.State.DIVERGED;
        } else if (drifted || !check.redundantRows(state).isEmpty()) {
            summary = MigrationStatus.State.DIVERGED;
        } else {
            summary = pending.isEmpty() ? MigrationStatus.State.UP_TO_DATE : MigrationStatus.State.PENDING;
        }
        return new MigrationStatus(state.rows(), graph.heads(), summary, pending, driftedRevisions);
    }

    private List<ScriptLocation> locations() {
        List<ScriptLocation> locations = new ArrayList<>();
        for (String location : config.locations()) {
            locations.add(ScriptLocation.parse(location));
        }
        return locations;
    }

    private ScriptCatalog catalog(Dialect dialect) {
        return catalog(locations(), dialect.name());
    }

    /** The scripts, read once and kept while their files are unchanged (a missing location is warned of on reading). */
    private ScriptCatalog catalog(List<ScriptLocation> locations, String dialect) {
        ScriptLoader loader = new ScriptLoader(classLoader);
        String vendor = dependsOnVendor(locations) ? dialect : ""; // one cache entry when no location names {vendor}
        return scripts.get(loader, locations, vendor, () -> {
            ScriptCatalog catalog = ScriptCatalog.of(loader.load(locations, vendor));
            for (ScriptLocation missing : catalog.missingLocations()) {
                LOG.log(Level.WARNING, "Script location {0} does not exist", missing);
            }
            return catalog;
        });
    }

    private @Nullable String schema(Session session) {
        if (config.schema() != null) {
            return config.schema();
        }
        List<List<@Nullable Object>> rows = session.query(session.dialect().currentSchemaQuery());
        Object schema = rows.isEmpty() ? null : rows.get(0).get(0);
        if (schema == null) {
            throw new BadInputException("The connection has no default schema (database); name one in the URL or set "
                    + "version-table-schema");
        }
        return schema.toString();
    }

    /** The bookkeeping tables in the configured schema, or else the connection's default one. */
    private BookkeepingTables tables(Session session) {
        return new BookkeepingTables(session.dialect(), schema(session), config.versionTable(), config.historyTable());
    }

    /** Work that needs the database's state and the scripts. */
    @FunctionalInterface
    private interface StateWork<T> {
        T apply(Session session, BookkeepingTables tables, DatabaseState state, ScriptCatalog catalog);
    }

    /**
     * Opens a session, reads the state and hands both to the work with the scripts. The first time,
     * when no location depends on the dialect, the scripts are read on another thread while the
     * connection opens and the state is read: a cold boot pays the slower of the two rather than
     * both. Later calls take them from the cache, on this thread, while the files are unchanged.
     */
    private <T> T onlineWithState(StateWork<T> work) {
        List<ScriptLocation> locations = locations();
        boolean vendorFolders = dependsOnVendor(locations);
        // The scripts' files are listed once per call: a fresh cache entry is used as it is.
        @Nullable ScriptCatalog cached = vendorFolders ? null
                : scripts.current(new ScriptLoader(classLoader), locations, "");
        ScriptsReader early = vendorFolders || cached != null ? null : new ScriptsReader(locations);
        if (early != null) {
            early.start();
        }
        return online(session -> {
            BookkeepingTables tables = tables(session);
            DatabaseState state = new LiveState().read(session, tables);
            ScriptCatalog catalog = cached != null ? cached : early != null ? early.await()
                    : catalog(locations, session.dialect().name());
            return work.apply(session, tables, state, catalog);
        });
    }

    private static boolean dependsOnVendor(List<ScriptLocation> locations) {
        for (ScriptLocation location : locations) {
            if (location.dependsOnVendor()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the scripts on a thread of its own. A plain thread rather than the common pool: a
     * cold JVM pays for every class it loads, and the pool's are dozens.
     */
    private final class ScriptsReader extends Thread {

        private final List<ScriptLocation> locations;
        private @Nullable ScriptCatalog catalog;
        private @Nullable Throwable failure;

        ScriptsReader(List<ScriptLocation> locations) {
            super("migrator-scripts");
            setDaemon(true);
            this.locations = locations;
        }

        @Override
        public void run() {
            try {
                Dialects.builtIn(); // created here, off the path of the connection, which needs one next
                catalog = catalog(locations, "");
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        /** The scripts, once read; what reading them threw is thrown here, on the caller's thread. */
        ScriptCatalog await() {
            try {
                join(); // also makes the fields written by run() visible here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the scripts", e);
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return Objects.requireNonNull(catalog);
        }
    }

    private <T> T online(Function<Session, T> work) {
        if (sessions == null) {
            throw new IllegalStateException("This migrator was created offline and has no database");
        }
        try (Session session = sessions.get()) {
            return work.apply(session);
        }
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Migrator.class.getClassLoader();
    }
}
