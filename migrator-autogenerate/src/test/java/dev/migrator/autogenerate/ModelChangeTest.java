package dev.migrator.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.autogenerate.edits.Variants;
import dev.migrator.autogenerate.petclinic.PetClinic;
import dev.migrator.autogenerate.petclinic.Vet;
import dev.migrator.autogenerate.petclinic.Visit;
import dev.migrator.autogenerate.schema.Change;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A developer changes one entity: the generated revision brings the database to the model (compared
 * again, nothing is left; Hibernate validates the schema), and its downgrade brings back the schema
 * it started from, as JDBC's metadata and pg_dump / mariadb-dump see it.
 */
class ModelChangeTest {

    @TempDir
    Path folder;

    enum Edit {
        NEW_ENTITY(PetClinic.plus(Variants.Invoice.class), Change.AddTable.class),
        NEW_COLUMN(PetClinic.with(Visit.class, Variants.VisitWithDuration.class), Change.AddColumn.class),
        NOT_NULL(PetClinic.with(Visit.class, Variants.VisitDescriptionRequired.class), Change.AlterColumn.class),
        LONGER(PetClinic.with(Visit.class, Variants.VisitLongerDescription.class), Change.AlterColumn.class),
        OTHER_DEFAULT(PetClinic.with(Visit.class, Variants.VisitWithOtherPriceDefault.class), Change.AlterColumn.class),
        NEW_INDEX(PetClinic.with(Visit.class, Variants.VisitIndexedByDate.class), Change.AddIndex.class),
        NEW_UNIQUE(PetClinic.with(Vet.class, Variants.VetUniqueName.class), Change.AddUnique.class),
        NEW_FOREIGN_KEY(PetClinic.with(Visit.class, Variants.VisitWithVet.class), Change.AddForeignKey.class),
        DROPPED_FOREIGN_KEY(PetClinic.with(Vet.class, Variants.VetWithoutSpecialtyKey.class), Change.DropForeignKey.class),
        DROPPED_COLUMN(PetClinic.with(Visit.class, Variants.VisitWithoutPrice.class), Change.DropColumn.class),
        DROPPED_TABLE(PetClinic.without(Visit.class), Change.DropTable.class),
        NEW_ENUM_COLUMNS(PetClinic.with(Visit.class, Variants.VisitWithKind.class), Change.AddColumn.class),
        MORE_ENUM_VALUES(PetClinic.with(Visit.class, Variants.VisitWithKind.class),
                PetClinic.with(Visit.class, Variants.VisitWithMoreKinds.class), Change.AlterColumn.class);

        final List<Class<?>> base;
        final List<Class<?>> entities;
        final Class<? extends Change> expected;

        Edit(List<Class<?>> entities, Class<? extends Change> expected) {
            this(PetClinic.ENTITIES, entities, expected);
        }

        Edit(List<Class<?>> base, List<Class<?>> entities, Class<? extends Change> expected) {
            this.base = base;
            this.entities = entities;
            this.expected = expected;
        }
    }

    static Stream<Arguments> edits() {
        List<Arguments> all = new ArrayList<>();
        for (DatabaseKind kind : List.of(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB, DatabaseKind.H2)) {
            for (Edit edit : Edit.values()) {
                all.add(Arguments.of(kind, edit));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("edits")
    void theRevisionOfAnEditUpgradesToTheModelAndDowngradesToTheSchemaBefore(DatabaseKind kind, Edit edit)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            RoundTripTest.Loop loop = new RoundTripTest.Loop(db, folder);
            loop.generateAndApply(edit.base, "petclinic");
            List<String> before = CatalogDump.of(db);
            assertThat(before).anyMatch(line -> line.matches("(?i)column visits price .*"));
            if (!kind.embedded()) {
                assertThat(before).anyMatch(line -> line.matches("(?i)dump CREATE TABLE .*visits.*"));
            }

            SchemaDiff diff = loop.compare(edit.entities);
            assertThat(diff.upgrade()).as(diff.toString()).hasAtLeastOneElementOfType(edit.expected);
            Path script = loop.generateAndApply(edit.entities, edit.name().toLowerCase(java.util.Locale.ROOT));

            assertThat(loop.compare(edit.entities).upgrade()).as(Files.readString(script)).isEmpty();
            RoundTripTest.validateWithHibernate(db, edit.entities);

            loop.migrator().downgrade("-1");
            assertThat(CatalogDump.of(db)).as(Files.readString(script)).isEqualTo(before);
            assertThat(loop.compare(edit.base).upgrade()).isEmpty();
        }
    }
}
