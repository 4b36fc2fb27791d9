package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.actuate.endpoint.MigrationsEndpoint;
import dev.migrator.autoconfigure.actuate.health.MigrationsHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service {@link JdbcFreeClassPathTests} boots inside its JDBC-free class loader, with every
 * auto-configuration on that class path. Answers in JDK types only, which both loaders share.
 */
public final class JdbcFreeReactiveService implements Function<String, Map<String, Object>> {

    private static final List<String> JDBC_CLASSES = List.of("org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.boot.jdbc.EmbeddedDatabaseConnection", "com.zaxxer.hikari.HikariDataSource",
            "org.postgresql.Driver");

    @Override
    public Map<String, Object> apply(String r2dbcUrl) {
        Map<String, Object> result = new LinkedHashMap<>();
        ClassLoader loader = JdbcFreeReactiveService.class.getClassLoader();
        result.put("jdbcClassesLoadable", JDBC_CLASSES.stream().filter(name -> ClassUtils.isPresent(name, loader)).toList());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Service.class)
                .web(WebApplicationType.NONE)
                .properties("spring.r2dbc.url=" + r2dbcUrl, "spring.main.banner-mode=off",
                        "management.endpoints.web.exposure.include=migrations")
                .run()) {
            DatabaseClient client = DatabaseClient.create(context.getBean(io.r2dbc.spi.ConnectionFactory.class));
            result.put("tables", client.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    + "current_schema() ORDER BY table_name").map(row -> row.get(0, String.class)).all().collectList()
                    .block());
            result.put("versionRows", client.sql("SELECT version_num FROM migrator_version")
                    .map(row -> row.get(0, String.class)).all().collectList().block());
            result.put("current", context.getBean(Migrator.class).current().stream().sorted().toList());
            result.put("health", context.getBean(MigrationsHealthIndicator.class).health(false).getStatus().getCode());
            JsonMapper json = JsonMapper.builder().build();
            result.put("endpointState", json.readTree(json.writeValueAsString(context.getBean(MigrationsEndpoint.class)
                    .migrations())).findValue("state").asString());
            result.put("stepTimerCount", context.getBean(MeterRegistry.class).get("migrator.step").timer().count());
            result.put("dataSources", Arrays.asList(context.getBeanNamesForType(javax.sql.DataSource.class)));
            result.put("migratorBeans", Arrays.stream(context.getBeanDefinitionNames())
                    .filter(name -> name.toLowerCase(java.util.Locale.ROOT).contains("migrat")).toList());
            result.put("failure", "");
        } catch (RuntimeException | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            result.put("failure", trace.toString());
        }
        return result;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
