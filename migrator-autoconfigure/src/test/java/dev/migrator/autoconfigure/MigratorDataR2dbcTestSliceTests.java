package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.reactive.ReactiveMigrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.r2dbc.core.DatabaseClient;

/** {@code @DataR2dbcTest} slices include migrator over R2DBC: the test's embedded database is migrated. */
@DataR2dbcTest(properties = "migrator.phase=initialization")
class MigratorDataR2dbcTestSliceTests {

    @Autowired
    private DatabaseClient client;

    @Autowired
    private ReactiveMigrator migrator;

    @Test
    void theSliceMigratesItsEmbeddedDatabase() {
        assertThat(client.sql("SELECT name FROM tag").map(row -> row.get("name", String.class)).all().collectList()
                .block()).containsExactly("first");
        assertThat(migrator.current().block()).containsExactly("b2tag0000002");
    }

    @SpringBootConfiguration
    @AutoConfigurationPackage // Data R2DBC scans it for repositories
    static class SliceConfiguration {
    }
}
