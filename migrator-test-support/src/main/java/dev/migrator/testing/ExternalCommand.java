package dev.migrator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs a database's own client (psql, pg_dump, mariadb, mariadb-dump) as tests compare
 * migrator's work with what the real tools do.
 *
 * @param exitCode the process's exit code
 * @param output standard output
 * @param errors standard error
 */
public record ExternalCommand(int exitCode, String output, String errors) {

    /** Runs a command, feeding {@code stdin} (may be null) and waiting at most five minutes. */
    public static ExternalCommand run(List<String> command, @Nullable Path stdin) {
        try {
            Path out = Files.createTempFile("migrator-cmd", ".out");
            Path err = Files.createTempFile("migrator-cmd", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin != null) {
                builder.redirectInput(stdin.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            ExternalCommand result = new ExternalCommand(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + " (is it on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ExternalCommand run(List<String> command) {
        return run(command, null);
    }

    /** This result, or an AssertionError with the command's output when it failed. */
    public ExternalCommand requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("Command failed with exit code " + exitCode + ":\n" + errors + output);
        }
        return this;
    }
}
