package dev.migrator.graph;

import dev.migrator.error.GraphException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Finds every problem of a set of revisions at once, so a user fixes them in one go. */
final class GraphValidator {

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Revision> byId = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final TreeMap<String, String> sortedIds = new TreeMap<>();
    private final Map<String, String> labels = new HashMap<>();

    private int[][] parentEdges = new int[0][];
    private int[][] dependencyEdges = new int[0][];

    private GraphValidator() {
    }

    static RevisionGraph validate(Collection<Revision> revisions) {
        GraphValidator validator = new GraphValidator();
        List<Revision> unique = validator.checkIds(revisions);
        validator.checkLabels(unique);
        validator.checkParents(unique);
        Map<String, List<String>> dependencies = validator.resolveDependencies(unique);
        validator.checkCycles(unique, dependencies);
        if (!validator.problems.isEmpty()) {
            throw new GraphException(validator.problems);
        }
        return new RevisionGraph(unique.toArray(new Revision[0]), validator.index, validator.parentEdges,
                validator.dependencyEdges, validator.labels, validator.sortedIds);
    }

    private static String at(Revision revision) {
        return "'" + revision.id() + "' (" + revision.source() + ")";
    }

    private List<Revision> checkIds(Collection<Revision> revisions) {
        List<Revision> unique = new ArrayList<>(revisions.size());
        Map<String, List<Revision>> duplicates = new LinkedHashMap<>();
        for (Revision revision : revisions) {
            Revision first = byId.putIfAbsent(revision.id(), revision);
            if (first != null) {
                duplicates.computeIfAbsent(revision.id(), k -> new ArrayList<>(List.of(first))).add(revision);
                continue;
            }
            if (RevisionGraph.RESERVED.contains(revision.id())) {
                problems.add("revision id " + at(revision) + " is a reserved word (head, heads, base); choose another id");
            }
            unique.add(revision);
            index.put(revision.id(), unique.size() - 1);
            sortedIds.put(revision.id(), revision.id());
        }
        duplicates.forEach((id, same) -> problems.add("duplicate revision id '" + id + "' in "
                + String.join(", ", same.stream().map(Revision::source).toList()) + vendorFoldersHint(same)));
        return unique;
    }

    /** The built-in dialects' names, which {@code {vendor}} folders are named after. */
    private static final Set<String> VENDOR_FOLDERS = Set.of("postgresql", "mariadb", "mysql", "h2");

    /**
     * Copies of one revision in folders named after databases come from a location that reads
     * them all (its subfolders are read too), where {@code {vendor}} would read one.
     */
    private static String vendorFoldersHint(List<Revision> same) {
        Set<String> folders = new TreeSet<>();
        for (Revision revision : same) {
            String[] parts = revision.source().split("[/\\\\]");
            String folder = parts.length < 2 ? "" : parts[parts.length - 2];
            if (!VENDOR_FOLDERS.contains(folder)) {
                return "";
            }
            folders.add(folder);
        }
        return folders.size() < 2 ? "" : " (the copies are in the " + String.join(", ", folders) + " folders, one per "
                + "database, read together: a location reads every folder below it, so end the location with "
                + "{vendor}, as in classpath:db/migrations/{vendor}, to read only the database's own)";
    }

    private void checkLabels(List<Revision> revisions) {
        Map<String, List<Revision>> declared = new LinkedHashMap<>();
        for (Revision revision : revisions) {
            if (revision.branchLabels().isEmpty()) {
                continue;
            }
            for (String label : new LinkedHashSet<>(revision.branchLabels())) {
                declared.computeIfAbsent(label, k -> new ArrayList<>()).add(revision);
            }
        }
        for (Map.Entry<String, List<Revision>> entry : declared.entrySet()) {
            String label = entry.getKey();
            List<Revision> owners = entry.getValue();
            if (owners.size() > 1) {
                problems.add("branch label '" + label + "' is declared by " + owners.size() + " revisions: "
                        + String.join(", ", owners.stream().map(GraphValidator::at).toList())
                        + "; a label must be unique");
            }
            if (RevisionGraph.RESERVED.contains(label)) {
                problems.add("branch label '" + label + "' of " + at(owners.get(0))
                        + " is a reserved word (head, heads, base)");
            }
            Revision sameId = byId.get(label);
            if (sameId != null) {
                problems.add("branch label '" + label + "' of " + at(owners.get(0)) + " equals the id of revision "
                        + at(sameId));
            }
            labels.put(label, owners.get(0).id());
        }
    }

    private void checkParents(List<Revision> revisions) {
        for (Revision revision : revisions) {
            for (String parent : revision.parents()) {
                if (parent.equals(revision.id())) {
                    problems.add("revision " + at(revision) + " names itself as a parent (down)");
                } else if (!byId.containsKey(parent)) {
                    problems.add("revision " + at(revision) + " names parent '" + parent
                            + "', which does not exist");
                }
            }
        }
    }

