package dev.migrator.cli;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.ExternalCommand;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class PostgresCliIT extends CliEndToEnd {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }

    @Override
    void applyWithClient(TestDatabase db, Path script) {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script.toString()));
        command.addAll(db.clientArguments());
        ExternalCommand.run(command).requireSuccess();
    }
}
