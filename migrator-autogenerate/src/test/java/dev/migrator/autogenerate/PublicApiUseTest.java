package dev.migrator.autogenerate;

import dev.migrator.testing.PublicApi;
import org.junit.jupiter.api.Test;

/** Autogenerate is a client of migrator-core's public API (docs/api.md), like any user. */
class PublicApiUseTest {

    @Test
    void autogenerateUsesOnlyThePublicApi() {
        PublicApi.check("dev.migrator.autogenerate");
    }
}
