package dev.migrator.plan;

/** What a step does to the database. */
public enum StepKind {
    /** Runs a revision's upgrade section. */
    UPGRADE,
    /** Runs a revision's downgrade section. */
    DOWNGRADE,
    /** Changes only the version rows (and records history); runs no script. */
    STAMP
}
