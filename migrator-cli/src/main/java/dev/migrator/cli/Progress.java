package dev.migrator.cli;

import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import dev.migrator.error.MigratorException;
import dev.migrator.plan.Step;
import dev.migrator.plan.VersionChange;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One line when a revision starts and one when it ends, with its duration, on stdout:
 * it is what an online run has to say, while stderr stays for errors.
 */
final class Progress implements MigrationListener {

    private final PrintWriter out;

    Progress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void stepStarting(Step step) {
        var revision = step.revision();
        String parents = revision.parents().isEmpty() ? "<base>" : String.join(", ", revision.parents());
        String move = switch (step.kind()) {
            case DOWNGRADE -> revision.id() + " -> " + parents;
            case UPGRADE -> step.repeatable() ? revision.id() + " (repeatable)" : parents + " -> " + revision.id();
            case STAMP -> stampMove(step.versionChange()); // a stamp jumps: the graph parent is not where it came from
        };
        out.println("Running " + Command.direction(step.kind()) + " " + move
                + (revision.message().isEmpty() ? "" : ", " + revision.message())
                + (revision.javaClass() == null || step.kind() == dev.migrator.plan.StepKind.STAMP ? ""
                        : " (java " + revision.javaClass() + ")"));
        out.flush();
    }

    private static String stampMove(VersionChange change) {
        List<String> from = new ArrayList<>(change.deletes());
        List<String> to = new ArrayList<>(change.inserts());
        change.updates().forEach(update -> {
            from.add(update.from());
            to.add(update.to());
        });
        return (from.isEmpty() ? "<base>" : String.join(", ", from)) + " -> "
                + (to.isEmpty() ? "<base>" : String.join(", ", to));
    }

    @Override
    public void stepFinished(Step step, long durationMillis) {
        out.println("Finished " + Command.direction(step.kind()) + " " + step.revision().id() + " in "
                + Durations.format(durationMillis));
        out.flush();
    }

    @Override
    public void stepFailed(Step step, long durationMillis, MigratorException failure) {
        out.println("Failed " + Command.direction(step.kind()) + " " + step.revision().id() + " after "
                + Durations.format(durationMillis));
        out.flush();
    }
}
