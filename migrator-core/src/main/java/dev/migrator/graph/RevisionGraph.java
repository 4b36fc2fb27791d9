package dev.migrator.graph;

import dev.migrator.error.GraphException;
import dev.migrator.error.TargetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
     * Kahn's algorithm: of the revisions whose parents and dependencies have all been placed,
     * the one whose id comes first in {@link RevisionIdOrder} goes next. Projects with
     * timestamp ids rely on that order between siblings (one may use what an older sibling
     * created without declaring it), and it does not depend on the order the scripts were read in.
     */
    private int[] topologicalOrder() {
        int n = byIndex.length;
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, (x, y) -> RevisionIdOrder.INSTANCE.compare(byIndex[x].id(), byIndex[y].id()));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[byId[r]] = r;
        }
        int[] waiting = new int[n]; // predecessors not placed yet
        for (int i = 0; i < n; i++) {
            for (int next : successorsOf(i)) {
                waiting[next]++;
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Math.max(1, n),
                (x, y) -> Integer.compare(rank[x], rank[y]));
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int node = ready.poll();
            order[count++] = node;
            for (int next : successorsOf(node)) {
                if (--waiting[next] == 0) {
                    ready.add(next);
                }
            }
        }
        if (count != n) {
            throw new IllegalStateException("cycle in a validated graph"); // the validator rejects cycles first
        }
        return order;
    }

    /** Children and dependents of a node, each once (a revision may name one both as parent and dependency). */
    private int[] successorsOf(int node) {
        int[] through = children[node];
        int[] also = dependents[node];
        if (also.length == 0) {
            return through;
        }
        LinkedHashSet<Integer> all = new LinkedHashSet<>();
        for (int c : through) {
            all.add(c);
        }
        for (int d : also) {
            all.add(d);
        }
        int[] result = new int[all.size()];
        int k = 0;
        for (int v : all) {
            result[k++] = v;
        }
        return result;
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

    /**
     * The branch labels each revision carries as Alembic shows them: the labels of every
     * revision it descends from through parents, and a label also goes down from its revision
     * through ancestors until a branch point or a merge point. Revisions with none are absent.
     * Computed on each call, for the inspection commands only.
     */
    public Map<String, Set<String>> inheritedLabels() {
        Map<String, Set<String>> result = new java.util.HashMap<>();
        labels.forEach((label, labelled) -> {
            for (String id : parentDescendants(List.of(labelled))) {
                result.computeIfAbsent(id, k -> new TreeSet<>()).add(label);
            }
            int at = indexOf(labelled);
            while (successorsOf(at).length < 2 && parents[at].length < 2) {
                result.computeIfAbsent(byIndex[at].id(), k -> new TreeSet<>()).add(label);
                if (parents[at].length == 0) {
                    break;
                }
                at = parents[at][0];
            }
        });
        return result;
    }

    /** Whether another revision names this one in its depends-on (a head so needed is Alembic's "effective head"). */
    public boolean isDependedOn(String id) {
        return dependents[indexOf(id)].length > 0;
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
        Arrays.sort(positions);
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
