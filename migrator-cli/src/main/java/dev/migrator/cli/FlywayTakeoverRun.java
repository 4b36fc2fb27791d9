package dev.migrator.cli;

import dev.migrator.error.DatabaseException;
import dev.migrator.flyway.FlywayHistoryTable;
import dev.migrator.flyway.FlywayTakeover;
import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;

/** {@code stamp --from-flyway}: the takeover of a database Flyway migrated, and what it says about it. */
final class FlywayTakeoverRun {

    private FlywayTakeoverRun() {
    }

    static int run(MigratorCli cli, FlywaySettings settings) {
        PrintWriter out = cli.out();
        FlywayHistoryTable table = settings.historyTable();
        FlywayTakeover takeover = cli.online(migrator -> {
            if (cli.failOnMissingLocations()) {
                migrator.requireScripts();
            }
            return migrator.withListener(new Progress(out)).takeOverFlyway(table);
        });
        for (String note : takeover.notes()) {
            out.println("note: " + note);
        }
        switch (takeover.outcome()) {
            case TAKEN_OVER -> out.println("Took over from Flyway: " + takeover.flywayTable() + " shows version "
                    + takeover.topVersion() + " applied; the database is at " + rows(takeover.currentRows())
                    + ". Flyway's table stays as it was; migrator does not read it again."
                    + (takeover.recordedRepeatables().isEmpty() ? "" : " Recorded as run, unchanged since Flyway ran"
                            + " them: " + String.join(", ", takeover.recordedRepeatables()) + "."));
            case ALREADY_MANAGED -> out.println("Nothing to take over: migrator already manages this database (at "
                    + rows(takeover.currentRows()) + ")");
            case NOTHING_APPLIED -> out.println("Nothing to take over: " + takeover.flywayTable() + " shows no applied"
                    + " versioned migration" + (takeover.topVersion() == null ? "" : " with a script here (baseline "
                    + takeover.topVersion() + ")") + "; `migrator upgrade` applies the revisions");
            case NO_FLYWAY_HISTORY -> throw new DatabaseException("There is no Flyway history table "
                    + (table.schema() == null ? "" : table.schema() + ".") + table.table() + " in this database: nothing"
                    + " to take over. If Flyway kept it elsewhere, give --flyway-table and --flyway-schema.");
        }
        out.flush();
        return 0;
    }

    private static String rows(Set<String> rows) {
        return rows.isEmpty() ? "<base>" : String.join(", ", new TreeSet<>(rows));
    }
}
