package dev.migrator.plan;

import java.util.List;
import java.util.Set;

/**
 * An ordered list of steps and the version rows before and after them. Empty steps mean
 * there is nothing to do.
 *
 * @param steps in the order they run
 * @param rowsBefore the version rows the plan starts from
 * @param rowsAfter the version rows once every step has run
 */
public record Plan(List<Step> steps, Set<String> rowsBefore, Set<String> rowsAfter) {

    public Plan {
        steps = List.copyOf(steps);
        rowsBefore = Set.copyOf(rowsBefore);
        rowsAfter = Set.copyOf(rowsAfter);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
