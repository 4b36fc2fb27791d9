package dev.migrator.cli;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.ExternalCommand;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class MariaDbCliIT extends CliEndToEnd {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    void applyWithClient(TestDatabase db, Path script) {
        List<String> command = new ArrayList<>(List.of("mariadb"));
        command.addAll(db.clientArguments());
        ExternalCommand.run(command, script).requireSuccess();
    }
}
