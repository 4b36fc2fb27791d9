package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import flyway} in-process: where it finds the migrations, and what it refuses. */
class ImportFlywayCommandTest {

    @TempDir
    Path project;

    record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MigratorCli.execute(project, Map.of(), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Path migrations() {
        return project.resolve("out");
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(project.resolve(path).getParent());
        Files.writeString(project.resolve(path), text);
    }

    @Test
    void flywayTomlOutranksSpringFlywayLocationsAndTheFlagOutranksBoth() throws Exception {
        write("src/main/resources/application.yml", "spring:\n  flyway:\n    locations: classpath:db/spring\n");
        write("src/main/resources/db/spring/V1__spring.sql", "SELECT 1;\n");
        write("flyway.toml", "[environments.default]\nlocations = [\"filesystem:nowhere\"]\n\n[flyway]\n"
                + "locations = [\"filesystem:toml\"]\ntable = \"history\"\n");
        write("toml/V1__toml.sql", "SELECT 1;\n");
        write("toml/V1_1__toml_too.sql", "SELECT 2;\n");
        write("flag/V3__flag.sql", "SELECT 3;\n");

        Result result = run("--locations", migrations().toString(), "import", "flyway");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Read 2 Flyway migrations from toml (locations from flyway.toml)")
                .contains("reads history and stamps the revision of the newest version applied, v1_1");
        assertThat(migrations()).isDirectoryContaining("glob:**/v1_toml.sql").isDirectoryContaining("glob:**/v1_1_toml_too.sql");

        Result flagged = run("--locations", project.resolve("out2").toString(), "import", "flyway",
                "--flyway-locations", "filesystem:flag");
        assertThat(flagged.out()).contains("Read 1 Flyway migrations from flag (locations from --flyway-locations)");
    }

    @Test
    void springFlywayLocationsAreReadBelowSrcMainResources() throws Exception {
        write("src/main/resources/application.properties", "spring.flyway.locations=classpath:db/spring\n");
        write("src/main/resources/db/spring/V1__spring.sql", "SELECT 1;\n");
        Result result = run("--locations", migrations().toString(), "import", "flyway");
        assertThat(result.out()).contains("locations from " + Path.of("src/main/resources/application.properties"));
        assertThat(Files.readString(migrations().resolve("v1_spring.sql"))).startsWith("-- migrator:revision v1\n");
    }

    @Test
    void asecondImportIsRefusedAndWritesNothing() throws Exception {
        write("src/main/resources/db/migration/V1__a.sql", "SELECT 1;\n");
        assertThat(run("--locations", migrations().toString(), "import", "flyway").exit()).isZero();
        write("src/main/resources/db/migration/V2__b.sql", "SELECT 2;\n");
        Result again = run("--locations", migrations().toString(), "import", "flyway");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("v1_a.sql exists already: the migrations were imported before");
        assertThat(migrations().resolve("v2_b.sql")).doesNotExist();
    }

    private static List<String> notes(String url) throws Exception {
        List<String> notes = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
                ResultSet rows = connection.createStatement().executeQuery("SELECT note FROM a ORDER BY id")) {
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
        }
        return notes;
    }

    /** Flyway's other prefix and suffix: rewritten to ${name}, and what was text to Flyway stays text. */
    @Test
    void flywaysOwnPlaceholderSyntaxIsRewrittenSoMigratorRunsTheScriptsAsFlywayDid() throws Exception {
        write("flyway.conf", "flyway.placeholderPrefix=#[\nflyway.placeholderSuffix=]\n");
        write("src/main/resources/db/migration/V1__a.sql", "CREATE TABLE a (id int, note varchar(50));\n"
                + "INSERT INTO a VALUES (1, '${literal}');\nINSERT INTO a VALUES (2, '#[who]#[who]');\n");
        write("src/main/resources/db/migration/R__v.sql", "CREATE OR REPLACE VIEW v AS SELECT note FROM a"
                + " WHERE note <> '#[who]';\n");
        write("src/main/resources/db/migration/afterMigrate.sql", "INSERT INTO a VALUES (3, '#[who] ${x}');\n");
        Result imported = run("--locations", migrations().toString(), "import", "flyway");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Placeholders as Flyway replaced them (flyway.conf): #[name], rewritten to"
                + " migrator's ${name}").contains("note: V1__a.sql:3: uses the placeholder ${who}")
                .doesNotContain("${literal}");
        assertThat(Files.readString(migrations().resolve("r_v.sql"))).contains("WHERE note <> '${who}'");

