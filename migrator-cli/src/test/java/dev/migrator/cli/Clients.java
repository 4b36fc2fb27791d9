package dev.migrator.cli;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.ExternalCommand;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs an offline script with the database's own client, stopping at the first error. */
final class Clients {

    private Clients() {
    }

    static void apply(TestDatabase db, Path script) {
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
                    script.toString()));
            command.addAll(db.clientArguments());
            ExternalCommand.run(command).requireSuccess();
            return;
        }
        List<String> command = new ArrayList<>(List.of("mariadb"));
        command.addAll(db.clientArguments());
        ExternalCommand.run(command, script).requireSuccess();
    }
}
