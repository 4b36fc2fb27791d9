package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.config.MigratorConfig;
import dev.migrator.flyway.FlywayHistoryTable;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Property defaults equal the engine's, and the generated metadata describes every property. */
class MigratorPropertiesTests {

    private final MigratorProperties properties = new MigratorProperties();
    private final MigratorConfig engine = MigratorConfig.defaults();

    @Test
    void everyDefaultEqualsTheEngineDefault() {
        assertThat(properties.getLocations()).isEqualTo(engine.locations());
        assertThat(properties.getVersionTable()).isEqualTo(engine.versionTable());
        assertThat(properties.getVersionTableSchema()).isEqualTo(engine.schema());
        assertThat(properties.getHistoryTable()).isEqualTo(engine.historyTable());
        assertThat(properties.getLockTimeout()).isEqualTo(engine.lockTimeout());
        assertThat(properties.isTransactionPerMigration()).isEqualTo(engine.transactionPerMigration());
        assertThat(properties.isValidateChecksums()).isEqualTo(engine.validateChecksums());
        assertThat(properties.getFlywayTakeover().getTable()).isEqualTo(FlywayHistoryTable.DEFAULT_TABLE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void generatedMetadataDescribesEveryPropertyWithItsDefault() throws Exception {
        Map<String, Object> metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.builder().build().readValue(in, Map.class);
        }
        List<String> names = new ArrayList<>();
        for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
            String name = (String) property.get("name");
            names.add(name);
            assertThat((String) property.get("description")).as(name).isNotBlank();
        }
        assertThat(names).contains("migrator.enabled", "migrator.locations", "migrator.target", "migrator.on-startup",
                "migrator.phase", "migrator.version-table", "migrator.version-table-schema", "migrator.history-table",
                "migrator.lock-timeout", "migrator.transaction-per-migration", "migrator.validate-checksums",
                "migrator.url", "migrator.user", "migrator.password", "migrator.offline-export.enabled",
                "migrator.offline-export.output", "migrator.health.pending-status");
        Map<String, Object> defaults = new java.util.HashMap<>();
        for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
            defaults.put((String) property.get("name"), property.get("defaultValue"));
        }
        assertThat(defaults).containsEntry("migrator.locations", List.of(MigratorConfig.DEFAULT_LOCATION))
                .containsEntry("migrator.version-table", MigratorConfig.DEFAULT_VERSION_TABLE)
                .containsEntry("migrator.history-table", MigratorConfig.DEFAULT_HISTORY_TABLE)
                .containsEntry("migrator.lock-timeout", "5m")
                .containsEntry("migrator.on-startup", "upgrade")
                .containsEntry("migrator.phase", "runner")
                .containsEntry("migrator.target", "heads")
                .containsEntry("migrator.health.pending-status", "OUT_OF_SERVICE");
    }
}
