package dev.migrator.cli;

import dev.migrator.testing.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Conductor's PostgreSQL migrations, with their location in flyway.conf as a Flyway command-line project keeps it. */
class PostgresFlywayIT extends FlywayTakeoverEndToEnd {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }

    @Override
    String migrations() {
        return "conductor-postgres";
    }

    @Override
    int count() {
        return 7;
    }

    @Override
    Path layOut(List<String> files) throws IOException {
        Path folder = work.resolve("sql");
        copy(files, folder);
        Files.writeString(work.resolve("flyway.conf"), "flyway.locations=filesystem:sql\n");
        return folder;
    }
}