        String url = "jdbc:h2:mem:syntax;DB_CLOSE_DELAY=-1";
        Result upgraded = run("--url", url, "--locations", migrations().toString(), "upgrade", "--placeholder",
                "who=alice");
        assertThat(upgraded.exit()).as(upgraded.err()).isZero();
        assertThat(notes(url)).containsExactly("${literal}", "alicealice", "alice ${x}");
    }

    /** {@code placeholderReplacement=false} for the whole project: no script is replaced in, callbacks included. */
    @Test
    void aProjectWithoutPlaceholderReplacementIsImportedSoMigratorReplacesNothing() throws Exception {
        write("src/main/resources/application.properties", "spring.flyway.placeholder-replacement=false\n");
        write("src/main/resources/db/migration/V1__a.sql", "CREATE TABLE a (id int, note varchar(50));\n"
                + "INSERT INTO a VALUES (1, '${literal}');\n");
        write("src/main/resources/db/migration/R__v.sql", "CREATE OR REPLACE VIEW v AS SELECT '${y}' AS y;\n");
        write("src/main/resources/db/migration/afterMigrate.sql", "INSERT INTO a VALUES (2, '${x}');\n");
        Result imported = run("--locations", migrations().toString(), "import", "flyway");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Placeholders as Flyway replaced them ("
                + Path.of("src/main/resources/application.properties") + "): none").doesNotContain("note:");
        assertThat(Files.readString(migrations().resolve("v1_a.sql"))).contains("-- migrator:placeholders false\n");
        assertThat(Files.readString(migrations().resolve("r_v.sql"))).contains("-- migrator:placeholders false\n");

        String url = "jdbc:h2:mem:nosyntax;DB_CLOSE_DELAY=-1";
        Result upgraded = run("--url", url, "--locations", migrations().toString(), "upgrade");
        assertThat(upgraded.exit()).as(upgraded.err()).isZero();
        assertThat(notes(url)).containsExactly("${literal}", "${x}");
    }

    @Test
    void callbacksAreCopiedUnderTheirNamesAndMigratorReadsThemAsCallbacks() throws Exception {
        write("src/main/resources/db/migration/V1__a.sql", "CREATE TABLE a (id int);\n");
        write("src/main/resources/db/migration/afterMigrate.sql", "GRANT SELECT ON a TO ${reader};\n");
        write("src/main/resources/db/migration/sub/beforeEachMigrate__audit.sql", "SELECT 1;\n");
        write("src/main/resources/db/migration/afterMigrateError.sql", "SELECT 2;\n");
        Result result = run("--locations", migrations().toString(), "import", "flyway");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Copied " + Path.of("out/afterMigrate.sql") + " (callback, from "
                        + Path.of("src/main/resources/db/migration/afterMigrate.sql") + ")")
                .contains("Copied " + Path.of("out/beforeEachMigrate__audit.sql"))
                .contains("note: afterMigrate.sql:1: uses the placeholder ${reader}")
                .contains("note: afterMigrateError.sql: a Flyway callback migrator does not run");
        assertThat(Files.readString(migrations().resolve("afterMigrate.sql"))).isEqualTo("GRANT SELECT ON a TO ${reader};\n");
        assertThat(migrations().resolve("afterMigrateError.sql")).doesNotExist();
        // Read back as callbacks, not as revisions without a header.
        Result heads = run("--locations", migrations().toString(), "heads");
        assertThat(heads.exit()).as(heads.err()).isZero();
        assertThat(heads.out().strip()).isEqualTo("v1 (head)");
    }

    @Test
    void aMissingLocationNamesTheFolderAndWhereToSayIt() {
        Result result = run("--locations", migrations().toString(), "import", "flyway");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("The Flyway location " + project.resolve("src/main/resources/db/migration")
                .toAbsolutePath().normalize() + " is not a folder").contains("--flyway-locations");
    }

    @Test
    void stampFromFlywayTakesNoTarget() {
        Result result = run("--locations", migrations().toString(), "stamp", "--from-flyway", "heads");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("stamp --from-flyway takes its target from Flyway's history");
    }

    @Test
    void importFlywayHasHelpAndImportAloneSaysWhatItNeeds() {
        Result help = run("import", "flyway", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--flyway-locations").doesNotContain("--flyway-table");
        Result bare = run("import");
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.err()).contains("`migrator import flyway`");
    }
}
