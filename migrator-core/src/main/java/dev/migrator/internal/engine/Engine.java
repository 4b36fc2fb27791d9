package dev.migrator.internal.engine;

import dev.migrator.bookkeeping.Direction;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.bookkeeping.Outcome;
import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.RunResult;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.BadInputException;
import dev.migrator.error.MigratorException;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.internal.plan.Planner;
import dev.migrator.java.JavaRevisionResolver;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Step;
import dev.migrator.script.RevisionScript;
import dev.migrator.session.Session;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs a command: read the state, check it, plan, take the lock, read and plan again (another
 * instance may have migrated meanwhile), create the tables if needed, run the steps. The same
 * code serves JDBC, R2DBC and offline sessions; only the {@link StateSource} and the session differ.
 */
public final class Engine {

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    private final ScriptCatalog catalog;
    private final MigratorConfig config;
    private final MigrationListener listener;
    private final StateCheck check;
    private final Planner planner;
    private final Set<String> acceptedRepeatables;
    private final JavaRevisionResolver javaRevisions;

    /** An engine whose Java revisions are created with their no-argument constructor, from the context class loader. */
    public Engine(ScriptCatalog catalog, MigratorConfig config, MigrationListener listener) {
        this(catalog, config, listener, JavaRevisionResolver.constructing(contextClassLoader()));
    }

    public Engine(ScriptCatalog catalog, MigratorConfig config, MigrationListener listener,
            JavaRevisionResolver javaRevisions) {
        this(catalog, config, listener, Set.of(), javaRevisions);
    }

    private Engine(ScriptCatalog catalog, MigratorConfig config, MigrationListener listener,
            Set<String> acceptedRepeatables, JavaRevisionResolver javaRevisions) {
        this.javaRevisions = javaRevisions;
        this.catalog = catalog;
        this.config = config;
        this.listener = listener;
        this.check = new StateCheck(catalog);
        this.planner = new Planner(catalog.graph());
        this.acceptedRepeatables = Set.copyOf(acceptedRepeatables);
    }

    /**
     * This engine, whose stamps also record the current checksum of these repeatable revisions, as
     * if they had just run: a Flyway takeover knows from Flyway's history that they did.
     */
    public Engine acceptingRepeatables(Set<String> ids) {
        return new Engine(catalog, config, listener, ids, javaRevisions);
    }

    /** The tables of this config on this session, schema-qualified where the schema is known. */
    public BookkeepingTables tables(Session session, @Nullable String schema) {
        return new BookkeepingTables(session.dialect(), schema, config.versionTable(), config.historyTable());
    }

    /**
     * Runs the command; a failure is reported to the listener by the caller, which also sees the
     * failures before the engine (scripts that do not load, a database that refuses the connection).
     *
     * @param tables the bookkeeping tables (online: in the configured or the connection's default
     *     schema; offline: in the configured schema or the one the script starts in)
     */
    public RunResult run(Session session, StateSource source, BookkeepingTables tables, Command command,
            List<String> target, boolean purge) {
        long started = System.nanoTime();
        String schema = tables.schema();
        DatabaseState state = source.read(session, tables);
        Plan plan = plan(state, command, target, purge);
        if (nothingToDo(state, command, plan)) {
            LOG.log(Level.DEBUG, "Nothing to {0}: the database is at {1}", command, state.rows());
            // Nothing ran, so nothing was purged either.
            RunResult result = new RunResult(command, new Plan(plan.steps(), plan.rowsBefore(), plan.rowsAfter()),
                    state.rows(), state.rows(), millisSince(started));
            listener.runFinished(result);
            return result;
        }
        session.lock(session.dialect().lock(schema == null ? "" : schema, config.versionTable()), config.lockTimeout());
        try {
            state = source.read(session, tables);
            plan = plan(state, command, target, purge);
            PlaceholderValues placeholders = new PlaceholderValues(config, session, tables);
            Callbacks callbacks = new Callbacks(catalog, command, session.dialect().statementSplitter(), placeholders);
            StepRunner runner = new StepRunner(catalog, tables, session.dialect().statementSplitter(),
                    state.latestHistory(), placeholders, callbacks, new JavaSteps(catalog, javaRevisions));
            runner.prepare(session, plan.steps());
            callbacks.prepare(plan.steps());
            requireRunnable(session, plan);
            if (!state.tablesExist()) {
                for (String sql : tables.createTables()) {
                    session.execute(sql);
                }
            } else if (!state.historyIndexExists()) {
                createHistoryIndex(session, tables);
            }
            listener.runStarting(command, plan);
            runSteps(session, runner, callbacks, tables, state, command, plan);
        } finally {
            session.unlock();
        }
        RunResult result = new RunResult(command, plan, state.rows(), plan.rowsAfter(), millisSince(started));
        listener.runFinished(result);
        return result;
    }

