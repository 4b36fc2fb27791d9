package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Placeholder values from {@code migrator.placeholders.*} and from {@code MIGRATOR_PLACEHOLDERS_*}, at a real boot. */
class MigratorPlaceholdersTests {

    @TempDir
    Path dir;

    @Test
    void aServiceMigratesWithValuesFromItsPropertiesAndItsEnvironment() throws Exception {
        Files.writeString(dir.resolve("a_values.sql"), """
                -- migrator:revision a
                -- migrator:upgrade
                CREATE TABLE setting (v varchar(50));
                INSERT INTO setting VALUES ('${greeting}');
                INSERT INTO setting VALUES ('${tenant_name}');
                INSERT INTO setting VALUES ('${region}');
                """);
        // As the process environment would hold them; Boot binds the second one as the key tenant.name.
        Map<String, Object> variables = Map.of("MIGRATOR_PLACEHOLDERS_TENANT_NAME", "acme",
                "MIGRATOR_PLACEHOLDERS_REGION", "eu", "MIGRATOR_PLACEHOLDERS_GREETING", "from the environment");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            MigratorAutoConfiguration.class, MigratorStartupAutoConfiguration.class))
                    .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new SystemEnvironmentPropertySource(
                                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
                    .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                            "spring.datasource.password=" + db.password(), "migrator.locations=filesystem:" + dir,
                            "migrator.phase=initialization", "migrator.placeholders.greeting=hello",
                            "migrator.placeholders.region=from the file")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        // The environment variable wins over the property, as the command line has it.
                        assertThat(settings(db)).containsExactly("acme", "eu", "from the environment");
                    });
        }
    }

    private static List<String> settings(TestDatabase db) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM setting ORDER BY v")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
