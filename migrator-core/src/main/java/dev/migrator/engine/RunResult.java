package dev.migrator.engine;

import dev.migrator.plan.Plan;
import java.util.Set;

/**
 * What a run did.
 *
 * @param command the verb
 * @param plan the steps run, in order (empty when there was nothing to do)
 * @param rowsBefore the version rows before the run
 * @param rowsAfter the version rows after it
 * @param durationMillis wall time, lock wait included
 */
public record RunResult(Command command, Plan plan, Set<String> rowsBefore, Set<String> rowsAfter, long durationMillis) {

    public RunResult {
        rowsBefore = Set.copyOf(rowsBefore);
        rowsAfter = Set.copyOf(rowsAfter);
    }

    public int stepsRun() {
        return plan.steps().size();
    }
}
