package dev.migrator.cli;

import dev.migrator.engine.Command;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stamp TARGET [--sql] [--purge]}. */
@picocli.CommandLine.Command(name = "stamp",
        description = "Set the version rows to TARGET without running scripts; records edited checksums.")
final class StampCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Parameters(paramLabel = "TARGET|START:END", description = "the revisions to stamp; with --sql also START:END")
    String target = "";

    @Option(names = "--sql", description = "Print the SQL script instead of running it; connects to nothing")
    boolean sql;

    @Option(names = "--purge", description = "Empty the version table first, even of revisions the scripts do not know")
    boolean purge;

    @Override
    public Integer call() {
        return Runs.run(cli, Command.STAMP, target, sql, purge);
    }
}
