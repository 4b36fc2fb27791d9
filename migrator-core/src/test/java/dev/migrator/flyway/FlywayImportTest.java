package dev.migrator.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.BadInputException;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayImportTest {

    @TempDir
    Path folder;

    private void write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void versionedMigrationsBecomeALineInVersionOrderWithUndoScriptsAsDowngrades() throws Exception {
        write("V1__create_account.sql", "\uFEFFCREATE TABLE account (id int);\n");
        write("sub/V1_10__ten.sql", "SELECT 10;");
        write("V1.9__nine.sql", "SELECT 9;\n");
        write("V2__later.sql", "SELECT 2;\n");
        write("U1_9__nine.sql", "SELECT -9;\n");
        write("R__views.sql", "CREATE VIEW v AS SELECT 1;\n");
        write("V2__later.sql.conf", "executeInTransaction=false\n");
        write("afterMigrate.sql", "SELECT 0;\n");
        FlywayImport.Result result = FlywayImport.of(FlywayMigrations.read(List.of(folder)));

        assertThat(result.scripts()).extracting(FlywayImport.ImportedScript::revisionId)
                .containsExactly("v1", "v1_9", "v1_10", "v2", "r_views");
        List<RevisionScript> parsed = result.scripts().stream()
                .map(script -> ScriptParser.parse(script.text(), script.fileName())).toList();
        assertThat(parsed.get(0).parents()).isEmpty();
        assertThat(parsed.get(0).message()).isEqualTo("create account");
        assertThat(parsed.get(0).upgrade().sql().strip()).isEqualTo("CREATE TABLE account (id int);");
        assertThat(parsed.get(0).reversible()).isFalse();
        assertThat(parsed.get(1).parents()).containsExactly("v1");
        assertThat(parsed.get(1).reversible()).isTrue();
        assertThat(parsed.get(1).downgrade().sql().strip()).isEqualTo("SELECT -9;");
        assertThat(parsed.get(2).parents()).containsExactly("v1_9");
        assertThat(parsed.get(3).parents()).containsExactly("v1_10");
        assertThat(parsed.get(3).transactional()).isFalse();
        assertThat(result.scripts().get(1).fileName()).isEqualTo("v1_9_nine.sql");
        assertThat(result.scripts().get(0).text()).contains("-- Imported from Flyway: V1__create_account.sql (version 1);"
                + " no undo script, so irreversible");
        assertThat(result.notes()).noneSatisfy(note -> assertThat(note).contains("R__views.sql"))
                .noneSatisfy(note -> assertThat(note).startsWith("afterMigrate.sql"));
        assertThat(result.callbacks()).extracting(FlywayImport.ImportedCallback::fileName)
                .containsExactly("afterMigrate.sql");
        RevisionScript views = parsed.get(4);
        assertThat(views.repeatable()).isTrue();
        assertThat(views.parents()).isEmpty();
        assertThat(views.message()).isEqualTo("views");
        assertThat(views.upgrade().sql()).isEqualTo("CREATE VIEW v AS SELECT 1;\n");
        assertThat(result.scripts().get(4).fileName()).isEqualTo("r_views.sql");
        assertThat(result.scripts().get(4).text()).contains("-- Imported from Flyway: R__views.sql (repeatable)");
    }

    @Test
    void repeatableIdsAreTheDescriptionInLowerCaseAndTwoThatMeetAreRefused() throws Exception {
        assertThat(FlywayImport.repeatableId("Customer views")).isEqualTo("r_customer_views");
        assertThat(FlywayImport.repeatableId("calc.totals (v2)")).isEqualTo("r_calc_totals_v2");
        write("V1__a.sql", "SELECT 1;");
        write("R__Customer_views.sql", "SELECT 1;");
        write("sub/R__customer.views.sql", "SELECT 2;");
        assertThatThrownBy(() -> FlywayImport.of(FlywayMigrations.read(List.of(folder))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("would both be revision r_customer_views")
                .hasMessageContaining("R__Customer_views.sql").hasMessageContaining("R__customer.views.sql");
    }

    @Test
    void aJavaMigrationIsSkippedWithANoteOnWritingAJavaRevisionInItsPlace() throws Exception {
        write("V1__create.sql", "CREATE TABLE t (id int);\n");
        write("V2__Backfill.java", "package db.migration;\npublic class V2__Backfill {}\n");
        write("V3__more.sql", "SELECT 3;\n");
        FlywayMigrations migrations = FlywayMigrations.read(List.of(folder));
        assertThat(migrations.skipped()).singleElement().asString().startsWith("V2__Backfill.java: a Flyway Java"
                + " migration, which the import does not convert").contains("migrator revision --java CLASS");
        assertThat(FlywayImport.of(migrations).scripts()).extracting(FlywayImport.ImportedScript::revisionId)
                .containsExactly("v1", "v3");
    }

    @Test
    void twoFilesOfOneVersionAreRefusedNamingBoth() throws Exception {
        write("V1_1__a.sql", "SELECT 1;");
        write("V1.01__b.sql", "SELECT 2;");
        assertThatThrownBy(() -> FlywayMigrations.read(List.of(folder))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("Two Flyway migrations have version 1.").hasMessageContaining("V1_1__a.sql")
                .hasMessageContaining("V1.01__b.sql");
    }

    @Test
    void placeholdersThatNeedAValueAreNotedWithFileAndLine() throws Exception {
        write("V1__a.sql", "-- x\nCREATE TABLE ${schema}.t (id int);\nGRANT SELECT ON t TO ${flyway:user};\n"
                + "INSERT INTO t VALUES ('${flyway:timestamp}');\n");
        write("V2__b.sql", "SELECT '${not_replaced}';\n");
        write("V2__b.sql.conf", "placeholderReplacement = false\n");
        FlywayImport.Result result = FlywayImport.of(FlywayMigrations.read(List.of(folder)));
        assertThat(result.notes()).containsExactly(
                "V1__a.sql:2: uses the placeholder ${schema}, which migrator replaces as Flyway did: give it the value"
                        + " spring.flyway.placeholders.schema or flyway.placeholders.schema gave, as"
                        + " migrator.placeholders.schema, --placeholder schema=VALUE or MIGRATOR_PLACEHOLDERS_SCHEMA",
                "V1__a.sql:4: uses Flyway's ${flyway:timestamp}, which migrator has no value for; put the value in the"
                        + " imported script");
        RevisionScript b = ScriptParser.parse(result.scripts().get(1).text(), "v2_b.sql");
        assertThat(b.placeholders()).isFalse();
        assertThat(ScriptParser.parse(result.scripts().get(0).text(), "v1_a.sql").placeholders()).isTrue();
    }
}