    /**
     * The history table's index, on tables an earlier version created without it: under the lock
     * of a run that writes anyway, never on a no-op; an offline script from a revision creates it
     * too, with statements that leave an existing index alone.
     */
    private static void createHistoryIndex(Session session, BookkeepingTables tables) {
        List<String> statements = tables.createHistoryIndex();
        if (statements.isEmpty()) {
            return;
        }
        session.comment("the history table's index on (revision, id), where an earlier version created the table without it");
        for (String sql : statements) {
            session.execute(sql);
        }
    }

    /**
     * Checks the state and plans, without changing anything.
     *
     * @param targets one target; stamp takes several
     * @param purge stamp only: empty the version table first
     */
    public Plan plan(DatabaseState state, Command command, List<String> targets, boolean purge) {
        if (command != Command.STAMP && targets.size() != 1) {
            throw new BadInputException(command.name().toLowerCase(java.util.Locale.ROOT) + " takes one target, not "
                    + targets.size() + " (" + String.join(" ", targets) + "); only stamp takes several");
        }
        if (purge && command != Command.STAMP) {
            throw new BadInputException("purge belongs to stamp; " + command.name().toLowerCase(java.util.Locale.ROOT)
                    + " never empties the version table");
        }
        if (command == Command.UPGRADE && check.ahead(state)) {
            return aheadOfTheScripts(state, targets.get(0));
        }
        if (!purge) {
            check.requireKnownRows(state);
        }
        if (config.validateChecksums() && command != Command.STAMP) {
            check.requireNoDrift(state);
        }
        return switch (command) {
            case UPGRADE -> withRepeatables(planner.upgrade(state.rows(), targets.get(0)), state);
            case DOWNGRADE -> planner.downgrade(state.rows(), targets.get(0));
            case STAMP -> planner.stamp(state.rows(), targets, purge);
        };
    }

    /** Every upgrade runs the changed repeatable revisions after its versioned steps, whatever its target. */
    private Plan withRepeatables(Plan versioned, DatabaseState state) {
        List<Step> repeatables = Repeatables.steps(catalog, state);
        if (repeatables.isEmpty()) {
            return versioned;
        }
        List<Step> steps = new ArrayList<>(versioned.steps());
        steps.addAll(repeatables);
        return new Plan(steps, versioned.rowsBefore(), versioned.rowsAfter(), versioned.purge());
    }

    /**
     * A newer release has applied revisions these scripts do not know (a rolling deploy, a
     * rollback of the service): when the target needs nothing more, there is nothing to do, as
     * for Flyway's future migrations; anything else would guess at a graph it cannot see.
     */
    private Plan aheadOfTheScripts(DatabaseState state, String target) {
        Set<String> applied = check.appliedKnownRevisions(state);
        if (config.validateChecksums()) {
            check.requireNoDrift(state);
        }
        Plan plan = planner.upgrade(catalog.graph().maximal(applied), target);
        if (!plan.isEmpty()) {
            check.requireKnownRows(state);
        }
        LOG.log(Level.WARNING, "The database is ahead of these scripts: it is at {0}, which a newer release applied;"
                + " every revision the scripts define is applied, so there is nothing to upgrade", state.rows());
        return new Plan(List.of(), state.rows(), state.rows());
    }

    private boolean nothingToDo(DatabaseState state, Command command, Plan plan) {
        if (!plan.isEmpty()) {
            return false;
        }
        // A stamp to where the database already is still records edited checksums, and purges.
        return command != Command.STAMP || check.drifted(state).isEmpty() && state.rows().equals(plan.rowsAfter())
                && acceptedRepeatables.isEmpty();
    }

    private void requireRunnable(Session session, Plan plan) {
        if (config.transactionPerMigration() || !session.dialect().transactionalDdl()) {
            return;
        }
        for (Step step : plan.steps()) {
            // Repeatable revisions run after the outer transaction, each in its own.
            if (step.kind() != dev.migrator.plan.StepKind.STAMP && !repeatable(step)
                    && !catalog.script(step.revision().id()).transactional()) {
                RevisionScript script = catalog.script(step.revision().id());
                throw new BadInputException("Revision " + script.id() + " (" + script.source() + ") is `transactional "
                        + "false` and cannot run inside the single transaction of transaction-per-migration=false;"
                        + " run it on its own (upgrade " + script.id() + ") or turn that option off.");
            }
        }
    }

