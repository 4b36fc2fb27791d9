package dev.migrator.engine;

import dev.migrator.plan.StepKind;

/** The verbs that change a database. */
public enum Command {
    UPGRADE, DOWNGRADE, STAMP;

    /** How history rows name the direction of this command's steps. */
    public static String direction(StepKind kind) {
        return switch (kind) {
            case UPGRADE -> "upgrade";
            case DOWNGRADE -> "downgrade";
            case STAMP -> "stamp";
        };
    }
}
