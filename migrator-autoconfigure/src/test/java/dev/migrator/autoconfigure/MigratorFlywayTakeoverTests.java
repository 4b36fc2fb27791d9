package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.bookkeeping.Direction;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.flyway.FlywayImport;
import dev.migrator.flyway.FlywayMigrations;
import dev.migrator.reactive.ReactiveMigrator;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code migrator.flyway-takeover.enabled}: a service that booted with Flyway yesterday boots with
 * migrator and the imported scripts today, running nothing Flyway ran.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorFlywayTakeoverTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class, DataSourceAutoConfiguration.class,
                    MigratorStartupAutoConfiguration.class));

    @TempDir
    Path dir;

    private Path flywayScripts() throws Exception {
        Path flyway = Files.createDirectories(dir.resolve("flyway"));
        Files.writeString(flyway.resolve("V1__create_account.sql"), "CREATE TABLE account (id int PRIMARY KEY);\n");
        Files.writeString(flyway.resolve("V1_1__add_email.sql"), "ALTER TABLE account ADD COLUMN email varchar(200);\n");
        Files.writeString(flyway.resolve("V2__create_orders.sql"),
                "CREATE TABLE orders (id int PRIMARY KEY, account_id int REFERENCES account (id));\n");
        return flyway;
    }

    /** The service's scripts after `migrator import flyway`, and one new revision on top. */
    private Path importedScripts(Path flyway) throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("migrations"));
        for (FlywayImport.ImportedScript script : FlywayImport.of(FlywayMigrations.read(List.of(flyway))).scripts()) {
            Files.writeString(scripts.resolve(script.fileName()), script.text());
        }
        Files.writeString(scripts.resolve("c0ffee000003_invoice.sql"), "-- migrator:revision c0ffee000003\n"
                + "-- migrator:down v2\n-- migrator:upgrade\nCREATE TABLE invoice (id int PRIMARY KEY);\n");
        return scripts;
    }

    /** A database as Flyway left it, and the service's scripts after the import. */
    private Path migratedWithFlywayThenImported(TestDatabase db) throws Exception {
        Path flyway = flywayScripts();
        migrateWithFlyway(db, flyway);
        return importedScripts(flyway);
    }

    private static void migrateWithFlyway(TestDatabase db, Path flyway) {
        Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + flyway.toAbsolutePath()).load().migrate();
    }

    private ApplicationContextRunner service(TestDatabase db, Path scripts) {
        return contextRunner.withPropertyValues("spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password(),
                "migrator.phase=initialization", "migrator.locations=filesystem:" + scripts.toAbsolutePath());
    }

    private static ApplicationContextRunner reactiveServiceTakingOver(TestDatabase db, Path scripts) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, MigratorAutoConfiguration.class,
                        MigratorR2dbcAutoConfiguration.class, MigratorStartupAutoConfiguration.class))
                .withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl(), "migrator.phase=initialization",
                        "migrator.locations=filesystem:" + scripts.toAbsolutePath(),
                        "migrator.flyway-takeover.enabled=true");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL"})
    void aServiceThatBootedWithFlywayBootsWithMigratorAndAppliesOnlyTheNewRevision(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Path scripts = migratedWithFlywayThenImported(db);
            service(db, scripts).withPropertyValues("migrator.flyway-takeover.enabled=true").run(context -> {
                assertThat(context).hasNotFailed();
                Migrator migrator = context.getBean(Migrator.class);
                assertThat(migrator.current()).isEqualTo(Set.of("c0ffee000003"));
                List<HistoryEntry> history = new ArrayList<>(migrator.history(10));
                Collections.reverse(history);
                // The stamp's rows (the checksum of every imported revision) in one transaction, then the new revision.
                assertThat(history.subList(0, 3)).extracting(HistoryEntry::revision)
                        .containsExactlyInAnyOrder("v1", "v1_1", "v2");
                assertThat(history).extracting(HistoryEntry::direction)
                        .containsExactly(Direction.STAMP, Direction.STAMP, Direction.STAMP, Direction.UPGRADE);
                assertThat(history.get(3).revision()).isEqualTo("c0ffee000003");
            });
            // The next boot finds migrator's tables and takes nothing over again.
            service(db, scripts).withPropertyValues("migrator.flyway-takeover.enabled=true")
                    .run(context -> assertThat(context.getBean(Migrator.class).history(10)).hasSize(4));
            assertThat(db.tableNames()).contains("flyway_schema_history");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL"})
    void aReactiveServiceTakesOverOverR2dbc(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Path scripts = migratedWithFlywayThenImported(db);
            reactiveServiceTakingOver(db, scripts)
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(ReactiveMigrator.class);
                        assertThat(context.getBean(ReactiveMigrator.class).current().block())
                                .isEqualTo(Set.of("c0ffee000003"));
                    });
            assertThat(db.tableNames()).contains("invoice");
        }
    }

    /** Flyway ran a repeatable view; the imported repeatable revision is the same text. */
    private Path withRepeatableView(TestDatabase db) throws Exception {
        Path flyway = flywayScripts();
        Files.writeString(flyway.resolve("R__account_emails.sql"),
                "CREATE OR REPLACE VIEW account_emails AS SELECT id, email FROM account;\n");
        migrateWithFlyway(db, flyway);
        return importedScripts(flyway);
    }

    private static List<Direction> rowsOf(List<HistoryEntry> history, String revision) {
        return history.stream().filter(entry -> entry.revision().equals(revision)).map(HistoryEntry::direction).toList();
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL"})
    void anUnchangedRepeatableMigrationDoesNotRunAgainOnTheFirstBootOverJdbcOrR2dbc(DatabaseKind kind,
            CapturedOutput output) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Path scripts = withRepeatableView(db);
            service(db, scripts).withPropertyValues("migrator.flyway-takeover.enabled=true").run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(output).contains("Recorded as run, unchanged since Flyway ran them: r_account_emails");
                Migrator migrator = context.getBean(Migrator.class);
                assertThat(migrator.current()).isEqualTo(Set.of("c0ffee000003"));
                assertThat(rowsOf(migrator.history(10), "r_account_emails")).containsExactly(Direction.STAMP);
                assertThat(migrator.status().pending()).isEmpty();
            });
        }
        try (TestDatabase db = TestDatabase.create(kind)) {
            Path scripts = withRepeatableView(db);
            reactiveServiceTakingOver(db, scripts)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        List<HistoryEntry> history = context.getBean(ReactiveMigrator.class).history(10).block();
                        assertThat(rowsOf(history, "r_account_emails")).containsExactly(Direction.STAMP);
                        assertThat(rowsOf(history, "c0ffee000003")).containsExactly(Direction.UPGRADE);
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2"})
    void withoutTheTakeoverTheImportedRevisionsWouldRunAgain(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Path flyway = flywayScripts();
            migrateWithFlyway(db, flyway);
            service(db, importedScripts(flyway)).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ACCOUNT");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2"})
    void aFailedMigrationInFlywaysHistoryFailsTheBootNamingItAndWritesNothing(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Path flyway = flywayScripts();
            Files.writeString(flyway.resolve("V3__broken.sql"), "CREATE TABLE half (id int);\nINSERT INTO nowhere VALUES (1);\n");
            assertThatThrownBy(() -> migrateWithFlyway(db, flyway)).hasMessageContaining("V3__broken.sql");
            service(db, importedScripts(flyway)).withPropertyValues("migrator.flyway-takeover.enabled=true")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageContaining("holds a failed migration: version 3 V3__broken.sql");
                    });
            assertThat(db.tableNames()).doesNotContain("migrator_version", "migrator_history");
        }
    }
}
