package dev.migrator.internal.session;

import dev.migrator.dialect.LockSql;
import dev.migrator.error.LockTimeoutException;
import dev.migrator.session.Session;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built-in dialects' run locks. HSQLDB is left out: its test dialect shows the SPI, and in
 * HSQLDB's default locking mode no query can take a lock that keeps a second run out.
 */
class JdbcSessionLockTest {

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "HSQLDB", mode = EnumSource.Mode.EXCLUDE)
    void secondRunWaitsForTheLockAndTimesOutWithAClearError(DatabaseKind kind) {
        try (TestDatabase db = TestDatabase.create(kind);
                JdbcSession first = JdbcSession.open(db.dataSource());
                JdbcSession second = JdbcSession.open(db.dataSource())) {
            LockSql lock = first.dialect().lock(schema(first), "migrator_version");
            first.lock(lock, Duration.ofSeconds(5));
            long start = System.nanoTime();
            assertThatThrownBy(() -> second.lock(lock, Duration.ofMillis(1500)))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("longer than the lock timeout (PT1.5S)").hasMessageContaining("raise lock-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            first.unlock();
            second.lock(lock, Duration.ofSeconds(5));
            second.unlock();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "HSQLDB", mode = EnumSource.Mode.EXCLUDE)
    void lockOfAnotherVersionTableDoesNotBlock(DatabaseKind kind) {
        try (TestDatabase db = TestDatabase.create(kind);
                JdbcSession first = JdbcSession.open(db.dataSource());
                JdbcSession second = JdbcSession.open(db.dataSource())) {
            first.lock(first.dialect().lock(schema(first), "one_version"), Duration.ofSeconds(5));
            second.lock(second.dialect().lock(schema(second), "other_version"), Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "HSQLDB", mode = EnumSource.Mode.EXCLUDE)
    void closingTheSessionReleasesTheLock(DatabaseKind kind) {
        try (TestDatabase db = TestDatabase.create(kind); JdbcSession second = JdbcSession.open(db.dataSource())) {
            LockSql lock;
            try (JdbcSession first = JdbcSession.open(db.dataSource())) {
                lock = first.dialect().lock(schema(first), "migrator_version");
                first.lock(lock, Duration.ofSeconds(5));
            }
            second.lock(lock, Duration.ofSeconds(2));
        }
    }

    private static String schema(Session session) {
        return String.valueOf(session.query(session.dialect().currentSchemaQuery()).get(0).get(0));
    }
}
