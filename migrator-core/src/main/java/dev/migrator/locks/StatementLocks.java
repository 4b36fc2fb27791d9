package dev.migrator.locks;

import java.util.List;

/**
 * What one statement held on relations that existed before the run.
 *
 * @param revision the revision id
 * @param source its script
 * @param line the statement's file line
 * @param statement the statement on one line, shortened
 * @param durationMillis how long it ran (for CONCURRENTLY statements, including the observation window)
 * @param locks the locks it took on existing tables, with what they did to a concurrent reader and writer
 */
public record StatementLocks(String revision, String source, int line, String statement, long durationMillis,
        List<RelationLock> locks) {

    public StatementLocks {
        locks = List.copyOf(locks);
    }

    /**
     * One lock on an existing table.
     *
     * @param relation the table, schema-qualified
     * @param mode PostgreSQL's name of the lock mode, e.g. {@code ShareLock}, {@code AccessExclusiveLock}
     * @param blocksReads whether a concurrent {@code SELECT} timed out waiting for it
     * @param blocksWrites whether a concurrent {@code INSERT} timed out waiting for it
     */
    public record RelationLock(String relation, String mode, boolean blocksReads, boolean blocksWrites) {
    }
}
