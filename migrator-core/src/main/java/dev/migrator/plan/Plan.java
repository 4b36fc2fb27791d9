package dev.migrator.plan;

import java.util.List;
import java.util.Set;

/**
 * An ordered list of steps and the version rows before and after them. Empty steps mean
 * there is nothing to do.
 *
 * @param steps in the order they run
 * @param rowsBefore the version rows the plan starts from (none for a purge)
 * @param rowsAfter the version rows once every step has run
 * @param purge the version table is emptied, whatever it holds, before the first step ({@code stamp --purge})
 */
public record Plan(List<Step> steps, Set<String> rowsBefore, Set<String> rowsAfter, boolean purge) {

    public Plan {
        steps = List.copyOf(steps);
        rowsBefore = Set.copyOf(rowsBefore);
        rowsAfter = Set.copyOf(rowsAfter);
    }

    public Plan(List<Step> steps, Set<String> rowsBefore, Set<String> rowsAfter) {
        this(steps, rowsBefore, rowsAfter, false);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
