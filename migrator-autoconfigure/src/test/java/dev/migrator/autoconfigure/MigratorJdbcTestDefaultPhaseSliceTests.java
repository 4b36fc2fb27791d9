package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@code @JdbcTest} with migrator's defaults (the runner phase): the slice's context runs its
 * application runners before the first test, so the test sees a migrated schema here too.
 */
@JdbcTest
class MigratorJdbcTestDefaultPhaseSliceTests {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Migrator migrator;

    @Test
    void theSliceMigratesItsEmbeddedDatabaseFromTheRunner() {
        assertThat(jdbc.sql("SELECT name FROM tag").query(String.class).list()).containsExactly("first");
        assertThat(migrator.current()).containsExactly("b2tag0000002");
    }

    @SpringBootConfiguration
    static class SliceConfiguration {
    }
}
