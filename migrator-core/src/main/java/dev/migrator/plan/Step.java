package dev.migrator.plan;

import dev.migrator.graph.Revision;
import java.util.Objects;

/**
 * One planned step: run a revision up or down, or stamp it, and change the version rows.
 *
 * @param kind upgrade, downgrade or stamp
 * @param revision the revision run or stamped
 * @param versionChange the step's effect on the version table's rows
 */
public record Step(StepKind kind, Revision revision, VersionChange versionChange) {

    public Step {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(versionChange, "versionChange");
    }

    /**
     * Whether the step runs a repeatable revision: the one upgrade that changes no version row (a
     * versioned upgrade always inserts or replaces one).
     */
    public boolean repeatable() {
        return kind == StepKind.UPGRADE && versionChange.isEmpty();
    }
}
