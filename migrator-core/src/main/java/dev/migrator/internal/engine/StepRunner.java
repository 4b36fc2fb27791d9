package dev.migrator.internal.engine;

import dev.migrator.bookkeeping.Direction;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.bookkeeping.Outcome;
import dev.migrator.engine.Command;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.BadInputException;
import dev.migrator.error.DatabaseException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.error.ScriptException;
import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.internal.script.Checksums;
import dev.migrator.internal.script.Placeholders;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepKind;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.Section;
import dev.migrator.session.Session;
import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.SqlSyntaxException;
import dev.migrator.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs one step: the revision's statements, then its version-row change and history row.
 * Where the database rolls DDL back, all of it is one transaction. Elsewhere (MariaDB/MySQL,
 * {@code transactional false}) statements commit one by one, so a failure is recorded with the
 * number of statements that ran, and the next run resumes after them.
 */
final class StepRunner {

    private final ScriptCatalog catalog;
    private final BookkeepingTables tables;
    private final StatementSplitter splitter;
    private final Map<String, HistoryEntry> latestHistory;
    private final PlaceholderValues placeholders;
    private final Callbacks callbacks;
    private final JavaSteps java;
    private final Map<Step, List<SqlStatement>> split = new IdentityHashMap<>();

    StepRunner(ScriptCatalog catalog, BookkeepingTables tables, StatementSplitter splitter,
            Map<String, HistoryEntry> latestHistory, PlaceholderValues placeholders, Callbacks callbacks,
            JavaSteps java) {
        this.java = java;
        this.catalog = catalog;
        this.tables = tables;
        this.splitter = splitter;
        this.latestHistory = latestHistory;
        this.placeholders = placeholders;
        this.callbacks = callbacks;
    }

    /** Whether the step's statements and bookkeeping can commit together on this session. */
    static boolean atomic(Session session, RevisionScript script) {
        return session.dialect().transactionalDdl() && script.transactional();
    }

    /**
     * @param insideOuterTransaction the whole run is one transaction, begun and ended by the caller
     * @return the number of statements run
     */
    int run(Session session, Step step, boolean insideOuterTransaction) {
        RevisionScript script = catalog.script(step.revision().id());
        if (script.java() != null && step.kind() != StepKind.STAMP) {
            return runJava(session, step, script, insideOuterTransaction);
        }
        List<SqlStatement> statements = statements(step, script);
        long started = System.nanoTime();
        // A stamp step writes bookkeeping rows only, which every database can keep in a transaction.
        if (atomic(session, script) || step.kind() == StepKind.STAMP) {
            String outcome = insideOuterTransaction
                    ? "The whole run was one transaction and was rolled back: no revision of it stays applied."
                    : "The revision was rolled back; earlier revisions stay applied.";
            inTransaction(session, step, script, insideOuterTransaction, outcome, statements.size(), () -> {
                for (int i = 0; i < statements.size(); i++) {
                    execute(session, step, script, statements, i, insideOuterTransaction);
                }
            });
            return statements.size();
        }
        int done = resumePoint(step, script, statements);
        callbacks.beforeStep(session, step, "No statement of the revision ran this time; the callback's statements"
                + " before this one stay (this database commits them at once).");
        for (int i = done; i < statements.size(); i++) {
            try {
                execute(session, step, script, statements, i, false);
            } catch (MigrationFailedException e) {
                recordFailure(session, step, script, millisSince(started), statements.subList(0, i));
                throw e;
            }
        }
        try {
            callbacks.afterStep(session, step, "The revision's statements ran and stay (this database commits them at"
                    + " once); the next run runs its callbacks again, then records it.");
        } catch (MigrationFailedException e) {
            recordFailure(session, step, script, millisSince(started), statements);
            throw e;
        }
        recordSuccess(session, step, script, started, statements.size());
        return statements.size();
    }

    /**
     * The step's work between its callbacks, and its bookkeeping, in one transaction: its own, or the
     * run's when {@code insideOuterTransaction}.
     *
     * @param outcome what a failure leaves, for the message
     */
    private void inTransaction(Session session, Step step, RevisionScript script, boolean insideOuterTransaction,
            String outcome, @Nullable Integer statements, Runnable work) {
        long started = System.nanoTime();
        if (!insideOuterTransaction) {
            session.begin();
        }
        try {
            callbacks.beforeStep(session, step, outcome);
            work.run();
            callbacks.afterStep(session, step, outcome);
            List<String> rows = bookkeeping(step, script, Outcome.SUCCESS, millisSince(started), statements,
                    session.timesSteps());
            if (insideOuterTransaction) {
                session.executeAll(rows);
            } else {
                session.commitWith(rows);
            }
        } catch (RuntimeException e) {
            if (!insideOuterTransaction) {
                rollbackQuietly(session, e);
                if (script.repeatable() && e instanceof MigrationFailedException) {
                    // Nothing of it stays, but the failed row tells the next run (and a person) why it runs again.
                    recordFailure(session, step, script, millisSince(started), List.of());
                }
            }
            throw e;
        }
    }

