package dev.migrator.cli;

import dev.migrator.Migrator;
import dev.migrator.OfflineScripts;
import dev.migrator.engine.Command;
import dev.migrator.engine.RunResult;
import dev.migrator.error.BadInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What upgrade, downgrade and stamp share: an offline script with {@code --sql}, else an online run. */
final class Runs {

    private Runs() {
    }

    static int run(MigratorCli cli, Command command, String target, boolean sql) {
        return run(cli, command, List.of(target), sql, false);
    }

    /** Several targets and purge are stamp's; the stamp command renders those offline itself. */
    static int run(MigratorCli cli, Command command, List<String> targets, boolean sql, boolean purge) {
        String verb = command.name().toLowerCase(Locale.ROOT);
        PrintWriter out = cli.out();
        String target = String.join(" ", targets);
        if (sql) {
            OfflineScripts offline = Migrator.offline(cli.config());
            String script = offline.script(cli.offlineDialect(), command, target); // its usage errors come first
            if (cli.failOnMissingLocations()) {
                offline.requireScripts(cli.offlineDialect());
            }
            out.print(script);
            out.flush();
            return 0;
        }
        if (target.contains(":")) {
            throw new BadInputException("'" + target + "' is a range, which only " + verb + " --sql takes; an online "
                    + verb + " starts where the database is, so give just the target");
        }
        RunResult result = cli.online(migrator -> {
            if (cli.failOnMissingLocations()) {
                migrator.requireScripts(); // the dialect is known from the URL: no connection for it
            }
            Migrator reporting = migrator.withListener(new Progress(out));
            if (command != Command.STAMP) {
                return reporting.run(command, target);
            }
            return purge ? reporting.purgeAndStamp(targets) : reporting.stamp(targets);
        });
        if (result.plan().purge()) {
            out.println("Emptied the version table (it held " + rows(result.rowsBefore()) + ") and stamped "
                    + rows(result.rowsAfter()));
        } else if (result.stepsRun() == 0) {
            out.println("Nothing to " + verb + ": the database is at " + rows(result.rowsAfter())
                    + (command == Command.UPGRADE ? "" : ", where " + target + " leaves it"));
        } else {
            out.println(switch (command) {
                case UPGRADE -> "Upgraded";
                case DOWNGRADE -> "Downgraded";
                case STAMP -> "Stamped";
            } + " to " + rows(result.rowsAfter()) + ": " + result.stepsRun() + " step"
                    + (result.stepsRun() == 1 ? "" : "s") + " in " + Durations.format(result.durationMillis()));
        }
        return 0;
    }

    private static String rows(Set<String> rows) {
        return rows.isEmpty() ? "<base>" : String.join(", ", new java.util.TreeSet<>(rows));
    }
}
