package dev.migrator.locks;

import dev.migrator.dialect.Dialects;
import dev.migrator.error.BadInputException;
import dev.migrator.error.DatabaseException;
import dev.migrator.script.RevisionScript;
import dev.migrator.sql.SqlStatement;
import dev.migrator.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Applies revisions to a scratch PostgreSQL or MariaDB database statement by statement and measures,
 * for each statement, the locks it holds on tables that existed before the run and whether a
 * concurrent SELECT and INSERT on them are blocked (on MariaDB: {@link MariaDbRun}).
 *
 * <p>A statement that can run in a transaction is run in one (the revision's, or one of its own in a
 * non-transactional revision) and observed before the commit, when it still holds its locks. One that
 * cannot ({@code CONCURRENTLY}) runs on its own while a {@link SnapshotHolder} keeps it in its
 * waiting phase, and is observed then. The version table is not written: the caller stamps.
 */
public final class LockMeasurement {

    /** SQLState of "cannot run inside a transaction block". */
    private static final String ACTIVE_SQL_TRANSACTION = "25001";
    private static final long OBSERVE_MILLIS = 1_000;
    private static final long POLL_MILLIS = 20;

    private final DataSource scratch;
    private final StatementSplitter splitter = StatementSplitter.postgresql();

    private LockMeasurement(DataSource scratch) {
        this.scratch = scratch;
    }

    /** A measurement on a scratch database, which it changes: never point it at one that serves traffic. */
    public static LockMeasurement on(DataSource scratch) {
        return new LockMeasurement(scratch);
    }

    /** Applies the revisions in order and returns what each statement held. */
    public List<StatementLocks> apply(List<RevisionScript> revisions) {
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "migrator-lock-measurement");
            thread.setDaemon(true);
            return thread;
        });
        try (Connection migrating = scratch.getConnection(); Connection observer = scratch.getConnection();
                Connection prober = scratch.getConnection()) {
            RevisionRun run = switch (Dialects.fromUrl(migrating.getMetaData().getURL()).family()) {
                case POSTGRESQL -> new Run(migrating, observer, prober, PgLocks.tables(observer),
                        PgLocks.backendPid(migrating), runner);
                case MYSQL -> new MariaDbRun(migrating, observer, prober, runner);
                default -> throw new BadInputException("lint --locks measures PostgreSQL and MariaDB; "
                        + migrating.getMetaData().getDatabaseProductName() + " gets the static rules");
            };
            List<StatementLocks> measured = new ArrayList<>();
            for (RevisionScript revision : revisions) {
                measured.addAll(run.revision(revision));
            }
            return measured;
        } catch (SQLException e) {
            throw new DatabaseException("Lock measurement failed: " + e.getMessage(), e, e.getSQLState(),
                    e.getErrorCode());
        } finally {
            runner.shutdownNow();
        }
    }

    /** Applies one revision, measuring each statement. */
    interface RevisionRun {
        List<StatementLocks> revision(RevisionScript revision) throws SQLException;
    }

    /** A PostgreSQL measurement's connections and the tables that existed before it. */
    private final class Run implements RevisionRun {
        private final Connection migrating;
        private final Connection observer;
        private final Connection prober;
        private final Map<Long, String> existing;
        private final int pid;
        private final ExecutorService runner;

        Run(Connection migrating, Connection observer, Connection prober, Map<Long, String> existing, int pid,
                ExecutorService runner) {
            this.migrating = migrating;
            this.observer = observer;
            this.prober = prober;
            this.existing = existing;
            this.pid = pid;
            this.runner = runner;
        }

        @Override
        public List<StatementLocks> revision(RevisionScript revision) throws SQLException {
            List<StatementLocks> measured = new ArrayList<>();
            migrating.setAutoCommit(false);
            for (SqlStatement statement : splitter.split(revision.upgrade().sql(), revision.upgrade().firstLine())) {
                measured.add(statement(revision, statement));
                if (!revision.transactional() && !migrating.getAutoCommit()) {
                    migrating.commit();
                }
                migrating.setAutoCommit(false);
            }
            if (revision.transactional()) {
                migrating.commit();
            }
            return measured;
        }

        private StatementLocks statement(RevisionScript revision, SqlStatement statement) throws SQLException {
            Set<PgLocks.Held> before = PgLocks.held(observer, pid, existing.keySet());
            long start = System.nanoTime();
            long millis;
            List<StatementLocks.RelationLock> locks;
            try {
                execute(statement.sql());
                millis = (System.nanoTime() - start) / 1_000_000;
                Set<PgLocks.Held> taken = new HashSet<>(PgLocks.held(observer, pid, existing.keySet()));
                taken.removeAll(before);
                locks = probe(taken);
            } catch (SQLException e) {
                if (revision.transactional() || !ACTIVE_SQL_TRANSACTION.equals(e.getSQLState())) {
                    throw failed(revision, statement, e);
                }
                migrating.rollback();
                migrating.setAutoCommit(true);
                start = System.nanoTime();
                locks = outsideTransaction(revision, statement);
                millis = (System.nanoTime() - start) / 1_000_000;
            }
            return new StatementLocks(revision.id(), revision.source(), statement.line(), oneLine(statement.sql()),
                    millis, locks);
        }

        /** Runs a statement that refuses transactions while a snapshot keeps it waiting, and observes it then. */
        private List<StatementLocks.RelationLock> outsideTransaction(RevisionScript revision, SqlStatement statement)
                throws SQLException {
            Future<?> running;
            List<StatementLocks.RelationLock> locks;
            try (SnapshotHolder holder = SnapshotHolder.open(scratch)) {
                running = runner.submit(() -> {
                    execute(statement.sql());
                    return null;
                });
                Set<PgLocks.Held> seen = new HashSet<>();
                long deadline = System.nanoTime() + OBSERVE_MILLIS * 1_000_000;
                int pollsSinceSeen = 0;
                // A few polls after the first lock shows, so the statement's later locks show too.
                while (!running.isDone() && System.nanoTime() < deadline && pollsSinceSeen < 5) {
                    seen.addAll(PgLocks.held(observer, pid, existing.keySet()));
                    pollsSinceSeen += seen.isEmpty() ? 0 : 1;
                    sleep(POLL_MILLIS);
                }
                locks = probe(seen);
            }
            try {
                running.get();
            } catch (ExecutionException e) {
                throw failed(revision, statement, e.getCause() instanceof SQLException sql ? sql
                        : new SQLException(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while " + statement.sql() + " ran", e);
            }
            return locks;
        }

        private List<StatementLocks.RelationLock> probe(Set<PgLocks.Held> held) throws SQLException {
            List<StatementLocks.RelationLock> locks = new ArrayList<>();
            for (PgLocks.Held lock : held) {
                String table = existing.get(lock.relation());
                locks.add(new StatementLocks.RelationLock(table, lock.mode(), PgLocks.readBlocked(prober, table),
                        PgLocks.writeBlocked(prober, table)));
            }
            locks.sort(Comparator.comparing(StatementLocks.RelationLock::relation)
                    .thenComparing(StatementLocks.RelationLock::mode));
            return locks;
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = migrating.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    static DatabaseException failed(RevisionScript revision, SqlStatement statement, SQLException e) {
        return new DatabaseException(revision.source() + ":" + statement.line() + ": revision " + revision.id()
                + " failed on the scratch database: " + e.getMessage(), e, e.getSQLState(), e.getErrorCode());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String oneLine(String sql) {
        String text = sql.strip().replaceAll("\\s+", " ");
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