    /** The bookkeeping of a step whose work committed as it ran, in a transaction of its own. */
    private void recordSuccess(Session session, Step step, RevisionScript script, long started,
            @Nullable Integer statements) {
        session.begin();
        try {
            session.commitWith(bookkeeping(step, script, Outcome.SUCCESS, millisSince(started), statements,
                    session.timesSteps()));
        } catch (RuntimeException e) {
            rollbackQuietly(session, e);
            throw e;
        }
    }

    /**
     * A Java revision: its code in a transaction with its bookkeeping wherever the script is
     * transactional, also on databases that commit DDL at once (its work is usually DML, which they roll
     * back too); with {@code transactional false} on the connection in auto-commit, and then its
     * bookkeeping. It never resumes part-way: what its code did is not counted in statements.
     *
     * @return 0: the statements its code ran are not counted
     */
    private int runJava(Session session, Step step, RevisionScript script, boolean insideOuterTransaction) {
        if (script.transactional()) {
            String outcome = insideOuterTransaction
                    ? "The whole run was one transaction and was rolled back: no revision of it stays applied."
                    : "The revision's transaction was rolled back (DDL it ran stays where the database commits DDL at"
                            + " once: MariaDB, MySQL, H2); earlier revisions stay applied, and the next run runs it again.";
            inTransaction(session, step, script, insideOuterTransaction, outcome, null,
                    () -> java.run(session, step, script, outcome));
            return 0;
        }
        long started = System.nanoTime();
        String outcome = "What its code ran stays (its script says transactional false, so it ran in auto-commit);"
                + " the next run runs it again from the start.";
        try {
            callbacks.beforeStep(session, step, outcome);
            java.run(session, step, script, outcome);
            callbacks.afterStep(session, step, outcome);
        } catch (MigrationFailedException e) {
            insertFailure(session, step, script, millisSince(started), script.checksum(), null);
            throw e;
        }
        recordSuccess(session, step, script, started, null);
        return 0;
    }

    /**
     * Splits every step's statements before the first one runs, and resolves the Java revisions, so a
     * script error (an undefined placeholder too) or a missing class changes nothing.
     */
    void prepare(Session session, List<Step> steps) {
        for (Step step : steps) {
            statements(step, catalog.script(step.revision().id()));
        }
        java.prepare(session, steps);
    }

    private List<SqlStatement> statements(Step step, RevisionScript script) {
        List<SqlStatement> cached = split.get(step);
        if (cached == null) {
            cached = split(step, script);
            split.put(step, cached);
        }
        return cached;
    }

    private List<SqlStatement> split(Step step, RevisionScript script) {
        Section section = switch (step.kind()) {
            case UPGRADE -> script.upgrade();
            case DOWNGRADE -> script.downgrade();
            case STAMP -> null;
        };
        if (section == null) {
            if (step.kind() == StepKind.DOWNGRADE) {
                throw new BadInputException("Revision " + script.id() + " (" + script.source()
                        + ") has no downgrade section and cannot be downgraded");
            }
            return List.of();
        }
        if (script.java() != null) {
            return List.of(); // its sections hold comments only, and placeholders have nothing to fill in
        }
        // Values go in before splitting, as they would be typed: the offline script holds what runs online.
        String sql = script.placeholders()
                ? Placeholders.replace(section, script.source(), placeholders.forScript(script.source(), script.id()))
                : section.sql();
        try {
            return splitter.split(sql, section.firstLine());
        } catch (SqlSyntaxException e) {
            throw new ScriptException(script.source(), e.line(), e.problem());
        }
    }

    private static void execute(Session session, Step step, RevisionScript script, List<SqlStatement> statements,
            int index, boolean insideOuterTransaction) {
        SqlStatement statement = statements.get(index);
        int count = statements.size();
        try {
            session.execute(statement.sql());
        } catch (DatabaseException e) {
            boolean atomic = session.dialect().transactionalDdl() && script.transactional();
            int committed = atomic || insideOuterTransaction ? lastCommit(statements, index) : -1;
            String ran = committed >= 0
                    ? "The revision ends its transaction itself (statement " + (committed + 1) + " of " + count + ": "
                            + excerpt(statements.get(committed).sql()) + "): statements 1 to " + (committed + 1)
                            + " were committed by it and stay, and only what ran after it was rolled back. The version"
                            + " table does not record the revision, so the next run starts it again from statement 1:"
                            + " make what it committed safe to run twice, or undo it by hand first."
                    : insideOuterTransaction
                    ? "The whole run was one transaction and was rolled back: no revision of it stays applied."
                    : atomic && script.repeatable()
                    ? "The repeatable revision was rolled back; the revisions before it stay applied, and the next"
                            + " upgrade runs it again."
                    : script.repeatable()
                    ? (index == 0 ? "No statement of it had run" : "Statements 1 to " + index + " of " + count
                            + " ran and stayed (this database commits them at once)") + "; the next upgrade runs it again,"
                            + " from its first statement."
                    : atomic
                    ? "The revision was rolled back; earlier revisions stay applied."
                    : index == 0 ? "No statement of it had run."
                            : "Statements 1 to " + index + " of " + count + " ran and stayed (this database commits"
                                    + " them at once); the next run resumes at statement " + (index + 1)
                                    + " once the cause is fixed.";
            throw new MigrationFailedException(script.id(), script.source(), statement.line(),
                    Command.direction(step.kind()) + " of " + (script.repeatable() ? "repeatable " : "") + "revision " + script.id() + " failed at " + script.source() + ":"
                            + statement.line() + " (statement " + (index + 1) + " of " + count + ": "
                            + excerpt(statement.sql()) + "): " + e.getMessage() + " " + ran, e);
        }
    }

