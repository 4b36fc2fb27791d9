package dev.migrator.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.BadInputException;
import dev.migrator.error.DatabaseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlywayHistoryTest {

    private static final List<String> IDS = List.of("v1", "v1_1", "v2", "v3", "v4");

    private final List<FlywayHistory.Row> rows = new ArrayList<>();

    private FlywayHistoryTest row(String version, String type, boolean success) {
        rows.add(new FlywayHistory.Row(rows.size() + 1, version, "d", type,
                version == null ? "R__views.sql" : "V" + version + "__d.sql", null, success));
        return this;
    }

    private FlywayHistory.Decision decide() {
        return new FlywayHistory("public.flyway_schema_history", rows).decide(IDS);
    }

    @Test
    void theNewestAppliedVersionIsTheRevisionToStamp() {
        row("1", "SQL", true).row("1.1", "SQL", true).row("2", "JDBC", true);
        FlywayHistory.Decision decision = decide();
        assertThat(decision.target()).isEqualTo("v2");
        assertThat(decision.topVersion()).hasToString("2");
        assertThat(decision.notes()).isEmpty();
    }

    @Test
    void outOfOrderRowsCountOnceEveryVersionIsApplied() {
        row("1", "SQL", true).row("2", "SQL", true).row("4", "SQL", true).row("1.1", "SQL", true).row("3", "SQL", true);
        assertThat(decide().target()).isEqualTo("v4");
    }

    @Test
    void aVersionBelowTheNewestThatFlywayDidNotApplyIsRefusedNamingIt() {
        row("1", "SQL", true).row("1.1", "SQL", true).row("2", "SQL", true).row("4", "SQL", true);
        assertThatThrownBy(this::decide).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("Flyway has not applied version 3 (revision v3), which is older than version 4")
                .hasMessageContaining("public.flyway_schema_history").hasMessageContaining("-outOfOrder=true");
    }

    @Test
    void aFailedRowIsRefusedNamingTheRowAndTheRepair() {
        row("1", "SQL", true).row("1.1", "SQL", false);
        assertThatThrownBy(this::decide).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("holds a failed migration: version 1.1 V1.1__d.sql (SQL, installed_rank 2)")
                .hasMessageContaining("flyway repair")
                .hasMessageContaining("WHERE installed_rank = 2");
    }

    @Test
    void aBaselineCountsEveryVersionUpToItsOwnAsApplied() {
        row("0", "SCHEMA", true).row("1.1", "BASELINE", true).row("2", "SQL", true);
        assertThat(decide().target()).isEqualTo("v2");
        rows.clear();
        row("2", "BASELINE", true);
        assertThat(decide().target()).isEqualTo("v2");
    }

    @Test
    void aBaselineAtAVersionNoScriptHasStampsTheNewestScriptBelowIt() {
        row("1.5", "BASELINE", true);
        FlywayHistory.Decision decision = decide();
        assertThat(decision.target()).isEqualTo("v1_1");
        assertThat(decision.topVersion()).hasToString("1.5");
    }

    @Test
    void undoAndDeleteRowsTakeTheirVersionBack() {
        row("1", "SQL", true).row("1.1", "SQL", true).row("2", "SQL", true).row("2", "UNDO_SQL", true);
        assertThat(decide().target()).isEqualTo("v1_1");
        rows.clear();
        row("1", "SQL", true).row("1.1", "SQL", true).row("2", "SQL", true).row("2", "DELETE", true);
        assertThat(decide().target()).isEqualTo("v1_1");
    }

    @Test
    void anAppliedVersionNoScriptHasIsRefusedWhenItIsTheNewest() {
        row("1", "SQL", true).row("5", "SQL", true);
        assertThatThrownBy(this::decide).isInstanceOf(DatabaseException.class); // 1.1 .. 4 were never applied
        rows.clear();
        row("1", "SQL", true).row("1.1", "SQL", true).row("2", "SQL", true).row("3", "SQL", true).row("4", "SQL", true)
                .row("5", "SQL", true);
        assertThatThrownBy(this::decide).isInstanceOf(BadInputException.class)
                .hasMessageContaining("Flyway applied version 5").hasMessageContaining("no script here is revision v5");
    }

    @Test
    void versionsWithoutScriptsAreNotedNotRefused() {
        row("0.9", "SQL", true).row("1", "SQL", true).row(null, "SQL", true);
        FlywayHistory.Decision decision = decide();
        assertThat(decision.target()).isEqualTo("v1");
        assertThat(decision.notes()).singleElement().asString().contains("version 0.9, which no script has");
    }

    private void repeatable(String description, String script, int checksum, String type) {
        rows.add(new FlywayHistory.Row(rows.size() + 1, null, description, type, script, checksum, true));
    }

    @Test
    void aRepeatableWhoseNewestRowHasTheScriptsFlywayChecksumIsUnchanged() {
        String views = "CREATE VIEW v AS SELECT 2;\n";
        int flywayChecksum = 508_201_797; // CRC32 of the line without its break (Python's zlib.crc32), as Flyway records it
        assertThat(FlywayChecksum.of(views)).isEqualTo(flywayChecksum);
        repeatable("views", "R__views.sql", FlywayChecksum.of("CREATE VIEW v AS SELECT 1;"), "SQL");
        repeatable("views", "R__views.sql", flywayChecksum, "SQL"); // Flyway ran the edited file again
        repeatable("totals", "R__totals.sql", 42, "SQL");
        repeatable("gone", "R__gone.sql", 7, "SQL");
        repeatable("old", "R__old.sql", 7, "SQL");
        repeatable("old", "R__old.sql", 7, "DELETE");
        FlywayHistory.Repeatables repeatables = new FlywayHistory("public.flyway_schema_history", rows)
                .repeatables(java.util.Map.of("r_views", views, "r_totals", "SELECT 1;", "r_old", "SELECT 7;"));
        assertThat(repeatables.unchanged()).containsExactly("r_views");
        assertThat(repeatables.notes()).hasSize(2)
                .anySatisfy(note -> assertThat(note).contains("repeatable revision r_totals is not the text Flyway"
                        + " last ran as R__totals.sql: the next upgrade runs it"))
                .anySatisfy(note -> assertThat(note).contains("R__gone.sql, which no repeatable revision here has"));
    }

    @Test
    void aHistoryWithoutVersionedRowsHasNothingToStamp() {
        row("0", "SCHEMA", true);
        assertThat(decide().target()).isNull();
    }

    @Test
    void aScriptThatIsNotWhatFlywayRanIsNotedWithItsRevisionAndFile() {
        String v1 = "CREATE TABLE a (id int);\r\n";
        rows.add(new FlywayHistory.Row(1, "1", "a", "SQL", "V1__a.sql", FlywayChecksum.of(v1), true));
        rows.add(new FlywayHistory.Row(2, "1.1", "b", "SQL", "V1_1__b.sql", FlywayChecksum.of("SELECT 1;"), true));
        List<String> notes = new FlywayHistory("public.flyway_schema_history", rows)
                .editedSinceApplied(java.util.Map.of("v1", "CREATE TABLE a (id int);\n\n", "v1_1", "SELECT 2;\n"));
        assertThat(notes).singleElement().asString().startsWith("revision v1_1 is not the text Flyway ran as V1_1__b.sql");
    }
}
