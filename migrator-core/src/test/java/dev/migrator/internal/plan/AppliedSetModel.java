package dev.migrator.internal.plan;

import dev.migrator.graph.Revision;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The version rows docs/targets.md promises, written from the revisions as listed and
 * independently of {@code RevisionGraph}, {@code HeadMaintainer} and the planner: an applied set
 * is closed under "needs" (parents and depends-on), and the rows are its maximal elements, the
 * applied revisions no other applied revision needs. Plain walks: an oracle should be obviously right.
 */
final class AppliedSetModel {

    private final Map<String, Set<String>> needs = new HashMap<>();
    private final Map<String, List<String>> parents = new HashMap<>();

    AppliedSetModel(List<Revision> revisions) {
        for (Revision revision : revisions) {
            parents.put(revision.id(), revision.parents());
            Set<String> direct = new HashSet<>(revision.parents());
            direct.addAll(revision.dependsOn());
            needs.put(revision.id(), direct);
        }
    }

    Set<String> all() {
        return new TreeSet<>(needs.keySet());
    }

    List<String> parents(String id) {
        return parents.get(id);
    }

    /** The revisions naming {@code id} as a parent (not those that only depend on it). */
    List<String> children(String id) {
        return parents.keySet().stream().sorted().filter(other -> parents.get(other).contains(id)).toList();
    }

    /** The revisions and everything they need, transitively: the applied set they make. */
    Set<String> closure(Collection<String> ids) {
        Set<String> applied = new TreeSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (applied.add(id)) {
                todo.addAll(needs.get(id));
            }
        }
        return applied;
    }

    /** The version rows of an applied set: the applied revisions no other applied revision needs. */
    Set<String> rows(Set<String> applied) {
        Set<String> rows = new TreeSet<>(applied);
        for (String id : applied) {
            rows.removeAll(needs.get(id));
        }
        return rows;
    }

    /** The revisions that need one of {@code ids}, transitively, {@code ids} included. */
    Set<String> dependants(Collection<String> ids) {
        Set<String> found = new TreeSet<>(ids);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> entry : needs.entrySet()) {
                if (!found.contains(entry.getKey()) && entry.getValue().stream().anyMatch(found::contains)) {
                    found.add(entry.getKey());
                    grew = true;
                }
            }
        }
        return found;
    }

    /** A label's branch: the labelled revision with its ancestors and descendants through parents only. */
    Set<String> branch(String labelled) {
        Set<String> branch = new TreeSet<>();
        ArrayDeque<String> down = new ArrayDeque<>(List.of(labelled));
        while (!down.isEmpty()) {
            String id = down.pop();
            if (branch.add(id)) {
                down.addAll(parents.get(id));
            }
        }
        ArrayDeque<String> up = new ArrayDeque<>(children(labelled));
        while (!up.isEmpty()) {
            String id = up.pop();
            if (branch.add(id)) {
                up.addAll(children(id));
            }
        }
        return branch;
    }

    Set<String> needsOf(String id) {
        return needs.get(id);
    }
}
