package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placeholder values from {@code --placeholder}, the environment and the project's files, in that order. */
class CliPlaceholdersTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void aProjectWithOneScript() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("src/main/resources/db/migrations"));
        Files.writeString(scripts.resolve("a_values.sql"), """
                -- migrator:revision a
                -- migrator:upgrade
                SELECT '${from_flag}', '${from_env}', '${from_file}', '${Mixed_Case}';
                SELECT ${missing_here_only};
                """);
        Files.writeString(dir.resolve("src/main/resources/application.properties"), """
                migrator.placeholders.from_flag=file
                migrator.placeholders.from_env=file
                migrator.placeholders.from_file=file
                migrator.placeholders.missing_here_only=1
                """);
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MigratorCli.execute(dir, env, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void theFlagWinsOverTheEnvironmentWhichWinsOverTheFiles() {
        env.put("MIGRATOR_PLACEHOLDERS_FROM_FLAG", "env");
        env.put("MIGRATOR_PLACEHOLDERS_FROM_ENV", "env");
        env.put("MIGRATOR_PLACEHOLDERS_MIXED_CASE", "env");
        Result result = run("--locations", dir.resolve("src/main/resources/db/migrations").toString(),
                "--placeholder", "from_flag=flag", "upgrade", "--sql", "--dialect", "postgresql");
        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("SELECT 'flag', 'env', 'file', 'env';").contains("SELECT 1;");
    }

    @Test
    void anUndefinedPlaceholderIsBadInputNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve("src/main/resources/application.properties"), "");
        Result result = run("--locations", dir.resolve("src/main/resources/db/migrations").toString(),
                "--placeholder", "from_flag=1", "--placeholder", "from_env=2", "--placeholder", "from_file=3",
                "--placeholder", "mixed_case=4", "upgrade", "--sql", "--dialect", "mariadb");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("a_values.sql:4").contains("${missing_here_only}")
                .contains("--placeholder missing_here_only=VALUE").hasLineCount(1);
    }
}
