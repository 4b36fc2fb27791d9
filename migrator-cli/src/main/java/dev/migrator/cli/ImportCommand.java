package dev.migrator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code import flyway}: revision scripts from another tool's migrations. */
@Command(name = "import", description = "Write revision scripts from another tool's migrations.",
        subcommands = ImportFlywayCommand.class)
final class ImportCommand {

    @ParentCommand
    MigratorCli cli;
}
