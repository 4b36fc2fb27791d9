package dev.migrator.autoconfigure.actuate.metrics;

import dev.migrator.engine.Command;
import dev.migrator.plan.Step;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/** The names and tags the step timer and the observations share, so both read the same in a dashboard. */
final class MigrationTags {

    static final String RUN = "migrator.run";
    static final String STEP = "migrator.step";
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private MigrationTags() {
    }

    /**
     * The low-cardinality keys of a step, which meters carry: {@code direction} ({@code upgrade},
     * {@code downgrade} or {@code stamp}). The revision is not one: a tag per revision would make a
     * timer per revision, thousands in a long-lived project (Micrometer's guidance on cardinality).
     */
    static KeyValues of(Step step) {
        return KeyValues.of("direction", Command.direction(step.kind()));
    }

    /** The step's revision, for traces and logs only (a high-cardinality key value). */
    static KeyValue revision(Step step) {
        return KeyValue.of("revision", step.revision().id());
    }

    static String command(Command command) {
        return command.name().toLowerCase(Locale.ROOT);
    }
}
