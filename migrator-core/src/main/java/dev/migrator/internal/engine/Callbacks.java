package dev.migrator.internal.engine;

import dev.migrator.engine.Command;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.DatabaseException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.error.ScriptException;
import dev.migrator.internal.script.Placeholders;
import dev.migrator.plan.Step;
import dev.migrator.script.CallbackScript;
import dev.migrator.script.CallbackScript.Event;
import dev.migrator.session.Session;
import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.SqlSyntaxException;
import dev.migrator.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The SQL callbacks of one upgrade or downgrade (docs/script-format.md#callbacks): split, with
 * their placeholder values in, before anything runs, then run where the engine calls them. A stamp
 * runs none.
 */
final class Callbacks {

    /** One statement of a callback. */
    private record Statement(CallbackScript callback, SqlStatement sql) {
    }

    private final ScriptCatalog catalog;
    private final StatementSplitter splitter;
    private final PlaceholderValues placeholders;
    private final @Nullable Event before;
    private final @Nullable Event beforeEach;
    private final @Nullable Event afterEach;
    private final @Nullable Event after;
    private List<Statement> beforeRun = List.of();
    private List<Statement> afterRun = List.of();
    private final Map<Step, List<Statement>> beforeStep = new IdentityHashMap<>();
    private final Map<Step, List<Statement>> afterStep = new IdentityHashMap<>();

    Callbacks(ScriptCatalog catalog, Command command, StatementSplitter splitter, PlaceholderValues placeholders) {
        this.catalog = catalog;
        this.splitter = splitter;
        this.placeholders = placeholders;
        boolean upgrade = command == Command.UPGRADE;
        boolean downgrade = command == Command.DOWNGRADE;
        this.before = upgrade ? Event.BEFORE_MIGRATE : downgrade ? Event.BEFORE_UNDO : null;
        this.beforeEach = upgrade ? Event.BEFORE_EACH_MIGRATE : downgrade ? Event.BEFORE_EACH_UNDO : null;
        this.afterEach = upgrade ? Event.AFTER_EACH_MIGRATE : downgrade ? Event.AFTER_EACH_UNDO : null;
        this.after = upgrade ? Event.AFTER_MIGRATE : downgrade ? Event.AFTER_UNDO : null;
    }

    /** Splits every callback the steps will run, so that a script error (an undefined placeholder) changes nothing. */
    void prepare(List<Step> steps) {
        beforeRun = statements(before, null);
        afterRun = statements(after, null);
        for (Step step : steps) {
            beforeStep.put(step, statements(beforeEach, step.revision().id()));
            afterStep.put(step, statements(afterEach, step.revision().id()));
        }
    }

    /** {@code ${migrator:revision}} in an each-revision callback is the step's revision. */
    private List<Statement> statements(@Nullable Event event, @Nullable String revision) {
        List<Statement> statements = new ArrayList<>();
        if (event == null) {
            return statements;
        }
        for (CallbackScript callback : catalog.callbacks(event)) {
            String sql = Placeholders.replace(callback.sql(), callback.source(),
                    placeholders.forScript(callback.source(), revision));
            try {
                for (SqlStatement statement : splitter.split(sql, callback.sql().firstLine())) {
                    statements.add(new Statement(callback, statement));
                }
            } catch (SqlSyntaxException e) {
                throw new ScriptException(callback.source(), e.line(), e.problem());
            }
        }
        return statements;
    }

    /** Before the first step: in a transaction of its own where the database rolls DDL back, unless inside the run's. */
    void beforeRun(Session session, boolean insideOuterTransaction) {
        runAlone(session, beforeRun, insideOuterTransaction, "No revision of the run had started.");
    }

    /** After the last step, as {@link #beforeRun}. */
    void afterRun(Session session, boolean insideOuterTransaction) {
        runAlone(session, afterRun, insideOuterTransaction, "The revisions of the run stay applied.");
    }

    /**
     * Before the step's statements, in whatever transaction the step runs in.
     *
     * @param outcome what a failure leaves, for the message
     */
    void beforeStep(Session session, Step step, String outcome) {
        run(session, beforeStep.getOrDefault(step, List.of()), step, outcome);
    }

    /** After the step's statements, before its bookkeeping, in the step's transaction. */
    void afterStep(Session session, Step step, String outcome) {
        run(session, afterStep.getOrDefault(step, List.of()), step, outcome);
    }

    private static void runAlone(Session session, List<Statement> statements, boolean insideOuterTransaction,
            String rest) {
        if (statements.isEmpty()) {
            return;
        }
        boolean own = !insideOuterTransaction && session.dialect().transactionalDdl();
        String outcome = insideOuterTransaction
                ? "The whole run was one transaction and was rolled back: no revision of it stays applied."
                : (own ? "The callback's statements were rolled back. " : "Its statements before this one stay (this"
                        + " database commits them at once). ") + rest;
        if (own) {
            session.begin();
        }
        try {
            run(session, statements, null, outcome);
            if (own) {
                session.commit();
            }
        } catch (RuntimeException e) {
            if (own && session.inTransaction()) {
                StepRunner.rollbackQuietly(session, e);
            }
            throw e;
        }
    }

    private static void run(Session session, List<Statement> statements, @Nullable Step step, String outcome) {
        CallbackScript announced = null;
        for (Statement statement : statements) {
            if (statement.callback() != announced) {
                announced = statement.callback();
                session.comment("callback " + announced.event().fileName() + ": " + announced.source());
            }
            try {
                session.execute(statement.sql().sql());
            } catch (DatabaseException e) {
                String where = statement.callback().source() + ":" + statement.sql().line();
                String message = "Callback " + statement.callback().event().fileName() + " failed at " + where + " ("
                        + StepRunner.excerpt(statement.sql().sql()) + "): " + e.getMessage();
                if (step == null) {
                    throw new DatabaseException(message + " " + outcome, e);
                }
                throw new MigrationFailedException(step.revision().id(), statement.callback().source(),
                        statement.sql().line(), message + ", running for revision " + step.revision().id() + ". "
                                + outcome, e);
            }
        }
    }
}
