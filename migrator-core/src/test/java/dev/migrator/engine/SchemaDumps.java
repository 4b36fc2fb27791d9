package dev.migrator.engine;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.ExternalCommand;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Schema dumps by the databases' own tools, normalized so two databases can be compared. */
final class SchemaDumps {

    private SchemaDumps() {
    }

    static String schema(TestDatabase db) {
        return schema(db, List.of());
    }

    static String schema(TestDatabase db, List<String> extraArguments) {
        List<String> command = new ArrayList<>();
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            command.addAll(List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges"));
        } else {
            command.addAll(List.of("mariadb-dump", "--no-data", "--skip-comments", "--skip-dump-date", "--routines",
                    "--triggers"));
        }
        command.addAll(extraArguments);
        command.addAll(db.clientArguments());
        String dump = ExternalCommand.run(command).requireSuccess().output();
        return dump.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("--") && !line.startsWith("\\restrict")
                        && !line.startsWith("\\unrestrict")
                        // The session's sql_mode when a routine was created: JDBC and the client differ.
                        && !line.contains("SET sql_mode              = '"))
                .map(line -> line.replaceAll(" AUTO_INCREMENT=\\d+", "").replace(db.name(), "<db>"))
                .collect(Collectors.joining("\n"));
    }

    /** Runs a script with the database's own client, stopping at the first error. */
    static void runScript(TestDatabase db, Path script) {
        List<String> command = new ArrayList<>();
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            command.addAll(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script.toString()));
            command.addAll(db.clientArguments());
            ExternalCommand.run(command).requireSuccess();
        } else {
            command.add("mariadb");
            command.addAll(db.clientArguments());
            ExternalCommand.run(command, script).requireSuccess();
        }
    }
}
