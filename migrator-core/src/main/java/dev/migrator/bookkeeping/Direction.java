package dev.migrator.bookkeeping;

import dev.migrator.plan.StepKind;
import java.util.Locale;

/** What a history row records: a revision run up or down, or stamped. */
public enum Direction {
    UPGRADE, DOWNGRADE, STAMP;

    /** The step's direction. */
    public static Direction of(StepKind kind) {
        return switch (kind) {
            case UPGRADE -> UPGRADE;
            case DOWNGRADE -> DOWNGRADE;
            case STAMP -> STAMP;
        };
    }

    /** As the history table and JSON write it: {@code upgrade}, {@code downgrade}, {@code stamp}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
