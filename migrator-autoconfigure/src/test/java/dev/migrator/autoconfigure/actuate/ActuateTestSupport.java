package dev.migrator.autoconfigure.actuate;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.MigratorR2dbcAutoConfiguration;
import dev.migrator.autoconfigure.MigratorStartupAutoConfiguration;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/** Contexts on a test database and what the actuator tests read back from them. */
public final class ActuateTestSupport {

    public static final String NOTE = "a1note000001";
    public static final String TAG = "b2tag0000002";
    public static final String NEWER = "c3newer00003";
    public static final String SIDE = "d4side000004";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ActuateTestSupport() {
    }

    /** The JDBC auto-configuration on {@code db}, migrating during refresh, plus {@code autoConfigurations}. */
    public static ApplicationContextRunner migratedDuringRefresh(TestDatabase db, Class<?>... autoConfigurations) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MigratorAutoConfiguration.class, MigratorStartupAutoConfiguration.class))
                .withConfiguration(AutoConfigurations.of(autoConfigurations))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "migrator.phase=initialization");
    }

    /** The R2DBC auto-configuration on {@code db} (no DataSource), migrating during refresh, plus {@code autoConfigurations}. */
    public static ApplicationContextRunner migratedOverR2dbcDuringRefresh(TestDatabase db,
            Class<?>... autoConfigurations) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, MigratorAutoConfiguration.class,
                        MigratorR2dbcAutoConfiguration.class, MigratorStartupAutoConfiguration.class))
                .withConfiguration(AutoConfigurations.of(autoConfigurations))
                .withPropertyValues("spring.r2dbc.url=" + db.r2dbcUrl(), "migrator.phase=initialization");
    }

    /** Upgrades {@code db} to the heads of the given classpath locations, as another release would. */
    public static void upgrade(TestDatabase db, String... locations) {
        MigratorConfig config = MigratorConfig.builder()
                .locations(java.util.Arrays.stream(locations).map(l -> "classpath:" + l).toList()).build();
        Migrator.create(db.dataSource(), config).upgrade("heads");
    }

    /** The value as the endpoint's JSON, read back as maps and lists. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(Object value) {
        return JSON.readValue(JSON.writeValueAsString(value), Map.class);
    }

    /** Every row of a query, each as a string of its columns. */
    public static List<String> rows(TestDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
