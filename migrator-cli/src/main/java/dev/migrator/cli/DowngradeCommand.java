package dev.migrator.cli;

import dev.migrator.engine.Command;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code downgrade TARGET [--sql]}. */
@picocli.CommandLine.Command(name = "downgrade", description = "Un-apply revisions down to TARGET.")
final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Parameters(paramLabel = "TARGET|START:END",
            description = "base, a revision (or unique prefix), a label, label@base, -N, rev-N; with --sql START:END")
    String target = "";

    @Option(names = "--sql", description = "Print the SQL script instead of running it; needs START:END")
    boolean sql;

    @Override
    public Integer call() {
        return Runs.run(cli, Command.DOWNGRADE, target, sql);
    }
}
