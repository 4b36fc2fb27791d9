package dev.migrator.sample;

import dev.migrator.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A test of the sample running on a random port, with an HTTP client pointed at it. */
abstract class RunningSample {

    @LocalServerPort
    private int port;

    SampleClient client;

    @BeforeEach
    void connect() {
        client = new SampleClient(port);
    }

    /** Points the sample at a test database, as {@code spring.datasource.url} does in production. */
    static void useDatabase(DynamicPropertyRegistry registry, TestDatabase db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
