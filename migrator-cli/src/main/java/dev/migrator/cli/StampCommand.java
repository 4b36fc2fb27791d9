package dev.migrator.cli;

import dev.migrator.Migrator;
import dev.migrator.OfflineScripts;
import dev.migrator.engine.Command;
import dev.migrator.error.BadInputException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stamp TARGET... [--sql] [--purge]}. */
@picocli.CommandLine.Command(name = "stamp",
        description = "Set the version rows to TARGET without running scripts; records edited checksums.")
final class StampCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Parameters(arity = "0..*", paramLabel = "TARGET|START:END",
            description = "the revisions to stamp, one per branch (heads, base, a revision, a label, label@base);"
                    + " with --sql also one START:END")
    List<String> targets = List.of();

    @Option(names = "--sql", description = "Print the SQL script instead of running it; connects to nothing")
    boolean sql;

    @Option(names = "--purge", description = "Empty the version table first, whatever it holds (revisions the scripts"
            + " do not know, a row that is an ancestor of another); with --sql the script empties it")
    boolean purge;

    @Option(names = "--from-flyway", description = "Take over a database Flyway migrated: stamp the imported revision"
            + " (`migrator import flyway`) of the newest version in Flyway's history, which stays as it is; refused"
            + " when that history shows a failed or unapplied migration")
    boolean fromFlyway;

    @Mixin
    FlywaySettings.TableFlags flyway = new FlywaySettings.TableFlags();

    @Override
    public Integer call() {
        if (fromFlyway) {
            if (!targets.isEmpty() || sql || purge) {
                throw new BadInputException("stamp --from-flyway takes its target from Flyway's history: give no TARGET,"
                        + " --sql or --purge with it");
            }
            return FlywayTakeoverRun.run(cli, FlywaySettings.resolve(null, flyway, cli.workDir(), cli.projectProperties()));
        }
        if (targets.isEmpty()) {
            throw new BadInputException("stamp needs a TARGET (a revision, heads, base, ...), or --from-flyway");
        }
        if (sql && (purge || targets.size() > 1)) {
            OfflineScripts offline = Migrator.offline(cli.config());
            String script = purge ? offline.purgeAndStampScript(cli.offlineDialect(), targets)
                    : offline.stampScript(cli.offlineDialect(), targets);
            if (cli.failOnMissingLocations()) {
                offline.requireScripts(cli.offlineDialect());
            }
            cli.out().print(script);
            cli.out().flush();
            return 0;
        }
        return Runs.run(cli, Command.STAMP, targets, sql, purge);
    }
}
