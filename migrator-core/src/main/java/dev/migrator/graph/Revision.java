package dev.migrator.graph;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One node of the revision graph: what the graph needs to know of a revision script.
 *
 * @param id the revision id, {@code [A-Za-z0-9_]{1,64}}
 * @param parents the {@code down} revisions, in the order written; empty for a base
 * @param branchLabels labels naming this revision (and the branch it starts)
 * @param dependsOn revision ids, unique prefixes or labels that must be applied first
 * @param message one-line description
 * @param reversible whether the script has a downgrade section
 * @param source where the revision was read from (file or resource), for error messages
 * @param javaClass the class of a Java revision ({@code -- migrator:java}); null for a SQL revision
 */
public record Revision(String id, List<String> parents, List<String> branchLabels, List<String> dependsOn,
        String message, boolean reversible, String source, @Nullable String javaClass) {

    public Revision {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }

    /** A SQL revision. */
    public Revision(String id, List<String> parents, List<String> branchLabels, List<String> dependsOn,
            String message, boolean reversible, String source) {
        this(id, parents, branchLabels, dependsOn, message, reversible, source, null);
    }

    /** A revision with only parents, as tests and tools build them. */
    public static Revision of(String id, String... parents) {
        return new Revision(id, List.of(parents), List.of(), List.of(), "", true, id);
    }

    public boolean isBase() {
        return parents.isEmpty();
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }
}
