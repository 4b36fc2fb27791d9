package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.ExternalCommand;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    @Test
    void insideTheSampleAppAUrlIsTheOnlyFlagAnUpgradeNeeds() throws Exception {
        Path sample = Path.of("..", "sample-app").toAbsolutePath().normalize();
        assertThat(sample.resolve("src/main/resources/application.properties")).exists();
        try (TestDatabase db = TestDatabase.create(kind())) {
            // The user and password ride in the URL: the sample's files name H2's user, for H2's URL only.
            String url = db.url().replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
            CliJar.Result upgraded = ok(CliJar.run(sample, Map.of(), List.of("--url", url, "upgrade")));
            assertThat(upgraded.out()).contains("Upgraded to");
            assertThat(db.tableNames()).contains("note", "tag", "migrator_version");
            CliJar.Result config = ok(CliJar.run(sample, Map.of(), List.of("--url", url, "config")));
            assertThat(config.out()).contains("migrator.locations in " + Path.of("src/main/resources/application.properties"));
        }
    }
}
