package dev.migrator.plan;

import dev.migrator.error.TargetException;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a target and the current version rows into a plan: the revisions to run, in order,
 * each with its version-row change. Pure: the engine runs the plan, online or offline.
 * Targets are described in docs/targets.md.
 */
public final class Planner {

    private final RevisionGraph graph;
    private final Targets targets;

    public Planner(RevisionGraph graph) {
        this.graph = graph;
        this.targets = new Targets(graph);
    }

    public RevisionGraph graph() {
        return graph;
    }

    /**
     * Applies every ancestor of the target (parents and depends-on) not applied yet, parents
     * first; an empty plan when all of it is applied.
     */
    public Plan upgrade(Set<String> versionRows, String target) {
        Set<String> rows = checkedRows(versionRows);
        Targets.Destination destination = targets.forUpgrade(rows, target);
        Set<String> applied = new HashSet<>(graph.ancestors(rows));
        List<String> todo = new ArrayList<>();
        for (String id : graph.ancestors(destination.revisions())) {
            if (!applied.contains(id)) {
                todo.add(id);
            }
        }
        return run(rows, applied, todo, StepKind.UPGRADE);
    }

    /**
     * Un-applies every applied revision that is not an ancestor of the target, children first.
     * A target qualified with a branch label ({@code label@-1}, {@code label@base}) keeps the
     * rows off that branch, so other branches stay as they are.
     *
     * @throws TargetException when the target is not applied, or an irreversible revision would be un-applied
     */
    public Plan downgrade(Set<String> versionRows, String target) {
        Set<String> rows = checkedRows(versionRows);
        Targets.Destination destination = targets.forDowngrade(rows, target);
        Set<String> applied = new LinkedHashSet<>(graph.ancestors(rows));
        List<String> notApplied = destination.revisions().stream().filter(id -> !applied.contains(id)).sorted().toList();
        if (!notApplied.isEmpty()) {
            throw new TargetException("Cannot downgrade to '" + target + "': " + String.join(", ", notApplied)
                    + (notApplied.size() == 1 ? " is" : " are") + " not applied (current revisions: "
                    + (rows.isEmpty() ? "none" : String.join(", ", rows)) + "); use upgrade to go there");
        }
        Set<String> keep = new LinkedHashSet<>(destination.revisions());
        if (destination.label() != null) {
            Set<String> line = targets.lineage(destination.label());
            rows.stream().filter(row -> !line.contains(row)).forEach(keep::add);
        }
        return downgradeTo(rows, applied, keep, target);
    }

    /**
     * Un-applies every applied revision that is no ancestor of {@code keep}, children first.
     * The planner's core, also used to go back to an earlier set of rows.
     */
    Plan downgradeTo(Set<String> rows, Set<String> applied, Set<String> keep, String target) {
        Set<String> kept = graph.ancestors(keep);
        List<String> todo = new ArrayList<>();
        for (String id : applied) {
            if (!kept.contains(id)) {
                todo.add(id);
            }
        }
        java.util.Collections.reverse(todo);
        List<String> irreversible = todo.stream().map(graph::get).filter(r -> !r.reversible())
                .map(r -> "'" + r.id() + "' (" + r.source() + ")").toList();
        if (!irreversible.isEmpty()) {
            throw new TargetException("Cannot downgrade to '" + target + "': " + String.join(", ", irreversible)
                    + (irreversible.size() == 1 ? " has" : " have") + " no downgrade section; nothing was changed");
        }
        return run(rows, new HashSet<>(applied), todo, StepKind.DOWNGRADE);
    }

    /** Goes back to earlier version rows (each must be applied), e.g. to undo an upgrade. */
    Plan downgradeToRows(Set<String> versionRows, Set<String> targetRows) {
        Set<String> rows = checkedRows(versionRows);
        Set<String> applied = new LinkedHashSet<>(graph.ancestors(rows));
        if (!applied.containsAll(targetRows)) {
            throw new TargetException("Cannot downgrade to " + targetRows + ": not all of it is applied");
        }
        return downgradeTo(rows, applied, targetRows, String.join(",", targetRows));
    }

