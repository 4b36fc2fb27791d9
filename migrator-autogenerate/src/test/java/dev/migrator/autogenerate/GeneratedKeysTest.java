package dev.migrator.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.autogenerate.petclinic.Owner;
import dev.migrator.autogenerate.petclinic.Specialty;
import dev.migrator.autogenerate.schema.Change;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys the database numbers: identity columns (whatever the database calls them) and sequences. */
class GeneratedKeysTest {

    private static final List<Class<?>> OWNERS = List.of(Owner.class);
    private static final String OWNERS_TABLE = "CREATE TABLE owners (id %s, first_name varchar(30) NOT NULL,"
            + " last_name varchar(30) NOT NULL, address varchar(255), city varchar(80), telephone varchar(20));\n"
            + "CREATE INDEX ix_owners_last_name ON owners (last_name);\n";

    @TempDir
    Path folder;

    private void writeFirstRevision(String idColumn) throws Exception {
        writeFirstRevision(OWNERS_TABLE.formatted(idColumn), "DROP TABLE owners;");
    }

    private void writeFirstRevision(String upgrade, String downgrade) throws Exception {
        Files.writeString(folder.resolve("aaaaaaaaaaaa_first.sql"), "-- migrator:revision aaaaaaaaaaaa\n\n"
                + "-- migrator:upgrade\n" + upgrade + "\n-- migrator:downgrade\n" + downgrade + "\n");
    }

    /** Specialty's ids come from specialty_seq with an allocation size of 10: the sequence must step by 10. */
    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void aSequenceTakesTheAllocationSizeAsItsIncrementAndGivesItBack(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            String bool = kind == DatabaseKind.MARIADB ? "bit" : "boolean";
            writeFirstRevision("CREATE SEQUENCE specialty_seq START WITH 1 INCREMENT BY 1;\n"
                    + "CREATE TABLE specialties (id bigint NOT NULL PRIMARY KEY, active " + bool + " NOT NULL,"
                    + " name varchar(80) NOT NULL);", "DROP TABLE specialties;\nDROP SEQUENCE specialty_seq;");
            RoundTripTest.Loop loop = new RoundTripTest.Loop(db, folder);
            loop.migrator().upgrade("heads");
            List<String> before = CatalogDump.of(db);

            SchemaDiff diff = loop.compare(List.of(Specialty.class));
            assertThat(diff.upgrade()).extracting(Change::describe)
                    .containsExactly("alter sequence specialty_seq: increment 1 -> 10");
            Path script = loop.generateAndApply(List.of(Specialty.class), "allocate ten");

            assertThat(loop.compare(List.of(Specialty.class)).upgrade()).as(Files.readString(script)).isEmpty();
            loop.migrator().downgrade("-1");
            assertThat(CatalogDump.of(db)).as(Files.readString(script)).isEqualTo(before);
            assertThat(loop.compare(List.of(Specialty.class)).database().sequences().values())
                    .singleElement().satisfies(sequence -> assertThat(sequence.increment()).isEqualTo(1L));
        }
    }

    @Test
    void aPostgresSerialColumnIsAnIdentityColumn() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            writeFirstRevision("bigserial PRIMARY KEY");
            RoundTripTest.Loop loop = new RoundTripTest.Loop(db, folder);
            loop.migrator().upgrade("heads");

            SchemaDiff diff = loop.compare(OWNERS);

            assertThat(diff.upgrade()).as(diff.toString()).isEmpty();
            assertThat(diff.database().sequences()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void aKeyBecomesAnIdentityColumnAndBack(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            writeFirstRevision("bigint NOT NULL PRIMARY KEY");
            RoundTripTest.Loop loop = new RoundTripTest.Loop(db, folder);
            loop.migrator().upgrade("heads");
            List<String> before = CatalogDump.of(db);

            SchemaDiff diff = loop.compare(OWNERS);
            assertThat(diff.upgrade()).singleElement().isInstanceOfSatisfying(Change.AlterColumn.class,
                    alter -> assertThat(alter.identityChanged()).isTrue());
            Path script = loop.generateAndApply(OWNERS, "number owners");

            assertThat(loop.compare(OWNERS).upgrade()).as(Files.readString(script)).isEmpty();
            loop.migrator().downgrade("-1");
            assertThat(CatalogDump.of(db)).as(Files.readString(script)).isEqualTo(before);
        }
    }
}
