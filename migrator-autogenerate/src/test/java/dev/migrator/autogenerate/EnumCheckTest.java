package dev.migrator.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.autogenerate.edits.Variants;
import dev.migrator.autogenerate.petclinic.PetClinic;
import dev.migrator.autogenerate.petclinic.Visit;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An enum gains a value: the database refused it before the generated revision and takes it after,
 * so the revision's check (or enum type) is the one the model stores values for, not only text
 * that compares as equal.
 */
class EnumCheckTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void aNewEnumValueIsRefusedBeforeTheRevisionAndStoredAfterIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            RoundTripTest.Loop loop = new RoundTripTest.Loop(db, folder);
            loop.generateAndApply(PetClinic.with(Visit.class, Variants.VisitWithKind.class), "visit kinds");
            long pet = aPet(db);

            assertThatThrownBy(() -> insertVisit(db, pet, "'DENTAL'", 0)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> insertVisit(db, pet, "'CHECKUP'", 3)).isInstanceOf(SQLException.class);
            insertVisit(db, pet, "'SURGERY'", 2);

            loop.generateAndApply(PetClinic.with(Visit.class, Variants.VisitWithMoreKinds.class), "dental, emergency");

            insertVisit(db, pet, "'DENTAL'", 3);
            assertThatThrownBy(() -> insertVisit(db, pet, "'CHECKUP'", 4)).isInstanceOf(SQLException.class);
        }
    }

    private static long aPet(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO owners (first_name, last_name) VALUES ('Ada', 'Lovelace')");
            st.executeUpdate("INSERT INTO types (name) VALUES ('cat')");
            st.executeUpdate("INSERT INTO pets (name, owner_id, type_id) SELECT 'Tom', o.id, t.id FROM owners o, types t");
            try (var rs = st.executeQuery("SELECT id FROM pets")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertVisit(TestDatabase db, long pet, String kind, int urgency) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO visits (pet_id, visit_date, kind, urgency) VALUES (" + pet
                    + ", DATE '2026-12-03', " + kind + ", " + urgency + ")");
        }
    }
}
