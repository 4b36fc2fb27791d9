package dev.migrator.autoconfigure.actuate.metrics;

import dev.migrator.engine.Command;
import dev.migrator.plan.Step;
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

    /** {@code revision} and {@code direction} ({@code upgrade}, {@code downgrade} or {@code stamp}). */
    static KeyValues of(Step step) {
        return KeyValues.of("revision", step.revision().id(), "direction", Command.direction(step.kind()));
    }

    static String command(Command command) {
        return command.name().toLowerCase(Locale.ROOT);
    }
}