    private Map<String, List<String>> resolveDependencies(List<Revision> revisions) {
        Map<String, List<String>> resolved = new HashMap<>();
        for (Revision revision : revisions) {
            List<String> ids = new ArrayList<>();
            for (String reference : revision.dependsOn()) {
                String id = resolveReference(revision, reference);
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
            if (!ids.isEmpty()) {
                resolved.put(revision.id(), List.copyOf(ids));
            }
        }
        return resolved;
    }

    private @org.jspecify.annotations.Nullable String resolveReference(Revision revision, String reference) {
        String id;
        if (byId.containsKey(reference)) {
            id = reference;
        } else if (labels.containsKey(reference)) {
            id = labels.get(reference);
        } else {
            List<String> matches = RevisionGraph.prefixMatches(sortedIds, reference);
            if (matches.isEmpty()) {
                problems.add("revision " + at(revision) + " depends on '" + reference
                        + "', which is no revision id, unique id prefix or branch label");
                return null;
            }
            if (matches.size() > 1) {
                problems.add("revision " + at(revision) + " depends on '" + reference
                        + "', an ambiguous id prefix of " + String.join(", ", matches));
                return null;
            }
            id = matches.get(0);
        }
        if (id.equals(revision.id())) {
            problems.add("revision " + at(revision) + " depends on itself ('" + reference + "')");
            return null;
        }
        return id;
    }

    /** Indexes of the ids that exist, other than {@code self}, without repeats. */
    private int[] known(List<String> ids, int self) {
        int[] result = new int[ids.size()];
        int count = 0;
        for (String id : ids) {
            Integer i = index.get(id);
            if (i != null && i != self && !contains(result, count, i)) {
                result[count++] = i;
            }
        }
        return count == result.length ? result : Arrays.copyOf(result, count);
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int k = 0; k < count; k++) {
            if (values[k] == value) {
                return true;
            }
        }
        return false;
    }

    /** Tarjan's strongly connected components, iteratively; each component with 2+ members holds a cycle. */
    private void checkCycles(List<Revision> revisions, Map<String, List<String>> dependencies) {
        int n = revisions.size();
        parentEdges = new int[n][];
        dependencyEdges = new int[n][];
        int[][] edges = new int[n][];
        for (int i = 0; i < n; i++) {
            Revision revision = revisions.get(i);
            parentEdges[i] = known(revision.parents(), i);
            dependencyEdges[i] = known(dependencies.getOrDefault(revision.id(), List.of()), i);
            if (dependencyEdges[i].length == 0) {
                edges[i] = parentEdges[i];
            } else {
                edges[i] = Arrays.copyOf(parentEdges[i], parentEdges[i].length + dependencyEdges[i].length);
                System.arraycopy(dependencyEdges[i], 0, edges[i], parentEdges[i].length, dependencyEdges[i].length);
            }
        }
        int[] order = new int[n];
        int[] low = new int[n];
        Arrays.fill(order, -1);
        boolean[] onStack = new boolean[n];
        int[] cursor = new int[n];
        ArrayDeque<Integer> sccStack = new ArrayDeque<>();
        int[] callStack = new int[n];
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            int top = 0;
            callStack[0] = root;
            order[root] = low[root] = counter++;
            sccStack.push(root);
            onStack[root] = true;
            while (top >= 0) {
                int node = callStack[top];
                if (cursor[node] < edges[node].length) {
                    int next = edges[node][cursor[node]++];
                    if (order[next] < 0) {
                        order[next] = low[next] = counter++;
                        sccStack.push(next);
                        onStack[next] = true;
                        callStack[++top] = next;
                    } else if (onStack[next]) {
                        low[node] = Math.min(low[node], order[next]);
                    }
                    continue;
                }
                top--;
                if (top >= 0) {
                    low[callStack[top]] = Math.min(low[callStack[top]], low[node]);
                }
                if (low[node] == order[node]) {
                    List<Integer> component = new ArrayList<>();
                    int member;
                    do {
                        member = sccStack.pop();
                        onStack[member] = false;
                        component.add(member);
                    } while (member != node);
                    if (component.size() > 1) {
                        reportCycle(revisions, edges, component);
                    }
                }
            }
        }
    }

    /** Names one cycle through the component's first revision (by id), found breadth-first. */
    private void reportCycle(List<Revision> revisions, int[][] edges, List<Integer> component) {
        boolean[] inComponent = new boolean[revisions.size()];
        component.forEach(i -> inComponent[i] = true);
        int start = component.stream().min((a, b) -> revisions.get(a).id().compareTo(revisions.get(b).id())).orElseThrow();
        Map<Integer, Integer> previous = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        int last = -1;
        while (!queue.isEmpty() && last < 0) {
            int node = queue.poll();
            for (int next : edges[node]) {
                if (next == start) {
                    last = node;
                    break;
                }
                if (inComponent[next] && !previous.containsKey(next)) {
                    previous.put(next, node);
                    queue.add(next);
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (int node = last; node != start; node = previous.get(node)) {
            path.add(0, revisions.get(node).id());
        }
        path.add(0, revisions.get(start).id());
        path.add(revisions.get(start).id());
        List<String> files = component.stream().map(i -> revisions.get(i)).sorted((a, b) -> a.id().compareTo(b.id()))
                .limit(20).map(r -> r.id() + " in " + r.source()).toList();
        String more = component.size() > path.size() - 1 ? " (" + component.size() + " revisions are on cycles together)" : "";
        if (path.size() > 25) {
            int hidden = path.size() - 22;
            List<String> shortened = new ArrayList<>(path.subList(0, 20));
            shortened.add("(" + hidden + " more)");
            shortened.addAll(path.subList(path.size() - 2, path.size()));
            path = shortened;
        }
        problems.add("cycle: " + String.join(" -> ", path) + more + "; files: " + String.join(", ", files));
    }
}
