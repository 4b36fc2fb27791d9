package dev.migrator.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.autogenerate.edits.Variants;
import dev.migrator.autogenerate.petclinic.PetClinic;
import dev.migrator.autogenerate.petclinic.Visit;
import dev.migrator.error.BadInputException;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The check a test suite runs: silent when entities and schema agree, and otherwise shows the fix. */
class SchemaDriftTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void failsWhenAnEntityGainedAFieldAndPrintsTheRevisionThatAddsIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            RoundTripTest.Loop loop = new RoundTripTest.Loop(db, folder);
            loop.generateAndApply(PetClinic.ENTITIES, "petclinic");
            String applied = loop.migrator().current().iterator().next();

            assertThatCode(() -> SchemaDrift.assertNone(db.dataSource(), PetClinic.ENTITIES.toArray(Class<?>[]::new)))
                    .doesNotThrowAnyException();
            List<Class<?>> edited = PetClinic.with(Visit.class, Variants.VisitWithDuration.class);
            assertThatThrownBy(() -> SchemaDrift.assertNone(db.dataSource(), edited.toArray(Class<?>[]::new)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("differ (1 change):\n  add column visits.duration_minutes")
                    .hasMessageContaining("-- migrator:down " + applied + "\n")
                    .hasMessageContaining("ALTER TABLE visits ADD COLUMN duration_minutes integer")
                    .hasMessageContaining("ALTER TABLE visits DROP COLUMN duration_minutes;");
        }
    }

    @Test
    void ignoresMigratorsTablesAndExcludedOnes() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            RoundTripTest.Loop loop = new RoundTripTest.Loop(db, folder);
            loop.generateAndApply(PetClinic.ENTITIES, "petclinic");
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE audit_log (id bigint PRIMARY KEY, line varchar(200))");
            }
            var model = JpaModel.of(db.dataSource(), Map.of(), PetClinic.ENTITIES);

            assertThatThrownBy(() -> SchemaDrift.assertNone(loop.autogenerate(), model))
                    .hasMessageContaining("differ (1 change):\n  drop table AUDIT_LOG\n");
            assertThatCode(() -> SchemaDrift.assertNone(loop.autogenerate().excluding(List.of("audit_*")), model))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aRevisionIsWrittenOnlyForADatabaseAtTheHeads() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            RoundTripTest.Loop loop = new RoundTripTest.Loop(db, folder);
            SchemaDiff diff = loop.compare(PetClinic.ENTITIES);
            loop.autogenerate().writeRevision(diff, "petclinic", folder);

            assertThat(loop.compare(PetClinic.ENTITIES).isEmpty()).isFalse();
            assertThatThrownBy(() -> loop.autogenerate().revision(loop.compare(PetClinic.ENTITIES), "again", "abc"))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("The database is at base, not at the heads of the scripts")
                    .hasMessageContaining("run upgrade heads first");
        }
    }
}
