package dev.migrator.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptParser;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a real PostgreSQL: the forms the lint rules flag block a concurrent writer (or reader), and their
 * recipes do not, as the measurement reports them.
 */
class LockMeasurementTest {

    private static RevisionScript revision(String id, boolean transactional, String upgrade) {
        return ScriptParser.parse("-- migrator:revision " + id + "\n-- migrator:transactional " + transactional
                + "\n-- migrator:upgrade\n" + upgrade + "\n", id + ".sql");
    }

    private static List<StatementLocks> measure(String... revisionsSql) throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE account (id bigint PRIMARY KEY, email text)");
                st.execute("CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint)");
                st.execute("INSERT INTO account SELECT g, 'a' || g FROM generate_series(1, 1000) g");
                st.execute("INSERT INTO orders SELECT g, g FROM generate_series(1, 1000) g");
            }
            List<RevisionScript> revisions = new java.util.ArrayList<>();
            for (int i = 0; i < revisionsSql.length; i += 2) {
                revisions.add(revision("r" + i, Boolean.parseBoolean(revisionsSql[i]), revisionsSql[i + 1]));
            }
            return LockMeasurement.on(db.dataSource()).apply(revisions);
        }
    }

    /** The modes the statement held on the table, then whether a reader and a writer were blocked. */
    private static String on(StatementLocks statement, String table) {
        List<StatementLocks.RelationLock> locks = statement.locks().stream()
                .filter(lock -> lock.relation().equals("public." + table)).toList();
        return locks.stream().map(StatementLocks.RelationLock::mode).sorted().toList()
                + " reads " + (locks.stream().anyMatch(StatementLocks.RelationLock::blocksReads) ? "blocked" : "go on")
                + ", writes " + (locks.stream().anyMatch(StatementLocks.RelationLock::blocksWrites) ? "blocked" : "go on");
    }

    @Test
    void createIndexBlocksWritesAndCreateIndexConcurrentlyDoesNot() throws Exception {
        List<StatementLocks> measured = measure(
                "true", "CREATE INDEX account_email ON account (email);",
                "false", "CREATE INDEX CONCURRENTLY account_email2 ON account (email);");
        assertThat(on(measured.get(0), "account")).isEqualTo("[ShareLock] reads go on, writes blocked");
        assertThat(on(measured.get(1), "account")).isEqualTo("[ShareUpdateExclusiveLock] reads go on, writes go on");
    }

    @Test
    void aValidatedForeignKeyBlocksWritesAndValidatingANotValidOneDoesNot() throws Exception {
        List<StatementLocks> measured = measure(
                "true", "ALTER TABLE orders ADD CONSTRAINT orders_account FOREIGN KEY (account_id) REFERENCES account (id);",
                "true", "ALTER TABLE orders ADD CONSTRAINT orders_account2 FOREIGN KEY (account_id) REFERENCES account (id)"
                        + " NOT VALID;",
                "true", "ALTER TABLE orders VALIDATE CONSTRAINT orders_account2;");
        assertThat(on(measured.get(0), "orders")).contains("ShareRowExclusiveLock").endsWith("writes blocked");
        assertThat(on(measured.get(0), "account")).contains("ShareRowExclusiveLock").endsWith("writes blocked");
        assertThat(on(measured.get(2), "orders")).contains("ShareUpdateExclusiveLock")
                .endsWith("reads go on, writes go on");
        assertThat(on(measured.get(2), "account")).endsWith("reads go on, writes go on");
    }

    @Test
    void setNotNullBlocksReadsAndWritesAndValidatingTheCheckFirstDoesNot() throws Exception {
        List<StatementLocks> measured = measure(
                "true", "ALTER TABLE account ALTER COLUMN email SET NOT NULL;",
                "true", "ALTER TABLE account ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;",
                "true", "ALTER TABLE account VALIDATE CONSTRAINT email_nn;");
        assertThat(on(measured.get(0), "account")).isEqualTo("[AccessExclusiveLock] reads blocked, writes blocked");
        assertThat(on(measured.get(2), "account")).contains("ShareUpdateExclusiveLock")
                .endsWith("reads go on, writes go on");
    }

    @Test
    void aTableCreatedInTheRunIsNotReported() throws Exception {
        List<StatementLocks> measured = measure("true", "CREATE TABLE fresh (id bigint);\nCREATE INDEX fresh_id ON fresh (id);");
        assertThat(measured).hasSize(2).allMatch(statement -> statement.locks().isEmpty());
        assertThat(measured.get(1).line()).isEqualTo(5);
    }
}
