package dev.migrator.autoconfigure;

import dev.migrator.testing.PublicApi;
import org.junit.jupiter.api.Test;

/** The auto-configuration is a client of migrator-core's public API (docs/api.md), like any user. */
class PublicApiUseTest {

    @Test
    void theAutoConfigurationUsesOnlyThePublicApi() {
        PublicApi.check("dev.migrator.autoconfigure");
    }
}
