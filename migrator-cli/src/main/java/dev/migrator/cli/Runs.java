package dev.migrator.cli;

import dev.migrator.Migrator;
import dev.migrator.engine.Command;
import dev.migrator.engine.RunResult;
import dev.migrator.error.BadInputException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/** What upgrade, downgrade and stamp share: an offline script with {@code --sql}, else an online run. */
final class Runs {

    private Runs() {
    }

    static int run(MigratorCli cli, Command command, String target, boolean sql, boolean purge) {
        String verb = command.name().toLowerCase(Locale.ROOT);
        PrintWriter out = cli.out();
        if (sql) {
            if (purge) {
                throw new BadInputException("stamp --purge has no meaning with --sql: an offline stamp starts from the"
                        + " range's START, not from the database");
            }
            Migrator offline = Migrator.offline(cli.config());
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
            return migrator.withListener(new Progress(out)).run(command, target, purge);
        });
        if (result.stepsRun() == 0) {
            out.println("Nothing to " + verb + ": the database is at " + rows(result.rowsAfter()));
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
