package dev.migrator.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.autoconfigure.init.ApplicationScriptDatabaseInitializer;
import org.springframework.boot.sql.autoconfigure.init.SqlInitializationProperties;
import org.springframework.boot.sql.init.AbstractScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Refuses Boot's script initialization ({@code spring.sql.init}: schema.sql, data.sql) beside
 * migrator. Both would own the schema: with {@code phase=initialization} Boot's scripts ran after
 * migrator and dropped the tables it had created, and with {@code phase=runner} they run before
 * the tables exist. Runs before any bean is created, so neither has touched the database yet.
 * Only bean definitions and resource names are read. Shared by JDBC and R2DBC services: Spring Boot's
 * JDBC module is asked about an embedded database only where it is on the class path.
 */
final class SqlInitializationCheck implements BeanFactoryPostProcessor, EnvironmentAware, ResourceLoaderAware {

    private @Nullable Environment environment;
    private @Nullable ResourceLoader resourceLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String[] initializers = beanFactory.getBeanNamesForType(AbstractScriptDatabaseInitializer.class, true, false);
        if (initializers.length == 0 || environment == null || resourceLoader == null) {
            return;
        }
        SqlInitializationProperties properties = Binder.get(environment)
                .bind("spring.sql.init", SqlInitializationProperties.class).orElseGet(SqlInitializationProperties::new);
        if (!runs(properties.getMode())) {
            return;
        }
        DatabaseInitializationSettings settings = ApplicationScriptDatabaseInitializer.getSettings(properties);
        List<String> scripts = new ArrayList<>();
        scripts.addAll(existing(settings.getSchemaLocations()));
        scripts.addAll(existing(settings.getDataLocations()));
        if (!scripts.isEmpty()) {
            throw new MigratorConfigurationException("Spring Boot's SQL script initialization (spring.sql.init.mode="
                    + properties.getMode().name().toLowerCase(java.util.Locale.ROOT) + ") would run beside migrator:\n\n    "
                    + String.join("\n    ", scripts) + "\n\nBoth would change the schema, in an order neither knows about:"
                    + " Boot's scripts can drop and recreate tables migrator created, leaving migrator's version table"
                    + " describing a schema that no longer exists.",
                    "Set spring.sql.init.mode=never and move what the scripts do into revisions (schema.sql into the "
                            + "first revision, data.sql into one that follows it): see docs/coming-from.md, "
                            + "\"Coming from spring.sql.init\". To keep Boot's scripts and not migrator, set "
                            + "migrator.enabled=false.");
        }
    }

    /** Whether Boot runs its scripts: always, or for an embedded database (also the one Boot makes when no URL is set). */
    private boolean runs(DatabaseInitializationMode mode) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case EMBEDDED -> {
                String url = environment.getProperty("spring.datasource.url", environment.getProperty("spring.r2dbc.url"));
                yield url == null || url.contains(":h2:mem") || (jdbcSupport()
                        && JdbcEmbeddedDatabase.isEmbedded(environment.getProperty("spring.datasource.driver-class-name"), url));
            }
        };
    }

    private boolean jdbcSupport() {
        return resourceLoader != null
                && ClassUtils.isPresent(MigratorAutoConfiguration.SPRING_BOOT_JDBC, resourceLoader.getClassLoader());
    }

    /** Spring Boot's JDBC module's list of embedded databases; loaded only when that module is there. */
    private static final class JdbcEmbeddedDatabase {

        static boolean isEmbedded(@Nullable String driverClassName, String url) {
            return org.springframework.boot.jdbc.EmbeddedDatabaseConnection.isEmbedded(driverClassName, url);
        }
    }

    private List<String> existing(@Nullable List<String> locations) {
        List<String> found = new ArrayList<>();
        if (locations == null) {
            return found;
        }
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(resourceLoader);
        for (String location : locations) {
            String pattern = location.startsWith("optional:") ? location.substring("optional:".length()) : location;
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    if (resource.exists()) {
                        found.add(location + " (" + resource.getDescription() + ")");
                    }
                }
            } catch (IOException e) {
                // Boot itself reports a location it cannot read; here it counts as holding nothing.
            }
        }
        return found;
    }
}
