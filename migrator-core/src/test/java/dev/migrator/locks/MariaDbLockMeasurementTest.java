package dev.migrator.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptParser;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a real MariaDB (with the METADATA_LOCK_INFO plugin, as .ci/run loads it): a copying ALTER holds
 * a lock that blocks writes while it works, the online forms one that blocks nothing, both need the
 * exclusive lock to finish, and DML holds a shared-write lock until its transaction ends.
 */
class MariaDbLockMeasurementTest {

    private static List<StatementLocks> measure(String... upgrades) throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE account (id bigint PRIMARY KEY, email varchar(100))");
                st.execute("INSERT INTO account SELECT seq, CONCAT('a', seq) FROM seq_1_to_1000");
            }
            List<RevisionScript> revisions = new ArrayList<>();
            for (int i = 0; i < upgrades.length; i++) {
                revisions.add(ScriptParser.parse("-- migrator:revision r" + i + "\n-- migrator:upgrade\n" + upgrades[i]
                        + "\n", "r" + i + ".sql"));
            }
            return LockMeasurement.on(db.dataSource()).apply(revisions);
        }
    }

    /** The modes held on account, each with what it blocks. */
    private static List<String> on(StatementLocks statement) {
        return statement.locks().stream().filter(lock -> lock.relation().endsWith(".account"))
                .map(lock -> lock.mode() + (lock.blocksReads() ? " reads BLOCKED" : " reads go on")
                        + (lock.blocksWrites() ? ", writes BLOCKED" : ", writes go on"))
                .toList();
    }

    @Test
    void aCopyingAlterBlocksWritesWhileItWorksAndTheOnlineFormsDoNot() throws Exception {
        List<StatementLocks> measured = measure(
                "ALTER TABLE account ADD COLUMN c1 int, ALGORITHM=COPY;",
                "ALTER TABLE account ADD COLUMN c2 int, ALGORITHM=INPLACE, LOCK=NONE;",
                "CREATE INDEX account_email ON account (email);",
                "UPDATE account SET email = 'x' WHERE id = 1;");
        assertThat(on(measured.get(0))).containsExactly("MDL_EXCLUSIVE reads BLOCKED, writes BLOCKED",
                "MDL_SHARED_NO_WRITE reads go on, writes BLOCKED");
        assertThat(on(measured.get(1))).containsExactly("MDL_EXCLUSIVE reads BLOCKED, writes BLOCKED",
                "MDL_SHARED_UPGRADABLE reads go on, writes go on");
        assertThat(on(measured.get(2))).containsExactly("MDL_EXCLUSIVE reads BLOCKED, writes BLOCKED",
                "MDL_SHARED_UPGRADABLE reads go on, writes go on");
        assertThat(on(measured.get(3))).containsExactly("MDL_SHARED_WRITE reads go on, writes go on");
    }

    @Test
    void aDropWaitsForTheExclusiveLockBeforeHoldingAnything() throws Exception {
        List<StatementLocks> measured = measure("DROP TABLE account;");
        assertThat(measured.get(0).locks()).extracting(StatementLocks.RelationLock::mode).contains("MDL_EXCLUSIVE");
        assertThat(measured.get(0).locks()).allSatisfy(lock -> assertThat(lock.blocksReads()).isTrue());
    }
}