    /**
     * Alembic's stamp: changes the version rows only. Rows on the target's line (its ancestors
     * or descendants) are replaced by the target, other rows stay; {@code base} deletes rows.
     *
     * @param purge start from no rows (the engine empties the table first, whatever it holds);
     *     the plan's rowsBefore is then empty
     */
    public Plan stamp(Set<String> versionRows, String target, boolean purge) {
        Set<String> rows = purge ? new LinkedHashSet<>() : knownRows(versionRows);
        Targets.Destination destination = targets.forStamp(rows, target);
        List<Step> steps = new ArrayList<>();
        Set<String> current = new LinkedHashSet<>(rows);
        if (destination.revisions().isEmpty()) {
            @Nullable Set<String> line = destination.label() == null ? null : targets.lineage(destination.label());
            List<String> dropped = rows.stream().filter(row -> line == null || line.contains(row))
                    .sorted((a, b) -> Integer.compare(graph.position(b), graph.position(a))).toList();
            for (String row : dropped) {
                Revision revision = graph.get(row);
                VersionChange change = HeadMaintainer.unstamp(current, revision);
                steps.add(new Step(StepKind.STAMP, revision, change));
                current = change.applyTo(current);
            }
        } else {
            for (String id : graph.maximal(destination.revisions())) {
                Revision revision = graph.get(id);
                VersionChange change = HeadMaintainer.change(current, StepKind.STAMP, revision, graph);
                if (!change.isEmpty()) {
                    steps.add(new Step(StepKind.STAMP, revision, change));
                    current = change.applyTo(current);
                }
            }
        }
        return new Plan(steps, rows, current);
    }

    /**
     * The version rows of a database where exactly the ancestry of the target is applied (the
     * start of an offline range); {@code base} gives none. Targets relative to the current
     * revisions ({@code +1}) are refused; {@code rev+1} is fine.
     */
    public Set<String> rowsAt(String target) {
        return graph.maximal(targets.absolute(target).revisions());
    }

    private Plan run(Set<String> rows, Set<String> applied, List<String> todo, StepKind kind) {
        List<Step> steps = new ArrayList<>(todo.size());
        Set<String> current = new HashSet<>(rows);
        for (String id : todo) {
            Revision revision = graph.get(id);
            VersionChange change = HeadMaintainer.change(current, applied, kind, revision, graph);
            steps.add(new Step(kind, revision, change));
            change.applyInPlace(current);
            if (kind == StepKind.UPGRADE) {
                applied.add(id);
            } else {
                applied.remove(id);
            }
        }
        return new Plan(steps, rows, current);
    }

    private Set<String> knownRows(Set<String> versionRows) {
        // Loops rather than streams: every boot comes here, and a cold JVM pays for each pipeline.
        List<String> unknown = new ArrayList<>();
        for (String row : versionRows) {
            if (!graph.contains(row)) {
                unknown.add(row);
            }
        }
        Collections.sort(unknown);
        if (!unknown.isEmpty()) {
            throw new TargetException("The version table holds " + String.join(", ", unknown)
                    + ", which no script defines; restore the script(s), or stamp with --purge to reset the table");
        }
        List<String> ordered = new ArrayList<>(versionRows);
        ordered.sort(Comparator.comparingInt(graph::position));
        return new LinkedHashSet<>(ordered);
    }

    private Set<String> checkedRows(Set<String> versionRows) {
        Set<String> rows = knownRows(versionRows);
        Set<String> heads = graph.maximal(rows);
        if (heads.size() != rows.size()) {
            Set<String> redundant = new LinkedHashSet<>(rows);
            redundant.removeAll(heads);
            throw new TargetException("The version table holds " + String.join(", ", redundant)
                    + ", already an ancestor of another row (" + String.join(", ", heads)
                    + "); reset it with stamp --purge and the revisions the database really has");
        }
        return rows;
    }
}
