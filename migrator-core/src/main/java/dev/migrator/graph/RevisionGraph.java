package dev.migrator.graph;

import dev.migrator.error.GraphException;
import dev.migrator.error.TargetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated revision graph. Edges run from a revision to its parents ({@code down}) and to
 * its dependencies ({@code depends-on}); heads, bases, branch and merge points count parent
 * edges only, as Alembic does, while ancestry follows both. Immutable; every query is
 * iterative (no recursion), so 100,000-deep lines are fine.
 */
public final class RevisionGraph {

    /** Words that mean something as targets and so cannot be labels or ids. */
    public static final Set<String> RESERVED = Set.of("head", "heads", "base");

    private final List<Revision> ordered;
    private final Map<String, Integer> index;
    private final Revision[] byIndex;
    private final int[][] parents;
    private final int[][] dependencies;
    private final int[][] children;
    private final int[][] dependents;
    private final int[] position;
    private final int[] byPosition;
    private final Map<String, String> labels;
    private final TreeMap<String, String> sortedIds;
    private final Set<String> heads;
    private final Set<String> bases;
    private final Set<String> branchPoints;
    private final Set<String> mergePoints;

    /** Called by the validator once the input is known to be sound; edges are indexes into {@code byIndex}. */
    RevisionGraph(Revision[] byIndex, Map<String, Integer> index, int[][] parents, int[][] dependencies,
            Map<String, String> labels, TreeMap<String, String> sortedIds) {
        this.byIndex = byIndex;
        this.index = index;
        this.parents = parents;
        this.dependencies = dependencies;
        this.labels = labels;
        this.sortedIds = sortedIds;
        int n = byIndex.length;
        this.children = invert(parents, n);
        this.dependents = invert(dependencies, n);
        TreeSet<String> headIds = new TreeSet<>();
        TreeSet<String> baseIds = new TreeSet<>();
        TreeSet<String> branchIds = new TreeSet<>();
        TreeSet<String> mergeIds = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            String id = byIndex[i].id();
            if (children[i].length == 0) {
                headIds.add(id);
            }
            if (parents[i].length == 0) {
                baseIds.add(id);
            }
            if (children[i].length > 1) {
                branchIds.add(id);
            }
            if (parents[i].length > 1) {
                mergeIds.add(id);
            }
        }
        this.heads = Collections.unmodifiableSet(new LinkedHashSet<>(headIds));
        this.bases = Collections.unmodifiableSet(new LinkedHashSet<>(baseIds));
        this.branchPoints = Collections.unmodifiableSet(new LinkedHashSet<>(branchIds));
        this.mergePoints = Collections.unmodifiableSet(new LinkedHashSet<>(mergeIds));
        this.position = new int[n];
        this.byPosition = topologicalOrder();
        List<Revision> order = new ArrayList<>(n);
        for (int i : byPosition) {
            position[i] = order.size();
            order.add(byIndex[i]);
        }
        this.ordered = List.copyOf(order);
    }

    /**
     * Validates the revisions and builds the graph.
     *
     * @throws GraphException listing every problem found, each naming revisions and files
     */
    public static RevisionGraph of(Collection<Revision> revisions) {
        return GraphValidator.validate(revisions);
    }

    private static int[][] invert(int[][] edges, int n) {
        int[] counts = new int[n];
        for (int[] targets : edges) {
            for (int t : targets) {
                counts[t]++;
            }
        }
        int[][] inverse = new int[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int from = 0; from < n; from++) {
            for (int t : edges[from]) {
                inverse[t][counts[t]++] = from;
            }
        }
        return inverse;
    }

    /**
     * Post-order of an iterative depth-first walk from each head (sorted by id) through
     * parents (as written) then dependencies: everything a head needs comes before it, and a
     * branch is finished before the next one starts.
     */
    private int[] topologicalOrder() {
        int n = byIndex.length;
        int[] order = new int[n];
        int count = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] cursor = new int[n];
        List<Integer> roots = new ArrayList<>();
        for (String head : heads) {
            roots.add(index.get(head));
        }
        for (int i = 0; i < n; i++) {
            roots.add(i); // nodes not reached from a head cannot exist in a DAG; this is a safety net
        }
        for (int root : roots) {
            if (seen[root]) {
                continue;
            }
            int top = 0;
            stack[top] = root;
            cursor[root] = 0;
            seen[root] = true;
            while (top >= 0) {
                int node = stack[top];
                int next = -1;
                while (cursor[node] < parents[node].length + dependencies[node].length) {
                    int c = cursor[node]++;
                    int candidate = c < parents[node].length ? parents[node][c] : dependencies[node][c - parents[node].length];
                    if (!seen[candidate]) {
                        next = candidate;
                        break;
                    }
                }
                if (next < 0) {
                    order[count++] = node;
                    top--;
                } else {
                    seen[next] = true;
                    cursor[next] = 0;
                    stack[++top] = next;
                }
            }
        }
        return order;
    }

    /** Every revision, parents and dependencies before children; the same order on every run. */
    public List<Revision> revisions() {
        return ordered;
    }

    public int size() {
        return byIndex.length;
    }

    /** The revision with exactly this id. */
    public Revision get(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new TargetException("No revision '" + id + "'");
        }
        return byIndex[i];
    }

    public boolean contains(String id) {
        return index.containsKey(id);
    }

    /** Revisions no revision names as parent (depends-on does not count), sorted by id. */
    public Set<String> heads() {
        return heads;
    }

    /** Revisions without parents, sorted by id. */
    public Set<String> bases() {
        return bases;
    }

    /** Revisions named as parent by two or more revisions, sorted by id. */
    public Set<String> branchPoints() {
        return branchPoints;
    }

    /** Revisions with two or more parents, sorted by id. */
    public Set<String> mergePoints() {
        return mergePoints;
    }

    /** The labelled revision's id for each branch label. */
    public Map<String, String> branchLabels() {
        return Collections.unmodifiableMap(labels);
    }

    /** Parent ids as written, without repeats. */
    public List<String> parents(String id) {
        return ids(parents[indexOf(id)]);
    }

    /** Resolved dependency ids (depends-on with prefixes and labels turned into ids). */
    public List<String> dependencies(String id) {
        return ids(dependencies[indexOf(id)]);
    }

    /** Parents then dependencies, without repeats: every revision that must be applied just before this one. */
    public List<String> predecessors(String id) {
        int i = indexOf(id);
        if (dependencies[i].length == 0) {
            return ids(parents[i]);
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(ids(parents[i]));
        all.addAll(ids(dependencies[i]));
        return List.copyOf(all);
    }

    /** Revisions naming this one as parent, in topological order. */
    public List<String> children(String id) {
        return ids(sortByPosition(children[indexOf(id)]));
    }

    /** Revisions that name this one as parent or dependency. */
    public List<String> successors(String id) {
        int i = indexOf(id);
        LinkedHashSet<String> all = new LinkedHashSet<>(ids(sortByPosition(children[i])));
        all.addAll(ids(sortByPosition(dependents[i])));
        return List.copyOf(all);
    }

    /** Position of the revision in {@link #revisions()}. */
    public int position(String id) {
        return position[indexOf(id)];
    }

    /** The ids themselves and every revision they need, through parents and dependencies. */
    public Set<String> ancestors(Collection<String> ids) {
        return walk(ids, true, true);
    }

    /** The ids themselves and every revision that needs one of them. */
    public Set<String> descendants(Collection<String> ids) {
        return walk(ids, false, true);
    }

    /** Like {@link #ancestors(Collection)} but through parents only. */
    public Set<String> parentAncestors(Collection<String> ids) {
        return walk(ids, true, false);
    }

    /** Like {@link #descendants(Collection)} but through parent edges only. */
    public Set<String> parentDescendants(Collection<String> ids) {
        return walk(ids, false, false);
    }

    /** The members of {@code ids} that are no ancestor of another member (the version rows of their ancestry). */
    public Set<String> maximal(Collection<String> ids) {
        Set<String> members = new LinkedHashSet<>(ids);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        boolean[] below = new boolean[byIndex.length];
        for (String id : members) {
            int i = indexOf(id);
            for (int p : parents[i]) {
                queue.add(p);
            }
            for (int d : dependencies[i]) {
                queue.add(d);
            }
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            if (below[i]) {
                continue;
            }
            below[i] = true;
            for (int p : parents[i]) {
                queue.add(p);
            }
            for (int d : dependencies[i]) {
                queue.add(d);
            }
        }
        Set<String> result = new LinkedHashSet<>();
        int[] nodes = new int[members.size()];
        int k = 0;
        for (String member : members) {
            nodes[k++] = indexOf(member);
        }
        for (int i : sortByPosition(nodes)) {
            if (!below[i]) {
                result.add(byIndex[i].id());
            }
        }
        return result;
    }

    private Set<String> walk(Collection<String> ids, boolean up, boolean withDependencies) {
        boolean[] seen = new boolean[byIndex.length];
        int[] stack = new int[byIndex.length];
        int top = -1;
        for (String id : ids) {
            int i = indexOf(id);
            if (!seen[i]) {
                seen[i] = true;
                stack[++top] = i;
            }
        }
        int[][] first = up ? parents : children;
        int[][] second = up ? dependencies : dependents;
        while (top >= 0) {
            int i = stack[top--];
            for (int j : first[i]) {
                if (!seen[j]) {
                    seen[j] = true;
                    stack[++top] = j;
                }
            }
            if (withDependencies) {
                for (int j : second[i]) {
                    if (!seen[j]) {
                        seen[j] = true;
                        stack[++top] = j;
                    }
                }
            }
        }
        Set<String> result = new LinkedHashSet<>();
        for (int p = 0; p < byPosition.length; p++) {
            if (seen[byPosition[p]]) {
                result.add(byIndex[byPosition[p]].id());
            }
        }
        return result;
    }

    /**
     * A full id, a branch label (the labelled revision) or a unique id prefix, in that order.
     *
     * @throws TargetException for an unknown reference or an ambiguous prefix, listing the candidates
     */
    public String resolve(String idPrefixOrLabel) {
        if (index.containsKey(idPrefixOrLabel)) {
            return idPrefixOrLabel;
        }
        String labelled = labels.get(idPrefixOrLabel);
        if (labelled != null) {
            return labelled;
        }
        List<String> candidates = prefixMatches(sortedIds, idPrefixOrLabel);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new TargetException("No revision, unique id prefix or branch label '" + idPrefixOrLabel + "'");
        }
        throw new TargetException("'" + idPrefixOrLabel + "' is an ambiguous id prefix; it matches "
                + String.join(", ", candidates) + "; give more digits");
    }

    /** Ids starting with {@code prefix}, sorted; at most 20. */
    static List<String> prefixMatches(TreeMap<String, String> sortedIds, String prefix) {
        List<String> matches = new ArrayList<>();
        if (prefix.isEmpty()) {
            return matches;
        }
        for (String id : sortedIds.tailMap(prefix, true).keySet()) {
            if (!id.startsWith(prefix) || matches.size() == 20) {
                break;
            }
            matches.add(id);
        }
        return matches;
    }

    private int indexOf(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new TargetException("No revision '" + id + "'");
        }
        return i;
    }

    private int[] sortByPosition(int[] nodes) {
        // Positions are unique: sort them as plain ints and map them back.
        int[] positions = new int[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            positions[k] = position[nodes[k]];
        }
        java.util.Arrays.sort(positions);
        int[] sorted = new int[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            sorted[k] = byPosition[positions[k]];
        }
        return sorted;
    }

    private List<String> ids(int[] nodes) {
        List<String> result = new ArrayList<>(nodes.length);
        for (int i : nodes) {
            result.add(byIndex[i].id());
        }
        return Collections.unmodifiableList(result);
    }

    @Override
    public String toString() {
        return "RevisionGraph[" + byIndex.length + " revisions, heads " + heads + "]";
    }
}
