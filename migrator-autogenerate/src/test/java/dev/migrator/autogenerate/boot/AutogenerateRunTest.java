package dev.migrator.autogenerate.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The generate run in a Spring Boot application with JPA and migrator, as {@code mvn spring-boot:run
 * -Dspring-boot.run.arguments=--migrator.autogenerate.message=...} starts it.
 */
class AutogenerateRunTest {

    @TempDir
    Path folder;

    private AutogenerateRunner run(TestDatabase db, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--migrator.locations=filesystem:" + folder, "--migrator.autogenerate.exit=false"));
        all.addAll(List.of(arguments));
        try (ConfigurableApplicationContext context = new SpringApplication(PetClinicApplication.class)
                .run(all.toArray(String[]::new))) {
            assertThat(context.getEnvironment().getProperty("spring.main.web-application-type")).isEqualTo("none");
            return context.getBean(AutogenerateRunner.class);
        }
    }

    @Test
    void aNewProjectGetsItsFirstRevisionAndTheCheckThenPasses() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            assertThat(run(db, "--migrator.autogenerate.check=true").exitCode()).isEqualTo(1);

            AutogenerateRunner generate = run(db, "--migrator.autogenerate.message=create petclinic",
                    "--migrator.autogenerate.output=" + folder);

            Path script = generate.written();
            assertThat(script).isNotNull();
            assertThat(script.getFileName().toString()).endsWith("_create_petclinic.sql");
            assertThat(Files.readString(script)).contains("-- migrator:down\n", "CREATE TABLE owners (",
                    "CREATE TABLE vet_specialties (", "ON DELETE CASCADE");
            AutogenerateRunner check = run(db, "--migrator.autogenerate.check=true");
            assertThat(check.exitCode()).isZero();
            assertThat(check.written()).isNull();
        }
    }

    /** The configured database is one that cannot be reached: the run must not touch it at all. */
    @Test
    void aScratchDatabaseIsBroughtToTheHeadsAndComparedInsteadOfTheConfiguredOne() throws Exception {
        try (TestDatabase scratch = TestDatabase.create(DatabaseKind.H2)) {
            assertThat(onScratch(scratch, "--migrator.autogenerate.message=create petclinic").written()).isNotNull();

            assertThat(onScratch(scratch, "--migrator.autogenerate.check=true").exitCode()).isZero();
            assertThat(scratch.tableNames()).contains("owners", "migrator_version");
        }
    }

    private AutogenerateRunner onScratch(TestDatabase scratch, String run) {
        String[] arguments = {"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/configured",
                "--spring.datasource.username=app", "--migrator.locations=filesystem:" + folder,
                "--migrator.autogenerate.exit=false", "--migrator.autogenerate.url=" + scratch.url(),
                "--migrator.autogenerate.username=" + scratch.user(),
                "--migrator.autogenerate.password=" + scratch.password(), "--migrator.autogenerate.output=" + folder, run};
        try (ConfigurableApplicationContext context = new SpringApplication(PetClinicApplication.class).run(arguments)) {
            return context.getBean(AutogenerateRunner.class);
        }
    }

    /** The report Spring Boot prints is the scratch database's, not a failed migration's. */
    @Test
    void aScratchDatabaseThatCannotBeReachedEndsTheRunSayingWhatToDo() {
        String wrong = "jdbc:postgresql://127.0.0.1:5432/no_such_scratch_database";
        SpringApplication application = new SpringApplication(PetClinicApplication.class);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(report, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> application.run("--migrator.autogenerate.check=true",
                    "--migrator.autogenerate.url=" + wrong, "--migrator.autogenerate.username=postgres"))
                    .isInstanceOf(ScratchDatabaseUnreachableException.class)
                    .hasMessageContaining("The scratch database migrator.autogenerate.url=" + wrong + " cannot be reached")
                    .hasMessageContaining("database \"no_such_scratch_database\" does not exist")
                    .hasMessageContaining("or correct migrator.autogenerate.url");
        } finally {
            System.setErr(err);
        }
        assertThat(report.toString(StandardCharsets.UTF_8))
                .contains("The autogenerate run could not connect to its scratch database " + wrong + " as user 'postgres'")
                .contains("Action:", "Start it (or create the database), or correct migrator.autogenerate.url")
                .doesNotContain("could not migrate");
    }

    @Test
    void theRevisionGoesToTheSourceFolderOfTheFirstLocation() {
        assertThat(OutputFolder.of(null, List.of("classpath:db/migrations/{vendor}", "filesystem:/x"), "h2"))
                .isEqualTo(Path.of("src/main/resources/db/migrations/h2"));
        assertThat(OutputFolder.of(null, List.of("filesystem:/srv/scripts"), "h2")).isEqualTo(Path.of("/srv/scripts"));
        assertThat(OutputFolder.of("out/{vendor}", List.of("classpath:db/migrations"), "mariadb"))
                .isEqualTo(Path.of("out/mariadb"));
    }
}
