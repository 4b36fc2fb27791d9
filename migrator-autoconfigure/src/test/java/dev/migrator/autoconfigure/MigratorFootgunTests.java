package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * Settings that used to boot a healthy service on a broken schema, or fail only after "Started":
 * each now stops the boot with a failure analysis, before migrator or anything else ran.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorFootgunTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceInitializationAutoConfiguration.class, MigratorAutoConfiguration.class,
                    MigratorStartupAutoConfiguration.class));

    private ApplicationContextRunner on(TestDatabase db) {
        return contextRunner.withPropertyValues("spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password());
    }

    private static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = FailureAnalysisSupport.analyze(context.getStartupFailure());
        assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
        return analysis;
    }

    @Test
    void aVendorFolderNamedPostgresInsteadOfPostgresqlStopsTheBootNamingBoth() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            on(db).withPropertyValues("migrator.locations=classpath:db/vendors/{vendor}").run(context -> {
                FailureAnalysis analysis = analysis(context);
                assertThat(analysis.getDescription()).contains(
                        "classpath:db/vendors/postgresql (classpath:db/vendors/{vendor}): does not exist; "
                                + "folders beside it: mysql, postgres",
                        "{vendor} is 'postgresql'");
                assertThat(analysis.getAction()).contains("migrator.fail-on-missing-locations=false");
                assertThat(db.tableNames()).isEmpty();
            });
        }
    }

    @Test
    void aMariaDbUrlBesideAMysqlFolderStopsTheBootInTheInitializationPhase() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
            on(db).withPropertyValues("migrator.locations=classpath:db/vendors/{vendor}", "migrator.phase=initialization")
                    .run(context -> {
                        assertThat(analysis(context).getDescription()).contains(
                                "classpath:db/vendors/mariadb (classpath:db/vendors/{vendor}): does not exist; "
                                        + "folders beside it: mysql, postgres", "{vendor} is 'mariadb'");
                        assertThat(db.tableNames()).isEmpty();
                    });
        }
    }

    @Test
    void oneMysqlFolderServesMariaDbWithTheMysqlDialect() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
            on(db).withPropertyValues("migrator.locations=classpath:db/vendors/{vendor}", "migrator.dialect=mysql",
                    "migrator.phase=initialization").run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(db.tableNames()).contains("note", "migrator_version");
                    });
        }
    }

    @Test
    void aTypoInTheLocationsStopsTheBoot() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            on(db).withPropertyValues("migrator.locations=classpath:db/migration").run(context -> assertThat(
                    analysis(context).getDescription()).contains("classpath:db/migration: does not exist; folders beside"
                            + " it: broken, edited, migrations, newer, sidebranch, vendors")
                    .doesNotContain("{vendor} is"));
        }
    }

    @Test
    void failOnMissingLocationsFalseBootsAProjectWithoutRevisionsYet() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            on(db).withPropertyValues("migrator.locations=classpath:db/none", "migrator.fail-on-missing-locations=false")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        context.getBean(MigratorStartupRunner.class).run(null);
                        assertThat(context.getBean(Migrator.class).current()).isEmpty();
                    });
        }
    }

    @Test
    void bootsScriptInitializationBesideMigratorIsRefusedBeforeEitherRuns() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            on(db).withPropertyValues("spring.sql.init.schema-locations=classpath:sqlinit/schema.sql",
                    "migrator.phase=initialization").run(context -> {
                        FailureAnalysis analysis = analysis(context);
                        assertThat(analysis.getDescription()).contains("spring.sql.init.mode=embedded",
                                "classpath:sqlinit/schema.sql");
                        assertThat(analysis.getAction()).contains("spring.sql.init.mode=never");
                        assertThat(db.tableNames()).isEmpty();
                    });
        }
    }

    @Test
    void scriptInitializationTurnedOffBootsAndMigrates() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            on(db).withPropertyValues("spring.sql.init.schema-locations=classpath:sqlinit/schema.sql",
                    "spring.sql.init.mode=never", "migrator.phase=initialization").run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(db.tableNames()).contains("note", "migrator_version");
                    });
        }
    }

    @Test
    void scriptInitializationOnAServerDatabaseInEmbeddedModeIsLeftAlone() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            on(db).withPropertyValues("spring.sql.init.schema-locations=classpath:sqlinit/schema.sql")
                    .run(context -> assertThat(context).hasNotFailed());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "migrator.on-startup=export                          | migrator.on-startup=export needs migrator.offline-export.output",
        "migrator.locations=                                 | migrator.locations is empty",
        "migrator.history-table=migrator_version             | must be two different, non-blank names",
        "migrator.lock-timeout=-1s                           | migrator.lock-timeout is negative",
        "migrator.driver-class-name=org.h2.Driver            | migrator.driver-class-name is set without migrator.url",
        "migrator.target=                                    | migrator.target is blank",
        "migrator.dialect=postgres                           | migrator.dialect: "})
    void invalidCombinationsAreRefusedWhileTheContextRefreshes(String property, String problem) {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            on(db).withPropertyValues(property).run(context -> {
                FailureAnalysis analysis = analysis(context);
                assertThat(analysis.getDescription()).startsWith("Invalid migrator configuration").contains(problem);
                assertThat(db.tableNames()).isEmpty();
            });
        }
    }

    @Test
    void exportWithoutAnOutputFailsBeforeTheApplicationStarts(CapturedOutput output) {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            assertThatException().isThrownBy(() -> new SpringApplicationBuilder(Application.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off", "spring.datasource.url=" + db.url(),
                            "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password(),
                            "migrator.on-startup=export")
                    .run().close());
            assertThat(output).contains("APPLICATION FAILED TO START",
                    "migrator.on-startup=export needs migrator.offline-export.output",
                    "Set migrator.offline-export.output").doesNotContain("Started ");
        }
    }

    @Test
    void aDatabaseAheadOfTheScriptsIsNotCalledUpToDate(CapturedOutput output) {
        // The engine's warning goes through java.util.logging, which an earlier Boot test may have left unrouted.
        List<String> engineWarnings = new ArrayList<>();
        Logger engine = Logger.getLogger("dev.migrator.internal.engine.Engine");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                engineWarnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        engine.addHandler(handler);
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            Migrator.create(db.dataSource(), MigratorConfig.builder()
                    .locations(List.of("classpath:db/migrations", "classpath:db/newer")).build())
                    .upgrade("heads");
            on(db).run(context -> {
                assertThat(context).hasNotFailed();
                context.getBean(MigratorStartupRunner.class).run(null);
            });
            assertThat(engineWarnings).anySatisfy(warning -> assertThat(warning)
                    .startsWith("WARNING The database is ahead of these scripts"));
            assertThat(output).contains("Nothing to upgrade to heads: the database is at c3newer00003")
                    .doesNotContain("up to date");
        } finally {
            engine.removeHandler(handler);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
            MigratorStartupAutoConfiguration.class})
    static class Application {
    }
}
