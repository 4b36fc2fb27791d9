package dev.migrator.cli;

import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.script.RevisionScript;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A revision as the inspection commands show it: in Alembic's one-line form for people,
 * as this record in JSON for machines.
 *
 * @param revision the id
 * @param parents the down revisions; empty for a base
 * @param dependsOn resolved depends-on ids
 * @param branchLabels labels declared by this revision
 * @param branches the labels whose branch it is on, as Alembic shows them (inherited from the
 *     labelled revisions it descends from)
 * @param message the message
 * @param path the script
 * @param head no revision names it as parent
 * @param effectiveHead a head that another revision names in its depends-on (Alembic's "effective head")
 * @param branchPoint two or more revisions name it as parent
 * @param mergePoint it has two or more parents
 * @param current whether the database is at it; null where the database was not asked
 * @param repeatable a repeatable revision (no place in the graph); it shows in {@code pending} when changed
 * @param java the class of a Java revision; null for a SQL revision
 */
record RevisionView(String revision, List<String> parents, List<String> dependsOn, List<String> branchLabels,
        List<String> branches, String message, String path, boolean head, boolean effectiveHead, boolean branchPoint,
        boolean mergePoint, @Nullable Boolean current, boolean repeatable, @Nullable String java) {

    /** A repeatable revision, which has nothing of the graph's: {@code pending} lists it when it changed. */
    static RevisionView repeatable(RevisionScript script) {
        return new RevisionView(script.id(), List.of(), List.of(), List.of(), List.of(), script.message(),
                script.source(), false, false, false, false, null, true, null);
    }

    static RevisionView of(RevisionGraph graph, String id, @Nullable Set<String> current) {
        return of(graph, graph.inheritedLabels(), id, current);
    }

    /**
     * @param inheritedLabels {@link RevisionGraph#inheritedLabels()}, computed once by the caller
     */
    static RevisionView of(RevisionGraph graph, Map<String, Set<String>> inheritedLabels, String id,
            @Nullable Set<String> current) {
        Revision revision = graph.get(id);
        boolean head = graph.heads().contains(id);
        return new RevisionView(id, revision.parents(), graph.dependencies(id), revision.branchLabels(),
                List.copyOf(inheritedLabels.getOrDefault(id, Set.of())), revision.message(), revision.source(), head,
                head && graph.isDependedOn(id), graph.branchPoints().contains(id), graph.mergePoints().contains(id),
                current == null ? null : current.contains(id), false, revision.javaClass());
    }

    /** {@code id (labels) (head) (branchpoint) (mergepoint)}, plus {@code (current)} where known, as Alembic prints it. */
    String title() {
        StringBuilder out = new StringBuilder(revision);
        if (repeatable) {
            return out.append(" (repeatable)").toString();
        }
        if (!branches.isEmpty()) {
            out.append(" (").append(String.join(", ", branches)).append(')');
        }
        out.append(effectiveHead ? " (effective head)" : head ? " (head)" : "")
                .append(branchPoint ? " (branchpoint)" : "")
                .append(mergePoint ? " (mergepoint)" : "");
        if (Boolean.TRUE.equals(current)) {
            out.append(" (current)");
        }
        if (java != null) {
            out.append(" (java)");
        }
        return out.toString();
    }

    /** Alembic's history line: {@code parents (dependencies) -> id (head), message}. */
    String historyLine() {
        if (repeatable) {
            return revision + " (repeatable, changed)" + (message.isEmpty() ? "" : ", " + message);
        }
        return (parents.isEmpty() ? "<base>" : String.join(", ", parents))
                + (dependsOn.isEmpty() ? "" : " (" + String.join(", ", dependsOn) + ")") + " -> " + title()
                + (message.isEmpty() ? "" : ", " + message);
    }
}
