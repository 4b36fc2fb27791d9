package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line reads a Spring Boot project's files and MIGRATOR_* variables; flags win, then environment, then files. */
class CliSettingsTest {

    @TempDir
    Path project;

    private final Map<String, String> env = new HashMap<>();

    private CliCommandsTest.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MigratorCli.execute(project, env, new PrintWriter(out), new PrintWriter(err), args);
        return new CliCommandsTest.Result(exit, out.toString(), err.toString());
    }

    private void write(String file, String text) throws Exception {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private String line(CliCommandsTest.Result config, String setting) {
        return config.out().lines().filter(line -> line.startsWith(setting + " ")).findFirst().orElseThrow();
    }

    @Test
    void eachSettingComesFromTheFirstSourceThatHasIt() throws Exception {
        write("src/main/resources/application.yml", """
                spring:
                  datasource:
                    url: ${DB_URL}
                    username: app
                migrator:
                  locations:
                    - classpath:db/migrations/{vendor}
                    - filesystem:extra
                  history-table: hist_${TEAM:core}
                  version-table: from_yaml
                  lock-timeout: 30
                """);
        write("src/main/resources/application.properties", "migrator.version-table=from_properties\n");
        write("config/application.properties", "migrator.transaction-per-migration=false\n");
        env.put("DB_URL", "jdbc:h2:mem:settings");
        env.put("MIGRATOR_VALIDATE_CHECKSUMS", "false");
        env.put("MIGRATOR_VERSION_TABLE", "from_env");
        CliCommandsTest.Result config = run("config", "--version-table-schema", "public");
        assertThat(config.exit()).as(config.err()).isZero();
        assertThat(line(config, "url")).contains("jdbc:h2:mem:settings",
                "[spring.datasource.url in " + Path.of("src/main/resources/application.yml") + "]");
        assertThat(line(config, "user")).contains("app  [spring.datasource.username in");
        assertThat(line(config, "locations")).contains(project.resolve("src/main/resources/db/migrations/{vendor}")
                + ",filesystem:extra",
                "[migrator.locations in");
        assertThat(line(config, "history-table")).contains("hist_core  [migrator.history-table in");
        assertThat(line(config, "version-table ")).contains("from_env  [MIGRATOR_VERSION_TABLE]");
        assertThat(line(config, "version-table-schema")).contains("public  [--version-table-schema]");
        assertThat(line(config, "lock-timeout")).contains("30  [migrator.lock-timeout in");
        assertThat(line(config, "transaction-per-migration")).contains("false  [migrator.transaction-per-migration in "
                + Path.of("config/application.properties") + "]");
        assertThat(line(config, "validate-checksums")).contains("false  [MIGRATOR_VALIDATE_CHECKSUMS]");
        assertThat(line(config, "dialect")).contains("(none)  [default]");
        env.remove("MIGRATOR_VERSION_TABLE");
        assertThat(line(run("config"), "version-table ")).contains("from_properties  [migrator.version-table in "
                + Path.of("src/main/resources/application.properties") + "]");
    }

    @Test
    void profileFilesAndYamlDocumentsWinForTheActiveProfile() throws Exception {
        write("src/main/resources/application.yml", """
                migrator:
                  history-table: base_history
                ---
                spring:
                  config:
                    activate:
                      on-profile: ci
                migrator:
                  history-table: ci_history
                """);
        write("src/main/resources/application-prod.properties", "migrator.history-table=prod_history\n");
        assertThat(line(run("config"), "history-table")).contains("base_history");
        assertThat(line(run("config", "--profile", "ci"), "history-table")).contains("ci_history", "(document 2)");
        env.put("SPRING_PROFILES_ACTIVE", "prod");
        CliCommandsTest.Result prod = run("config");
        assertThat(line(prod, "history-table")).contains("prod_history", "application-prod.properties");
        assertThat(prod.out()).contains("profiles: prod (SPRING_PROFILES_ACTIVE)");
    }

    @Test
    void theFilesCredentialsGoOnlyWithTheFilesUrl() throws Exception {
        write("src/main/resources/application.properties", """
                spring.datasource.url=jdbc:h2:mem:notes
                spring.datasource.username=sa
                spring.datasource.password=secret
                """);
        CliCommandsTest.Result fromFiles = run("config");
        assertThat(line(fromFiles, "user")).contains("sa  [spring.datasource.username");
        assertThat(line(fromFiles, "password")).contains("********").doesNotContain("secret");
        CliCommandsTest.Result otherUrl = run("config", "--url", "jdbc:postgresql://db/app");
        assertThat(line(otherUrl, "user")).contains("(none)  [not used: spring.datasource.username");
    }

    @Test
    void theServicesEnvironmentVariablesOverrideItsFilesAsInBoot() throws Exception {
        write("src/main/resources/application.properties", """
                spring.datasource.url=jdbc:h2:mem:notes
                spring.datasource.username=sa
                """);
        env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/notes");
        CliCommandsTest.Result config = run("config");
        assertThat(line(config, "url")).contains("jdbc:postgresql://db/notes  [SPRING_DATASOURCE_URL]");
        assertThat(line(config, "user")).contains("sa  [spring.datasource.username in");
        env.put("SPRING_DATASOURCE_USERNAME", "app");
        assertThat(line(run("config"), "user")).contains("app  [SPRING_DATASOURCE_USERNAME]");
        assertThat(line(run("config", "--url", "jdbc:postgresql://other/db"), "user"))
                .contains("(none)  [not used: SPRING_DATASOURCE_USERNAME goes with the service's URL");
    }

    @Test
    void configListsEachPlaceholderWithItsSourceAndHidesSecretOnes() throws Exception {
        assertThat(line(run("config"), "placeholders")).contains("(none)");
        write("src/main/resources/application.properties", """
                migrator.placeholders.owner=app_owner
                migrator.placeholders.schema=from_file
                migrator.placeholders[api_token]=s3cret
                """);
        env.put("MIGRATOR_PLACEHOLDERS_SCHEMA", "from_env");
        env.put("MIGRATOR_PLACEHOLDERS_REGION", "eu");
        CliCommandsTest.Result config = run("config", "--placeholder", "Region=us");
        assertThat(config.exit()).as(config.err()).isZero();
        assertThat(line(config, "placeholders.owner")).contains("app_owner  [migrator.placeholders.owner in "
                + Path.of("src/main/resources/application.properties") + "]");
        assertThat(line(config, "placeholders.schema")).contains("from_env  [environment MIGRATOR_PLACEHOLDERS_SCHEMA]");
        // names match in any case: the flag's Region is the environment's region, and wins
        assertThat(config.out().lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT)
                .startsWith("placeholders.region "))).singleElement().asString().contains("us  [--placeholder]");
        assertThat(line(config, "placeholders.api_token")).contains("********").doesNotContain("s3cret");
        assertThat(config.out()).doesNotContain("placeholders  ");
    }

    @Test
    void anUnsetPlaceholderIsBadInputNamingItsVariable() throws Exception {
        write("src/main/resources/application.properties", "spring.datasource.url=${DATABASE_JDBC_URL}\n");
        CliCommandsTest.Result failed = run("current");
        assertThat(failed.exit()).isEqualTo(2);
        assertThat(failed.err()).contains("${DATABASE_JDBC_URL}", "DATABASE_JDBC_URL", "application.properties");
    }

    @Test
    void theProjectsUrlAndLocationsAreEnoughToUpgrade() throws Exception {
        write("src/main/resources/application.properties", """
                spring.datasource.url=jdbc:h2:mem:fromfiles;DB_CLOSE_DELAY=-1
                migrator.locations=classpath:db/{vendor}
                """);
        write("src/main/resources/db/h2/a_first.sql", "-- migrator:revision aaa1\n-- migrator:upgrade\nCREATE TABLE t (id int);\n");
        CliCommandsTest.Result upgraded = run("upgrade");
        assertThat(upgraded.exit()).as(upgraded.err()).isZero();
        assertThat(upgraded.out()).contains("Upgraded to aaa1");
    }
}
