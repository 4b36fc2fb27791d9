package dev.migrator;

import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.engine.RunResult;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.BadInputException;
import dev.migrator.flyway.FlywayHistoryTable;
import dev.migrator.flyway.FlywayTakeover;
import dev.migrator.graph.Revision;
import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.internal.bookkeeping.HistoryRows;
import dev.migrator.internal.engine.AssumedState;
import dev.migrator.internal.engine.DatabaseState;
import dev.migrator.internal.engine.Engine;
import dev.migrator.internal.engine.LiveState;
import dev.migrator.internal.engine.ScriptCache;
import dev.migrator.internal.engine.StateCheck;
import dev.migrator.internal.plan.Planner;
import dev.migrator.internal.script.LoadedScripts;
import dev.migrator.internal.script.ScriptLoader;
import dev.migrator.internal.script.ScriptLocations;
import dev.migrator.internal.session.JdbcSession;
import dev.migrator.internal.session.OfflineSession;
import dev.migrator.java.JavaRevisionResolver;
import dev.migrator.lint.Finding;
import dev.migrator.lint.LintSettings;
import dev.migrator.lint.Linter;
import dev.migrator.plan.Plan;
import dev.migrator.plan.TargetRange;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptLocation;
import dev.migrator.session.Session;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
    private final @Nullable JavaRevisionResolver javaRevisions;

    private Migrator(MigratorConfig config, @Nullable Supplier<? extends Session> sessions, ClassLoader classLoader,
            MigrationListener listener, ScriptCache scripts, @Nullable JavaRevisionResolver javaRevisions) {
        this.javaRevisions = javaRevisions;
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
        return new Migrator(config, sessions, defaultClassLoader(), MigrationListener.NONE, new ScriptCache(), null);
    }

    /** Offline work only: SQL scripts for a DBA, and the scripts read; there is no database. */
    public static OfflineScripts offline(MigratorConfig config) {
        return new OfflineScripts(withoutDatabase(config, defaultClassLoader()));
    }

    static Migrator withoutDatabase(MigratorConfig config, ClassLoader classLoader) {
        return new Migrator(config, null, classLoader, MigrationListener.NONE, new ScriptCache(), null);
    }

    /** The same migrator reporting to {@code listener}; it shares this one's scripts, as read. */
    public Migrator withListener(MigrationListener listener) {
        return new Migrator(config, sessions, classLoader, listener, scripts, javaRevisions);
    }

    /**
     * The same migrator, creating the objects of its Java revisions with {@code resolver} (the Spring Boot
     * auto-configuration hands out beans). Without one, the class named by a script is loaded from this
     * migrator's class loader and created with its public no-argument constructor.
     */
    public Migrator withJavaRevisions(JavaRevisionResolver resolver) {
        return new Migrator(config, sessions, classLoader, listener, scripts, resolver);
    }

    /** Where {@code classpath:} locations (and, without {@link #withJavaRevisions}, Java revisions) are read from. */
    public Migrator withClassLoader(ClassLoader classLoader) {
        return new Migrator(config, sessions, classLoader, listener, new ScriptCache(), javaRevisions);
    }

    /**
     * This migrator in one schema of many (schema per tenant): each connection switches to
     * {@code schema} (a database, on MariaDB and MySQL), so the scripts' unqualified names and the
     * version and history tables land there, under that schema's own run lock. It shares this
     * migrator's scripts, read once for every schema. The schema must exist. JDBC only: over R2DBC,
     * give each schema a connection factory of its own.
     */
    public Migrator inSchema(String schema) {
        if (sessions == null) {
            throw new IllegalStateException("This migrator was created offline and has no database");
        }
        Supplier<? extends Session> all = sessions;
        MigratorConfig inSchema = config.toBuilder().schema(schema).build(); // checks the name
        Supplier<Session> switched = () -> {
            Session session = all.get();
            try {
                session.useSchema(schema);
                List<List<@Nullable Object>> rows = session.query(session.dialect().currentSchemaQuery());
                Object current = rows.isEmpty() ? null : rows.get(0).get(0);
                if (current == null || !schema.equalsIgnoreCase(current.toString())) {
                    throw new BadInputException("Schema " + schema + " does not exist, or this login may not use it;"
                            + " create it (and grant its use) before migrating it");
                }
                return session;
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        };
        return new Migrator(inSchema, switched, classLoader, listener, scripts, javaRevisions);
    }

    /**
     * Upgrades each schema to {@code target} ({@link #inSchema}), at most {@code parallelism} at
     * once; a schema that fails does not stop the others, and the result says which did what. Each
     * run holds one connection (two on H2, whose run lock is a row): a pool of {@code parallelism}
     * connections is enough elsewhere.
     */
    public SchemaRuns upgradeSchemas(List<String> schemas, String target, int parallelism) {
        return new SchemaUpgrades(this, target, parallelism).run(schemas);
    }

    public MigratorConfig config() {
        return config;
    }

    public RunResult upgrade(String target) {
        return run(Command.UPGRADE, target);
    }

    /**
     * {@link #upgrade(String)}, with the lint findings of the revisions {@code upgrade heads} would
     * apply ({@link #lintPending}) handed to {@code gate} first: in the same session and from the same
     * read of the state as the run, before it takes the lock. A gate that throws stops the run with
     * nothing applied; the listener hears of it as a failed run. What a startup that lints pays once
     * instead of twice.
     */
    public RunResult upgrade(String target, LintSettings settings, Consumer<List<Finding>> gate) {
        return run(Command.UPGRADE, List.of(target), false, (session, state, catalog) -> gate.accept(
                lint(catalog, session.dialect(), settings, pendingIds(catalog, state))));
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
        return run(command, targets, purge, (session, state, catalog) -> { });
    }

    /** What looks at the state a run starts from before the engine does; throwing stops the run. */
    private interface BeforeRun {
        void check(Session session, DatabaseState state, ScriptCatalog catalog);
    }

    private RunResult run(Command command, List<String> targets, boolean purge, BeforeRun beforeRun) {
        try {
            return onlineWithState((session, tables, state, catalog) -> {
                beforeRun.check(session, state, catalog);
                return new Engine(catalog, config, listener, javaRevisions())
                        .run(session, new LiveState(catalog, state), tables, command, targets, purge);
            });
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
            return onlineWithState((session, tables, state, catalog) -> new FlywayTakeoverRun(config, listener)
                    .run(session, tables, state, catalog, flywayTable));
        } catch (RuntimeException e) {
            listener.runFailed(Command.STAMP, e);
            throw e;
        }
    }

    /** What {@code run} would do now; changes nothing. */
    public Plan plan(Command command, String target) {
        return onlineWithState((session, tables, state, catalog) -> new Engine(catalog, config, listener)
                .plan(state, command, List.of(target), false));
    }

    /** Where the database stands against the scripts. */
    public MigrationStatus status() {
        return onlineWithState((session, tables, state, catalog) -> new StateCheck(catalog).status(state));
    }

    /** The database's version rows. */
    public Set<String> current() {
        return online(session -> LiveState.withoutHistory().read(session, tables(session)).rows());
    }

    /** The history table, newest first; empty when migrator never ran here. */
    public List<HistoryEntry> history(int limit) {
        return online(session -> {
            BookkeepingTables tables = tables(session);
            if (!LiveState.withoutHistory().read(session, tables).historyTableExists()) {
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
        return onlineWithState((session, tables, state, catalog) -> lint(catalog, session.dialect(), settings,
                pendingIds(catalog, state)));
    }

    private static Set<String> pendingIds(ScriptCatalog catalog, DatabaseState state) {
        Set<String> pending = new HashSet<>();
        new StateCheck(catalog).status(state).pending().forEach(revision -> pending.add(revision.id()));
        return pending;
    }

    /**
     * The lint findings of the {@code selected} revisions (repeatable ones too, by id), as the dialect runs them;
     * connects to nothing.
     */
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
        inOrder.addAll(catalog.repeatables()); // they run after the versioned revisions
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
                new AssumedState(state.rows(), state.tablesExist(), repeatablesHistory(catalog, state),
                        state.historyIndexExists()),
                List.of(target), false));
    }

    /**
     * The newest history rows of the repeatable revisions, so that a script from the database's
     * state runs only the changed ones; the rest of the history stays out of offline scripts.
     */
    private static Map<String, HistoryEntry> repeatablesHistory(ScriptCatalog catalog, DatabaseState state) {
        Map<String, HistoryEntry> history = new HashMap<>();
        for (RevisionScript script : catalog.repeatables()) {
            HistoryEntry entry = state.latestHistory().get(script.id());
            if (entry != null) {
                history.put(script.id(), entry);
            }
        }
        return history;
    }

    private String render(ScriptCatalog catalog, Dialect dialect, Command command, AssumedState start,
            List<String> targets, boolean purge) {
        try (OfflineSession session = new OfflineSession(dialect)) {
            session.comment("migrator " + command.name().toLowerCase(Locale.ROOT) + " to "
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
            LoadedScripts loaded = loader.load(locations, vendor);
            ScriptCatalog catalog = ScriptCatalog.of(loaded.scripts(), loaded.callbacks(), loaded.missingLocations());
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

    /** Opens a session, reads the state and hands both to the work with the scripts. */
    private <T> T onlineWithState(StateWork<T> work) {
        return online(session -> {
            BookkeepingTables tables = tables(session);
            // The scripts first: the history lookup asks for their revisions only.
            ScriptCatalog catalog = catalog(session.dialect());
            DatabaseState state = new LiveState(catalog).read(session, tables);
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

    private <T> T online(Function<Session, T> work) {
        if (sessions == null) {
            throw new IllegalStateException("This migrator was created offline and has no database");
        }
        try (Session session = sessions.get()) {
            return work.apply(session);
        }
    }

    private JavaRevisionResolver javaRevisions() {
        return javaRevisions != null ? javaRevisions : JavaRevisionResolver.constructing(classLoader);
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Migrator.class.getClassLoader();
    }
}
