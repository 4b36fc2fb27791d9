package dev.migrator.cli;

import dev.migrator.engine.Command;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code upgrade [TARGET|START:END] [--sql]}. */
@picocli.CommandLine.Command(name = "upgrade", description = "Apply revisions up to TARGET (default: heads).")
final class UpgradeCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Parameters(arity = "0..1", defaultValue = "heads", paramLabel = "TARGET|START:END",
            description = "heads, head, a revision (or unique prefix), a label, label@head, +N, rev+N; "
                    + "with --sql also START:END")
    String target = "heads";

    @Option(names = "--sql", description = "Print the SQL script instead of running it; connects to nothing")
    boolean sql;

    @Override
    public Integer call() {
        return Runs.run(cli, Command.UPGRADE, target, sql);
    }
}
