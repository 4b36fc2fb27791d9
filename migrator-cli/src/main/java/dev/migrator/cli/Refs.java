package dev.migrator.cli;

import dev.migrator.error.TargetException;
import dev.migrator.graph.RevisionGraph;
import java.util.List;
import java.util.Set;

/**
 * Revision references of the commands that only read scripts ({@code history -r}, {@code show},
 * {@code revision --head}, {@code merge}): an id, unique prefix or label, {@code heads}, {@code head}
 * and {@code label@head}. Targets relative to the database stay the engine's.
 */
final class Refs {

    private Refs() {
    }

    static Set<String> resolve(RevisionGraph graph, String reference) {
        if ("heads".equals(reference)) {
            return graph.heads();
        }
        if ("head".equals(reference)) {
            return Set.of(single(graph, graph.heads(), "head"));
        }
        if (reference.endsWith("@head")) {
            String label = reference.substring(0, reference.length() - "@head".length());
            Set<String> heads = new java.util.TreeSet<>(graph.parentDescendants(List.of(graph.resolve(label))));
            heads.retainAll(graph.heads());
            return Set.of(single(graph, heads, reference));
        }
        return Set.of(graph.resolve(reference));
    }

    static String single(RevisionGraph graph, Set<String> heads, String reference) {
        if (heads.size() == 1) {
            return heads.iterator().next();
        }
        if (heads.isEmpty()) {
            throw new TargetException("'" + reference + "' names no revision: there are no scripts yet");
        }
        throw new TargetException("'" + reference + "' is ambiguous: the scripts have " + heads.size() + " heads ("
                + String.join(", ", heads) + "); name one of them, or merge them with `migrator merge -m MSG heads`");
    }
}
