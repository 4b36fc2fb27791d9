package dev.migrator.internal.plan;

import dev.migrator.error.TargetException;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepKind;
import dev.migrator.plan.VersionChange;
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
     * A target qualified with a branch label ({@code label@-1}, {@code label@base},
     * {@code label@rev}) moves that branch only, as Alembic does: what stands above the target on
     * the branch is un-applied with everything that needs it, and other branches stay.
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
        String label = destination.label();
        if (label == null) {
            return downgradeTo(rows, applied, destination.revisions(), target);
        }
        Set<String> kept = new LinkedHashSet<>(applied);
        kept.removeAll(target.equals(label + "@base") ? graph.descendants(targets.ownRevisions(label))
                : aboveOnBranch(destination.revisions(), label));
        return downgradeTo(rows, applied, graph.maximal(kept), target);
    }

    /**
     * Alembic's label-qualified downgrade: the revisions just above the target (its children, or
     * the bases when a walk such as {@code label@-3} reached base), kept to the label's branch
     * where there are several, and everything that descends from them through parents or depends-on.
     */
    private Set<String> aboveOnBranch(Set<String> target, String label) {
        Set<String> roots = new LinkedHashSet<>();
        if (target.isEmpty()) {
            roots.addAll(graph.bases());
        }
        for (String id : target) {
            roots.addAll(graph.children(id));
        }
        if (roots.size() > 1) {
            roots.retainAll(targets.lineage(label));
        }
        return graph.descendants(roots);
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
        Collections.reverse(todo);
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
     * Alembic's stamp: changes the version rows only. Rows on the line of a target revision (its
     * ancestors or descendants) are replaced by it, other rows stay; {@code base} deletes every
     * row, {@code label@base} the rows that share the label's lineage (depends-on included).
     * Several targets are stamped together, as {@code alembic stamp REV1 REV2} does.
     *
     * @param purge start from no rows: the engine empties the table first, whatever it holds
     *     (revisions no script defines, a row that is an ancestor of another); the plan's rowsBefore is then empty
     */
    public Plan stamp(Set<String> versionRows, List<String> targetList, boolean purge) {
        if (targetList.isEmpty()) {
            throw new TargetException("stamp needs a target: a revision, heads, base, a label or label@base");
        }
        Set<String> rows = purge ? new LinkedHashSet<>() : checkedRows(versionRows);
        List<Step> steps = new ArrayList<>();
        Set<String> current = new LinkedHashSet<>(rows);
        Set<String> stamped = new LinkedHashSet<>();
        for (String target : targetList) {
            Targets.Destination destination = targets.forStamp(rows, target);
            if (destination.revisions().isEmpty()) {
                current = unstamp(steps, current, destination.label());
            }
            stamped.addAll(destination.revisions());
        }
        for (String id : graph.maximal(stamped)) {
            Revision revision = graph.get(id);
            VersionChange change = HeadMaintainer.change(current, StepKind.STAMP, revision, graph);
            if (!change.isEmpty()) {
                steps.add(new Step(StepKind.STAMP, revision, change));
                current = change.applyTo(current);
            }
        }
        return new Plan(steps, rows, current, purge);
    }

    /** A stamp to one target. */
    public Plan stamp(Set<String> versionRows, String target, boolean purge) {
        return stamp(versionRows, List.of(target), purge);
    }

    /** Stamp {@code base}: a step deleting each row, or with a label each row sharing the label's lineage. */
    private Set<String> unstamp(List<Step> steps, Set<String> rows, @Nullable String label) {
        Set<String> line = new HashSet<>(rows);
        if (label != null) {
            List<String> labelled = List.of(graph.resolve(label));
            Set<String> lineage = new HashSet<>(graph.ancestors(labelled));
            lineage.addAll(graph.descendants(labelled));
            line.retainAll(lineage);
        }
        Set<String> current = rows;
        for (String row : line.stream()
                .sorted((a, b) -> Integer.compare(graph.position(b), graph.position(a))).toList()) {
            VersionChange change = HeadMaintainer.unstamp(current, graph.get(row));
            steps.add(new Step(StepKind.STAMP, graph.get(row), change));
            current = change.applyTo(current);
        }
        return current;
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
                    + ", which no script defines; restore the script(s), or reset the table to the revisions the"
                    + " database really has with `migrator stamp --purge REV...`");
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
            throw new TargetException("The version table holds " + String.join(", ", rows) + ", where "
                    + String.join(", ", redundant) + (redundant.size() == 1 ? " is" : " are")
                    + " already an ancestor of " + String.join(", ", heads) + ", so it cannot be right (edited by"
                    + " hand, or left by an older migrator's stamp --purge). If the database has applied "
                    + String.join(", ", heads) + ", repair it with `migrator stamp --purge " + String.join(" ", heads)
                    + "`; nothing was changed");
        }
        return rows;
    }
}
