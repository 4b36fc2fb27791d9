package dev.migrator.cli;

import dev.migrator.testing.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conductor's MySQL migrations on MariaDB, in a Spring Boot project that names them in spring.flyway.locations. */
class MariaDbFlywayIT extends FlywayTakeoverEndToEnd {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    String migrations() {
        return "conductor-mysql";
    }

    @Override
    int count() {
        return 8;
    }

    @Override
    Path layOut(List<String> files) throws IOException {
        Path resources = work.resolve("src/main/resources");
        Path folder = resources.resolve("db/flyway");
        copy(files, folder);
        Files.writeString(resources.resolve("application.properties"), "spring.flyway.locations=classpath:db/flyway\n");
        return folder;
    }

    /** Without transactional DDL Flyway keeps a failed row, and the statements before the failure stay applied. */
    @Test
    void aFailedMigrationInFlywaysHistoryIsRefusedAndNothingIsWritten() throws Exception {
        refusesAFailedFlywayMigration("CREATE TABLE broken_half (id int);\nINSERT INTO no_such_table VALUES (1);\n");
    }
}