    /** A statement that commits the transaction the script runs in: COMMIT, END, COMMIT AND CHAIN. */
    private static final Pattern COMMIT = Pattern.compile(
            "(?i)(COMMIT|END)(\\s+(WORK|TRANSACTION))?(\\s+AND\\s+(NO\\s+)?CHAIN)?\\s*;?");

    /** The index of the last statement before {@code index} that commits, or -1. */
    private static int lastCommit(List<SqlStatement> statements, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (COMMIT.matcher(statements.get(i).sql().strip()).matches()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where a revision that failed part-way in an earlier run goes on: after the statements that
     * ran, if those are unchanged (the failed row holds their checksum, so fixing the statement
     * that failed, or any later one, is fine); otherwise nobody can tell what ran, so the run stops.
     */
    private int resumePoint(Step step, RevisionScript script, List<SqlStatement> statements) {
        HistoryEntry last = latestHistory.get(script.id());
        Direction direction = Direction.of(step.kind());
        if (script.repeatable()) {
            return 0; // a repeatable revision is safe to run again from its start, and may have changed since
        }
        if (last == null || !last.failed() || direction != last.direction() || last.statements() == null) {
            return 0;
        }
        int ran = last.statements();
        if (ran > statements.size() || !checksumOf(statements.subList(0, ran)).equals(last.checksum())) {
            throw new BadInputException("Revision " + script.id() + " (" + script.source() + ") failed part-way in an "
                    + "earlier run after " + ran + " statement(s) of its " + direction + ", and those statements "
                    + "have changed since, so migrator cannot tell what ran. Bring the database to the end "
                    + "of the revision by hand and run `stamp " + script.id() + "`, or undo those statements and delete "
                    + "history row " + last.id() + " of " + tables.qualifiedHistoryTable() + ".");
        }
        return ran;
    }

    /** The checksum a failed row records: of the statements that ran, as they were split. */
    static String checksumOf(List<SqlStatement> statements) {
        StringBuilder text = new StringBuilder();
        for (SqlStatement statement : statements) {
            text.append(statement.sql().strip()).append("\n;\n");
        }
        return Checksums.sha256(text.toString());
    }

    private static String sectionChecksum(Step step, RevisionScript script) {
        Section downgrade = script.downgrade();
        return step.kind() == StepKind.DOWNGRADE && downgrade != null && script.java() == null
                ? Checksums.sha256(downgrade.sql())
                : script.checksum();
    }

    private void recordFailure(Session session, Step step, RevisionScript script, long millis, List<SqlStatement> ran) {
        insertFailure(session, step, script, millis, checksumOf(ran), ran.size());
    }

    private void insertFailure(Session session, Step step, RevisionScript script, long millis, String checksum,
            @Nullable Integer statements) {
        try {
            session.execute(tables.insertHistory(script.id(), Direction.of(step.kind()), Outcome.FAILED,
                    checksum, script.message(), session.timesSteps() ? millis : null, statements));
        } catch (DatabaseException e) {
            // The failure itself is what the user needs to see; the missing row is logged with it.
            System.getLogger(StepRunner.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not record the failure of revision {0} in the history table: {1}", script.id(),
                    e.getMessage());
        }
    }

    /** A revision's version-row changes and its history row. */
    private List<String> bookkeeping(Step step, RevisionScript script, Outcome outcome, long millis,
            @Nullable Integer statements, boolean timed) {
        List<String> rows = new ArrayList<>(tables.versionChange(step.versionChange()));
        rows.add(tables.insertHistory(script.id(), Direction.of(step.kind()), outcome,
                sectionChecksum(step, script), script.message(), timed ? millis : null, statements));
        return rows;
    }

    static void rollbackQuietly(Session session, RuntimeException cause) {
        try {
            session.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * The statement on one line, long enough to recognise; a cut is marked, so that the start of a
     * statement ({@code CREATE TABLE vets (}) never reads as a whole one.
     */
    static String excerpt(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 100) + " ... [cut; " + flat.length() + " characters]";
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

}
