package dev.migrator.locks;

import dev.migrator.script.RevisionScript;
import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A measurement on MariaDB. DDL commits on its own and is over in milliseconds on a scratch table,
 * too fast to watch, so while each statement runs a gate transaction holds a read of every table that
 * existed before: a DDL statement does its work holding its working lock and stops where it needs the
 * exclusive one, and is observed there. Live probes would mislead at that moment (MariaDB queues new
 * readers behind the waiting exclusive request), so what a lock blocks comes from MariaDB's
 * metadata-lock compatibility. A statement that does not wait (DML) is observed when done, while its
 * transaction still holds its locks.
 */
final class MariaDbRun implements LockMeasurement.RevisionRun {

    private static final long OBSERVE_MILLIS = 2_000;
    private static final long POLL_MILLIS = 10;
    /** Named where a statement waits for the exclusive lock before it holds anything on a table (DROP TABLE). */
    static final String UNNAMED_TABLE = "(a table the statement names)";

    private final Connection migrating;
    private final Connection observer;
    private final Connection gate;
    private final ExecutorService runner;
    private final StatementSplitter splitter = StatementSplitter.mysql();
    private final String database;
    private final Set<String> existing;
    private final long thread;

    MariaDbRun(Connection migrating, Connection observer, Connection gate, ExecutorService runner) throws SQLException {
        MariaDbLocks.requirePlugin(observer);
        this.migrating = migrating;
        this.observer = observer;
        this.gate = gate;
        this.runner = runner;
        this.database = MariaDbLocks.database(migrating);
        this.existing = MariaDbLocks.tables(observer);
        this.thread = MariaDbLocks.threadId(migrating);
    }

    @Override
    public List<StatementLocks> revision(RevisionScript revision) throws SQLException {
        List<StatementLocks> measured = new ArrayList<>();
        migrating.setAutoCommit(!revision.transactional());
        for (SqlStatement statement : splitter.split(revision.upgrade().sql(), revision.upgrade().firstLine())) {
            measured.add(statement(revision, statement));
        }
        if (revision.transactional()) {
            migrating.commit();
        }
        migrating.setAutoCommit(true);
        return measured;
    }

    private StatementLocks statement(RevisionScript revision, SqlStatement statement) throws SQLException {
        closeGate();
        long start = System.nanoTime();
        Future<?> running = runner.submit(() -> {
            try (Statement st = migrating.createStatement()) {
                st.execute(statement.sql());
            }
            return null;
        });
        Set<MariaDbLocks.Held> seen = new LinkedHashSet<>();
        boolean waited = false;
        long deadline = System.nanoTime() + OBSERVE_MILLIS * 1_000_000;
        try {
            while (!running.isDone() && System.nanoTime() < deadline) {
                seen.addAll(MariaDbLocks.held(observer, thread, database, existing));
                if (MariaDbLocks.waitsForMetadataLock(observer, thread)) {
                    // Its working lock is what it holds now; earlier polls may have caught it on the way there
                    // (a copying ALTER takes SHARED_UPGRADABLE first, then SHARED_NO_WRITE).
                    seen.clear();
                    seen.addAll(MariaDbLocks.held(observer, thread, database, existing));
                    waited = true;
                    break;
                }
                LockMeasurement.sleep(POLL_MILLIS);
            }
        } finally {
            gate.rollback(); // opens the gate: the statement goes on
        }
        finish(revision, statement, running);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!waited) {
            seen.addAll(MariaDbLocks.held(observer, thread, database, existing)); // DML holds its locks until commit
        }
        return new StatementLocks(revision.id(), revision.source(), statement.line(),
                LockMeasurement.oneLine(statement.sql()), millis, locks(seen, waited));
    }

    /** A read of every table that existed before, in a transaction left open. */
    private void closeGate() throws SQLException {
        gate.setAutoCommit(false);
        try (Statement st = gate.createStatement()) {
            for (String table : existing) {
                st.execute("SELECT 1 FROM `" + database.replace("`", "``") + "`.`" + table.replace("`", "``")
                        + "` LIMIT 0");
            }
        }
    }

    private void finish(RevisionScript revision, SqlStatement statement, Future<?> running) throws SQLException {
        try {
            running.get();
        } catch (ExecutionException e) {
            throw LockMeasurement.failed(revision, statement,
                    e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while " + statement.sql() + " ran", e);
        }
    }

    private List<StatementLocks.RelationLock> locks(Set<MariaDbLocks.Held> seen, boolean waited) {
        List<StatementLocks.RelationLock> locks = new ArrayList<>();
        Set<String> tables = new TreeSet<>();
        for (MariaDbLocks.Held lock : seen) {
            tables.add(lock.table());
            locks.add(new StatementLocks.RelationLock(database + "." + lock.table(), lock.mode(),
                    MariaDbLocks.blocksReads(lock.mode()), MariaDbLocks.blocksWrites(lock.mode())));
        }
        if (waited) {
            // It needs the exclusive lock to finish; while it waits for it every new query on the table queues.
            if (tables.isEmpty()) {
                tables.add(UNNAMED_TABLE);
            }
            for (String table : tables) {
                String relation = table.equals(UNNAMED_TABLE) ? table : database + "." + table;
                locks.add(new StatementLocks.RelationLock(relation, "MDL_EXCLUSIVE", true, true));
            }
        }
        locks.sort(Comparator.comparing(StatementLocks.RelationLock::relation)
                .thenComparing(StatementLocks.RelationLock::mode));
        return List.copyOf(new LinkedHashSet<>(locks));
    }
}
