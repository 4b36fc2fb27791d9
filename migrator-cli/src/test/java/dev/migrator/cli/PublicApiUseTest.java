package dev.migrator.cli;

import dev.migrator.testing.PublicApi;
import org.junit.jupiter.api.Test;

/** The command line is a client of migrator-core's public API (docs/api.md), like any user. */
class PublicApiUseTest {

    @Test
    void theCommandLineUsesOnlyThePublicApi() {
        PublicApi.check("dev.migrator.cli");
    }
}
