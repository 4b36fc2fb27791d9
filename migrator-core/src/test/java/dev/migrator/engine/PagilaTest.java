package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.Corpora;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** A real pg_dump-style schema as one revision gives the schema psql gives. */
class PagilaTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void pagilaAsOneRevisionEqualsPsqlRunningTheFile(Transport transport) throws Exception {
        Path pagila = Corpora.file("pagila/pagila-schema.sql");
        new ScriptFolder(dir).add("pagila", List.of(), Files.readString(pagila), "DROP SCHEMA public CASCADE;");
        try (TestDatabase migrated = TestDatabase.create(DatabaseKind.POSTGRESQL);
                TestDatabase reference = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            transport.migrator(migrated, MigratorConfig.builder().locations("filesystem:" + dir).build())
                    .upgrade("heads");
            SchemaDumps.runScript(reference, pagila);
            List<String> withoutMigratorTables = List.of("--exclude-table=migrator_*");
            assertThat(SchemaDumps.schema(migrated, withoutMigratorTables))
                    .isEqualTo(SchemaDumps.schema(reference, withoutMigratorTables))
                    .contains("CREATE TABLE public.film");
            assertThat(Databases.versionRows(migrated)).containsExactly("pagila");
        }
    }
}
