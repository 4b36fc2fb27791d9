package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code import flyway}: revision scripts from another tool's migrations. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Write revision scripts from another tool's migrations.", subcommands = ImportFlywayCommand.class)
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Override
    public Integer call() {
        throw new BadInputException("import needs the tool to import from: `migrator import flyway`");
    }
}
