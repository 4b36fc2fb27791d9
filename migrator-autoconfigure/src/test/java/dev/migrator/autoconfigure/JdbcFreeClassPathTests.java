package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Boots a reactive service with {@code @EnableAutoConfiguration} in a class loader whose class path is this
 * module's test class path without the JDBC stack's jars (Spring's JDBC support, Boot's JDBC module,
 * HikariCP, the JDBC drivers, and what needs them: JPA and Hibernate), as a service on
 * {@code migrator-starter-r2dbc} has it. Unlike a {@code FilteredClassLoader}, which only hides names
 * from conditions, a migrator class that links a JDBC class fails here with NoClassDefFoundError.
 */
class JdbcFreeClassPathTests {

    /** Jars a reactive service on migrator-starter-r2dbc does not have. */
    private static final Pattern JDBC_JARS = Pattern.compile("(spring-jdbc|spring-boot-jdbc|spring-boot-jdbc-test"
            + "|spring-boot-starter-jdbc|HikariCP|postgresql|mariadb-java-client|spring-orm|spring-boot-jpa"
            + "|spring-boot-hibernate|spring-boot-data-jpa|hibernate-[a-z-]+|jakarta\\.persistence-api)-\\d.*\\.jar");

    private static final List<String> JDBC_PACKAGES = List.of("org.springframework.jdbc.",
            "org.springframework.boot.jdbc.", "com.zaxxer.hikari.", "org.postgresql.", "org.hibernate.");

    @Test
    @SuppressWarnings("unchecked")
    void aReactiveServiceMigratesOverR2dbcOnAClassPathWithoutTheJdbcStack() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL);
                RecordingClassLoader loader = jdbcFreeClassPath()) {
            assertThat(loader.left).isNotEmpty();
            Map<String, Object> result = callIn(loader, JdbcFreeReactiveService.class.getName(), db.r2dbcUrl());

            assertThat(result).containsEntry("failure", "");
            // The class path really lacks them: the service could not load them even by name.
            assertThat(result).containsEntry("jdbcClassesLoadable", List.of());
            assertThat((List<String>) result.get("tables")).contains("note", "tag", "migrator_version",
                    "migrator_history");
            assertThat(result).containsEntry("versionRows", List.of("b2tag0000002"))
                    .containsEntry("current", List.of("b2tag0000002")).containsEntry("health", "UP")
                    .containsEntry("endpointState", "up-to-date").containsEntry("stepTimerCount", 2L)
                    .containsEntry("dataSources", List.of());
            assertThat((List<String>) result.get("migratorBeans")).contains("reactiveMigrator", "migrator",
                    "migratorStartupRunner", "migrationsEndpoint", "migrationsHealthIndicator")
                    .doesNotContain("migratorMigrationDatabase", "migratorSchemaManagementProvider");
            assertThat(loader.defined).noneMatch(name -> JDBC_PACKAGES.stream().anyMatch(name::startsWith));
            assertThat(loader.defined).contains(MigratorR2dbcAutoConfiguration.class.getName())
                    .doesNotContain(MigratorAutoConfiguration.class.getName(), MigrationDatabase.class.getName());
        }
    }

    /** This module's test class path less {@link #JDBC_JARS}, on the platform loader (no application class). */
    private static RecordingClassLoader jdbcFreeClassPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (JDBC_JARS.matcher(path.getFileName().toString()).matches()) {
                left.add(path.getFileName().toString());
            } else {
                urls.add(path.toUri().toURL());
            }
        }
        return new RecordingClassLoader(urls.toArray(URL[]::new), left);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> callIn(ClassLoader loader, String className, String argument) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Function<String, Map<String, Object>> call = (Function<String, Map<String, Object>>) loader
                    .loadClass(className).getDeclaredConstructor().newInstance();
            return call.apply(argument);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Remembers every class it defined. */
    static final class RecordingClassLoader extends URLClassLoader {

        final Set<String> defined = ConcurrentHashMap.newKeySet();
        final List<String> left;

        RecordingClassLoader(URL[] urls, List<String> left) {
            super("jdbc-free", urls, ClassLoader.getPlatformClassLoader());
            this.left = left;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> found = super.findClass(name);
            defined.add(name);
            return found;
        }
    }
}
