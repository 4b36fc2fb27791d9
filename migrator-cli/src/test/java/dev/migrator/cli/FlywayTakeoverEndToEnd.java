package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real project's Flyway migrations (Netflix Conductor's, see src/test/resources/flyway/README.md),
 * applied by real Flyway, then imported with {@code import flyway} and taken over with
 * {@code stamp --from-flyway} by the real jar: nothing runs again, and migrator goes on from there,
 * online and through the offline script run by the database's own client.
 */
abstract class FlywayTakeoverEndToEnd {

    @TempDir
    Path work;

    abstract DatabaseKind kind();

    /** The resource folder of the project's migrations. */
    abstract String migrations();

    /** The number of versioned migrations in it. */
    abstract int count();

    /** Lays the migrations out as the project keeps them and configures Flyway's locations; returns their folder. */
    abstract Path layOut(List<String> files) throws IOException;

    /** A new revision's upgrade on top of the imported ones: a column on Conductor's queue table. */
    String addColumn(String column) {
        return "ALTER TABLE queue ADD COLUMN " + column + " varchar(100);";
    }

    List<String> files() throws IOException {
        List<String> files = new ArrayList<>();
        for (int version = 1; version <= count(); version++) {
            String prefix = "V" + version + "__";
            try (var listing = Files.list(resource(""))) {
                listing.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(prefix))
                        .forEach(files::add);
            }
        }
        return files;
    }

    Path resource(String file) {
        return Path.of("src/test/resources/flyway", migrations(), file);
    }

    void copy(List<String> files, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String file : files) {
            try (InputStream in = Files.newInputStream(resource(file))) {
                Files.copy(in, folder.resolve(file));
            }
        }
    }

    void flyway(TestDatabase db, Path folder, UnaryOperator<FluentConfiguration> settings) {
        settings.apply(Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + folder.toAbsolutePath())).load().migrate();
    }

    CliJar.Result cli(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", db.url(), "--user", db.user(), "--password", db.password()));
        all.addAll(List.of(args));
        return CliJar.run(work, Map.of(), all);
    }

    static CliJar.Result ok(CliJar.Result result) {
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    static List<String> column(TestDatabase db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void aDatabaseFlywayMigratedIsTakenOverWithoutRunningAnythingAndMigratesOnOnlineAndOffline() throws Exception {
        try (TestDatabase db = TestDatabase.create(kind())) {
            Path folder = layOut(files());
            flyway(db, folder, config -> config);
            String last = "v" + count();

            CliJar.Result imported = ok(CliJar.run(work, Map.of(), List.of("import", "flyway")));
            assertThat(imported.out()).contains("Read " + count() + " Flyway migrations from ")
                    .contains("Wrote " + Path.of("src/main/resources/db/migrations/v1_initial_schema.sql")
                            + " (V1__initial_schema.sql)")
                    .contains("Next: on each database Flyway migrated, run `migrator stamp --from-flyway`");

            // An imported script edited after the import: the takeover notes it, by Flyway's own checksum.
            Path v2;
            try (var scripts = Files.newDirectoryStream(work.resolve("src/main/resources/db/migrations"), "v2_*.sql")) {
                v2 = scripts.iterator().next();
            }
            Files.writeString(v2, Files.readString(v2) + "-- reviewed after the import\n");

            CliJar.Result takeover = ok(cli(db, "stamp", "--from-flyway"));
            assertThat(takeover.out()).containsOnlyOnce("is not the text Flyway ran")
                    .contains("note: revision v2 is not the text Flyway ran as V2__");
            assertThat(takeover.out()).contains("Running stamp <base> -> " + last)
                    .contains("Took over from Flyway: ").contains("flyway_schema_history shows version " + count()
                            + " applied; the database is at " + last + ".");
            assertThat(column(db, "SELECT version_num FROM migrator_version")).containsExactly(last);
            // Every imported revision's checksum is recorded, and the scripts match them: check is clean.
            assertThat(column(db, "SELECT revision FROM migrator_history WHERE direction = 'stamp'")).hasSize(count());
            assertThat(ok(cli(db, "check")).out()).contains("at the heads (" + last + ")");
            assertThat(ok(cli(db, "upgrade")).out()).contains("Nothing to upgrade: the database is at " + last);
            // Flyway's table stays as it was.
            assertThat(column(db, "SELECT version FROM flyway_schema_history")).hasSize(count());

            Path first = Path.of(ok(cli(db, "revision", "-m", "queue note")).out().strip());
            CliEndToEnd.fill(work.resolve(first), addColumn("note"), "ALTER TABLE queue DROP COLUMN note;");
            String firstId = first.getFileName().toString().substring(0, 12);
            CliJar.Result offline = ok(cli(db, "upgrade", last + ":heads", "--sql"));
            Path script = work.resolve("upgrade.sql");
            Files.writeString(script, offline.out());
            Clients.apply(db, script);
            assertThat(column(db, "SELECT version_num FROM migrator_version")).containsExactly(firstId);

            Path second = Path.of(ok(cli(db, "revision", "-m", "queue owner")).out().strip());
            CliEndToEnd.fill(work.resolve(second), addColumn("owner"), "ALTER TABLE queue DROP COLUMN owner;");
            CliJar.Result upgraded = ok(cli(db, "upgrade"));
            assertThat(upgraded.out()).contains("Running upgrade " + firstId + " -> ").doesNotContain("Running upgrade v");
            assertThat(column(db, "SELECT owner FROM queue")).isEmpty(); // the column exists
            assertThat(ok(cli(db, "stamp", "--from-flyway")).out())
                    .contains("Nothing to take over: migrator already manages this database");
        }
    }

    /** Two repeatable migrations, written for the test (Conductor has none): views over Conductor's queue tables. */
    @Test
    void repeatableMigrationsAreImportedAndOnlyWhatChangesAfterTheTakeoverRunsAgain() throws Exception {
        try (TestDatabase db = TestDatabase.create(kind())) {
            Path folder = layOut(files());
            Files.writeString(folder.resolve("R__queue_names.sql"),
                    "CREATE OR REPLACE VIEW queue_names AS SELECT queue_name FROM queue;\n");
            Files.writeString(folder.resolve("R__message_counts.sql"), "CREATE OR REPLACE VIEW message_counts AS"
                    + " SELECT queue_name, count(*) AS messages FROM queue_message GROUP BY queue_name;\n");
            flyway(db, folder, config -> config);
            assertThat(column(db, "SELECT script FROM flyway_schema_history WHERE version IS NULL"))
                    .containsExactlyInAnyOrder("R__message_counts.sql", "R__queue_names.sql");

            CliJar.Result imported = ok(CliJar.run(work, Map.of(), List.of("import", "flyway")));
            assertThat(imported.out()).contains("Wrote " + Path.of("src/main/resources/db/migrations/r_queue_names.sql")
                    + " (R__queue_names.sql)").doesNotContain("note: R__");
            assertThat(ok(cli(db, "stamp", "--from-flyway")).out())
                    .contains("Recorded as run, unchanged since Flyway ran them: r_message_counts, r_queue_names.");
            String repeatableRows = "SELECT concat(direction, ' ', revision) FROM migrator_history WHERE revision IN"
                    + " ('r_queue_names', 'r_message_counts') ORDER BY id";
            assertThat(column(db, repeatableRows)).containsExactlyInAnyOrder("stamp r_queue_names",
                    "stamp r_message_counts");
            // The first run after the takeover: Flyway created both views as they are, so nothing runs.
            assertThat(ok(cli(db, "upgrade")).out()).contains("Nothing to upgrade");
            ok(cli(db, "check"));

            // The next release edits one view: it is pending, and the next upgrade runs it alone.
            Path counts = work.resolve("src/main/resources/db/migrations/r_message_counts.sql");
            Files.writeString(counts, Files.readString(counts).replace("GROUP BY", "WHERE popped = false GROUP BY"));
            assertThat(ok(cli(db, "pending")).out().strip())
                    .isEqualTo("r_message_counts (repeatable, changed), message counts");
            CliJar.Result check = cli(db, "check");
            assertThat(check.exit()).as(check.toString()).isEqualTo(1);
            assertThat(check.err()).contains("1 revision(s) pending: r_message_counts (repeatable, changed)");
            CliJar.Result upgraded = ok(cli(db, "upgrade"));
            assertThat(upgraded.out()).contains("Running upgrade r_message_counts (repeatable), message counts")
                    .doesNotContain("queue_names");
            assertThat(column(db, repeatableRows)).endsWith("upgrade r_message_counts").hasSize(3);
            assertThat(column(db, "SELECT view_definition FROM information_schema.views"
                    + " WHERE table_name = 'message_counts'")).singleElement().asString().contains("popped");
            assertThat(ok(cli(db, "history")).out()).doesNotContain("r_");
            ok(cli(db, "check"));
        }
    }

    @Test
    void aVersionFlywayLeftOutIsRefusedUntilFlywayAppliesItOutOfOrder() throws Exception {
        try (TestDatabase db = TestDatabase.create(kind())) {
            List<String> files = files();
            Path folder = layOut(files);
            Path withoutV4 = work.resolve("without-v4");
            copy(files.stream().filter(file -> !file.startsWith("V4__")).toList(), withoutV4);
            flyway(db, withoutV4, config -> config);
            ok(CliJar.run(work, Map.of(), List.of("import", "flyway")));

            CliJar.Result refused = cli(db, "stamp", "--from-flyway");
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err()).contains("Flyway has not applied version 4 (revision v4), which is older than version "
                    + count() + " that it applied").contains("-outOfOrder=true").hasLineCount(1);
            assertThat(db.tableNames()).doesNotContain("migrator_version", "migrator_history");

            flyway(db, folder, config -> config.outOfOrder(true));
            assertThat(column(db, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .endsWith("4");
            assertThat(ok(cli(db, "stamp", "--from-flyway")).out()).contains("the database is at v" + count());
            ok(cli(db, "check"));
        }
    }

    @Test
    void aDatabaseFlywayLeftBehindTheScriptsIsTakenOverAndMigratorAppliesTheRest() throws Exception {
        try (TestDatabase db = TestDatabase.create(kind())) {
            Path folder = layOut(files());
            flyway(db, folder, config -> config.target("3"));
            ok(CliJar.run(work, Map.of(), List.of("import", "flyway")));
            assertThat(ok(cli(db, "stamp", "--from-flyway")).out()).contains("the database is at v3");
            CliJar.Result upgraded = ok(cli(db, "upgrade"));
            assertThat(upgraded.out()).contains("Running upgrade v3 -> v4").contains("Upgraded to v" + count());
            ok(cli(db, "check"));
        }
    }

    @Test
    void aDatabaseFlywayBaselinedIsTakenOverWithTheVersionsBelowTheBaselineCountedAsApplied() throws Exception {
        try (TestDatabase db = TestDatabase.create(kind())) {
            Path folder = layOut(files());
            // Built by other means up to version 3, then baselined there, as `flyway baseline` does for an existing schema.
            flyway(db, folder, config -> config.target("3"));
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("DROP TABLE flyway_schema_history");
            }
            Flyway.configure().dataSource(db.url(), db.user(), db.password()).baselineVersion("3").load().baseline();
            flyway(db, folder, config -> config);
            assertThat(column(db, "SELECT type FROM flyway_schema_history ORDER BY installed_rank")).first()
                    .isEqualTo("BASELINE");
            ok(CliJar.run(work, Map.of(), List.of("import", "flyway")));
            assertThat(ok(cli(db, "stamp", "--from-flyway")).out()).contains("shows version " + count() + " applied");
            assertThat(column(db, "SELECT revision FROM migrator_history WHERE direction = 'stamp'")).hasSize(count());
            ok(cli(db, "check"));
        }
    }

    void refusesAFailedFlywayMigration(String broken) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind())) {
            Path folder = layOut(files());
            Files.writeString(folder.resolve("V" + (count() + 1) + "__broken.sql"), broken);
            assertThatThrownBy(() -> flyway(db, folder, config -> config))
                    .hasMessageContaining("V" + (count() + 1) + "__broken.sql");
            ok(CliJar.run(work, Map.of(), List.of("import", "flyway")));
            CliJar.Result refused = cli(db, "stamp", "--from-flyway");
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err()).contains("flyway_schema_history) holds a failed migration: version " + (count() + 1)
                    + " V" + (count() + 1) + "__broken.sql (SQL, installed_rank ").contains("flyway repair")
                    .hasLineCount(1);
            assertThat(db.tableNames()).doesNotContain("migrator_version", "migrator_history");
        }
    }
}
