package dev.migrator.autogenerate.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What the scratch database replaces for the run: the application's DataSource, and migrator's own URL when set. */
class ScratchDatabaseTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void withoutAUrlNothingIsReplaced() {
        assertThat(ScratchDatabase.settings(environment(Map.of("spring.datasource.url", "jdbc:h2:mem:app")))).isEmpty();
    }

    @Test
    void theScratchDatabaseReplacesMigratorsOwnUrlTooAndTakesTheApplicationsLoginByDefault() {
        try (TestDatabase scratch = TestDatabase.create(DatabaseKind.H2)) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/app");
            properties.put("spring.datasource.username", scratch.user());
            properties.put("spring.datasource.password", scratch.password());
            properties.put("migrator.url", "jdbc:postgresql://127.0.0.1:1/app");
            properties.put("migrator.user", "ddl");
            properties.put("migrator.autogenerate.url", scratch.url());

            Map<String, Object> settings = ScratchDatabase.settings(environment(properties));

            assertThat(settings).containsEntry("spring.datasource.url", scratch.url())
                    .containsEntry("spring.datasource.username", scratch.user())
                    .containsEntry("migrator.url", scratch.url())
                    .containsEntry("migrator.user", scratch.user());
        }
    }
}
