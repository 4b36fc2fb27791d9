package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code @JdbcTest} slices include migrator, as they include Flyway: the test sees a migrated schema. */
@JdbcTest(properties = "migrator.phase=initialization")
class MigratorJdbcTestSliceTests {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Migrator migrator;

    @Test
    void theSliceMigratesItsEmbeddedDatabase() {
        assertThat(jdbc.sql("SELECT name FROM tag").query(String.class).list()).containsExactly("first");
        assertThat(migrator.current()).containsExactly("b2tag0000002");
    }

    @SpringBootConfiguration
    static class SliceConfiguration {
    }
}
