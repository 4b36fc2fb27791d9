package dev.migrator.cli;

import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import dev.migrator.error.MigratorException;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepKind;
import java.io.PrintWriter;

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
        String move = step.kind() == StepKind.DOWNGRADE ? revision.id() + " -> " + parents
                : parents + " -> " + revision.id();
        out.println("Running " + Command.direction(step.kind()) + " " + move
                + (revision.message().isEmpty() ? "" : ", " + revision.message()));
        out.flush();
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
