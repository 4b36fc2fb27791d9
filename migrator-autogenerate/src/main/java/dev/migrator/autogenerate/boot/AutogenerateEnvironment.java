package dev.migrator.autogenerate.boot;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A generate or check run ({@code migrator.autogenerate.message} or {@code migrator.autogenerate.check}
 * set) starts the application without its web server (a running instance keeps its port), without
 * migrating at startup (the run upgrades to the heads itself, and a new project has no script yet),
 * and without Hibernate's {@code ddl-auto}, whatever the application configures; on the scratch
 * database of {@code migrator.autogenerate.url} when one is given ({@link ScratchDatabase}).
 */
public final class AutogenerateEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("migrator.autogenerate.message")
                || "true".equalsIgnoreCase(environment.getProperty("migrator.autogenerate.check"))) {
            Map<String, Object> settings = new HashMap<>(ScratchDatabase.settings(environment));
            settings.put("spring.main.web-application-type", "none");
            // the run migrates itself, to the heads, after the context has started
            settings.put("migrator.on-startup", "none");
            // Hibernate must not change the schema it is compared with
            settings.put("spring.jpa.hibernate.ddl-auto", "none");
            environment.getPropertySources().addFirst(new MapPropertySource("migratorAutogenerate", settings));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