    private boolean repeatable(Step step) {
        return catalog.script(step.revision().id()).repeatable();
    }

    /**
     * Runs the steps. A stamp changes bookkeeping rows only, so all of it (emptying the table for
     * a purge, every row change, the checksums it accepts) is one transaction on every database.
     * Repeatable revisions come last, each in its own transaction, also after a run in one
     * transaction: a failed view must not take the committed versioned steps with it.
     */
    private void runSteps(Session session, StepRunner runner, Callbacks callbacks, BookkeepingTables tables,
            DatabaseState state, Command command, Plan plan) {
        boolean stamp = command == Command.STAMP;
        boolean outer = stamp || !config.transactionPerMigration() && session.dialect().transactionalDdl();
        if (outer) {
            session.begin();
        }
        try {
            if (plan.purge()) {
                session.comment("stamp --purge: every version row goes, whatever it names");
                session.execute(tables.deleteAllVersionRows());
            }
            callbacks.beforeRun(session, outer);
            for (Step step : plan.steps()) {
                if (!repeatable(step)) {
                    runStep(session, runner, step, outer);
                }
            }
            callbacks.afterRun(session, outer);
            if (stamp) {
                session.executeAll(stampedChecksums(tables, state, plan));
            }
            if (outer) {
                session.commit();
            }
        } catch (RuntimeException e) {
            if (outer && session.inTransaction()) {
                try {
                    session.rollback();
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
            }
            throw e;
        }
        for (Step step : plan.steps()) {
            if (repeatable(step)) {
                runStep(session, runner, step, false);
            }
        }
    }

    private void runStep(Session session, StepRunner runner, Step step, boolean outer) {
        RevisionScript script = catalog.script(step.revision().id());
        session.comment(Command.direction(step.kind()) + (script.repeatable() ? " repeatable " : " ") + script.id()
                + (script.message().isEmpty() ? ""
                : ": " + script.message()) + " (" + script.source() + ")");
        listener.stepStarting(step);
        long started = System.nanoTime();
        try {
            runner.run(session, step, outer);
        } catch (MigratorException e) {
            listener.stepFailed(step, millisSince(started), e);
            throw e;
        }
        listener.stepFinished(step, millisSince(started));
    }

    /**
     * The history rows a stamp adds beside its steps: a {@code stamp} history row with the script's current checksum for every
     * applied revision whose recorded checksum differs (the stamp accepts the edit), and for every
     * revision the stamp newly marked applied without a row of its own (a baseline of an existing
     * database marks all of them), so that later edits to those are caught too.
     */
    private List<String> stampedChecksums(BookkeepingTables tables, DatabaseState before, Plan plan) {
        RevisionGraph graph = catalog.graph();
        Set<String> applied = graph.ancestors(plan.rowsAfter());
        Set<String> recordedBySteps = new HashSet<>();
        for (Step step : plan.steps()) {
            recordedBySteps.add(step.revision().id());
        }
        List<RevisionScript> toRecord = new ArrayList<>();
        for (RevisionScript script : check.drifted(before)) {
            if (applied.contains(script.id())) {
                LOG.log(Level.INFO, "Recording the new checksum of revision {0} ({1})", script.id(), script.source());
                toRecord.add(script);
            }
        }
        Set<String> appliedBefore = graph.ancestors(plan.rowsBefore());
        for (Revision revision : graph.revisions()) { // parents first
            String id = revision.id();
            if (!applied.contains(id) || appliedBefore.contains(id)) {
                continue;
            }
            HistoryEntry entry = before.latestHistory().get(id);
            boolean unrecorded = entry == null || !entry.applied();
            if (unrecorded && !recordedBySteps.contains(id)) {
                toRecord.add(catalog.script(id));
            }
        }
        for (RevisionScript script : catalog.repeatables()) {
            if (acceptedRepeatables.contains(script.id()) && !Repeatables.upToDate(script, before)) {
                toRecord.add(script);
            }
        }
        List<String> rows = new ArrayList<>();
        for (RevisionScript script : toRecord) {
            rows.add(tables.insertHistory(script.id(), Direction.STAMP, Outcome.SUCCESS, script.checksum(), script.message(), null,
                    0));
        }
        return rows;
    }

    public ScriptCatalog catalog() {
        return catalog;
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Engine.class.getClassLoader();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
