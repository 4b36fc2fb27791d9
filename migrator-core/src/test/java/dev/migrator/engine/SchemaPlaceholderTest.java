package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a run in one schema of many, {@code ${migrator:schema}} is that schema (docs/many-schemas.md). */
class SchemaPlaceholderTest {

    @TempDir
    Path dir;

    @Test
    void migratorSchemaIsTheTenantsSchema() throws Exception {
        new ScriptFolder(dir).add("a", List.of(), "CREATE TABLE owner (s varchar(50));\n"
                + "INSERT INTO owner VALUES ('${migrator:schema}');", null);
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            Databases.execute(db, "CREATE SCHEMA tenant_7");
            Migrator.create(db.dataSource(), MigratorConfig.builder().locations("filesystem:" + dir).build())
                    .inSchema("tenant_7").upgrade("heads");
            assertThat(Databases.strings(db, "SELECT s FROM tenant_7.owner")).containsExactly("tenant_7");
        }
    }
}
