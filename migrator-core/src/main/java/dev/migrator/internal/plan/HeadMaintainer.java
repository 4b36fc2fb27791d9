package dev.migrator.internal.plan;

import dev.migrator.error.TargetException;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.plan.StepKind;
import dev.migrator.plan.VersionChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The version-table effect of one step, as Alembic's HeadMaintainer computes it: the rows are
 * always the heads of the applied set (applied revisions that no other applied revision needs
 * through a parent or depends-on edge).
 *
 * <ul>
 *   <li>upgrade of a revision whose parents and dependencies hold no row: insert (a new branch);
 *   <li>upgrade replacing one row: update parent to child;
 *   <li>upgrade replacing several rows (a merge, or a dependency that was a row): delete all but
 *       the last, update the last;
 *   <li>downgrade: the reverse; parents and dependencies that no remaining applied revision needs
 *       become rows again (unmerge: insert all but the last, update the last), and a revision
 *       that gives back no row is deleted;
 *   <li>stamp: rows on the stamped revision's line (its ancestors or descendants) are replaced by
 *       it, other rows stay.
 * </ul>
 */
public final class HeadMaintainer {

    private HeadMaintainer() {
    }

    /**
     * The change one step makes to {@code rowsBefore}.
     *
     * @param kind upgrade, downgrade or stamp (stamp to this revision)
     * @throws TargetException when the step cannot run from these rows (a parent not applied,
     *     the revision already applied, a downgrade of a revision another applied one needs)
     */
    public static VersionChange change(Set<String> rowsBefore, StepKind kind, Revision revision, RevisionGraph graph) {
        return switch (kind) {
            case UPGRADE, DOWNGRADE -> change(rowsBefore, graph.ancestors(rowsBefore), kind, revision, graph);
            case STAMP -> stamp(rowsBefore, revision, graph);
        };
    }

    /** Stamping down to base from one row: the row is deleted. */
    public static VersionChange unstamp(Set<String> rowsBefore, Revision row) {
        if (!rowsBefore.contains(row.id())) {
            throw new TargetException("'" + row.id() + "' is not a version row (rows: " + rowsBefore + ")");
        }
        return VersionChange.delete(row.id());
    }

    /** The same as {@link #change(Set, StepKind, Revision, RevisionGraph)} with the applied set known. */
    static VersionChange change(Set<String> rowsBefore, Set<String> applied, StepKind kind, Revision revision,
            RevisionGraph graph) {
        String id = revision.id();
        List<String> predecessors = graph.predecessors(id);
        if (kind == StepKind.UPGRADE) {
            if (applied.contains(id)) {
                throw new TargetException("Cannot upgrade to '" + id + "': it is already applied");
            }
            List<String> replaced = new ArrayList<>();
            for (String predecessor : predecessors) {
                if (!applied.contains(predecessor)) {
                    throw new TargetException("Cannot upgrade to '" + id + "': '" + predecessor
                            + "', which it needs, is not applied");
                }
                if (rowsBefore.contains(predecessor)) {
                    replaced.add(predecessor);
                }
            }
            if (replaced.isEmpty()) {
                return VersionChange.insert(id);
            }
            return new VersionChange(replaced.subList(0, replaced.size() - 1),
                    List.of(new VersionChange.Update(replaced.get(replaced.size() - 1), id)), List.of());
        }
        if (kind == StepKind.DOWNGRADE) {
            if (!rowsBefore.contains(id)) {
                throw new TargetException("Cannot downgrade '" + id + "': "
                        + (applied.contains(id) ? "applied revisions still need it" : "it is not applied"));
            }
            List<String> restored = new ArrayList<>();
            for (String predecessor : predecessors) {
                if (!neededByOther(predecessor, id, applied, graph)) {
                    restored.add(predecessor);
                }
            }
            if (restored.isEmpty()) {
                return VersionChange.delete(id);
            }
            return new VersionChange(List.of(), List.of(new VersionChange.Update(id, restored.get(restored.size() - 1))),
                    restored.subList(0, restored.size() - 1));
        }
        return stamp(rowsBefore, revision, graph);
    }

    private static boolean neededByOther(String predecessor, String leaving, Set<String> applied, RevisionGraph graph) {
        for (String successor : graph.successors(predecessor)) {
            if (!successor.equals(leaving) && applied.contains(successor)) {
                return true;
            }
        }
        return false;
    }

    private static VersionChange stamp(Set<String> rowsBefore, Revision revision, RevisionGraph graph) {
        String id = revision.id();
        if (rowsBefore.contains(id)) {
            return VersionChange.none();
        }
        Set<String> line = new java.util.HashSet<>(graph.ancestors(List.of(id)));
        line.addAll(graph.descendants(List.of(id)));
        List<String> replaced = rowsBefore.stream().filter(line::contains)
                .sorted((a, b) -> Integer.compare(graph.position(a), graph.position(b))).toList();
        if (replaced.isEmpty()) {
            return VersionChange.insert(id);
        }
        return new VersionChange(replaced.subList(0, replaced.size() - 1),
                List.of(new VersionChange.Update(replaced.get(replaced.size() - 1), id)), List.of());
    }
}
