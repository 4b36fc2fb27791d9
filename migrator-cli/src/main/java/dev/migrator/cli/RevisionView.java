package dev.migrator.cli;

import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A revision as the inspection commands show it: in Alembic's one-line form for people,
 * as this record in JSON for machines.
 *
 * @param revision the id
 * @param parents the down revisions; empty for a base
 * @param dependsOn resolved depends-on ids
 * @param branchLabels labels on this revision
 * @param message the message
 * @param path the script
 * @param head no revision names it as parent
 * @param branchPoint two or more revisions name it as parent
 * @param mergePoint it has two or more parents
 * @param current whether the database is at it; null where the database was not asked
 */
record RevisionView(String revision, List<String> parents, List<String> dependsOn, List<String> branchLabels,
        String message, String path, boolean head, boolean branchPoint, boolean mergePoint, @Nullable Boolean current) {

    static RevisionView of(RevisionGraph graph, String id, @Nullable Set<String> current) {
        Revision revision = graph.get(id);
        return new RevisionView(id, revision.parents(), graph.dependencies(id), revision.branchLabels(),
                revision.message(), revision.source(), graph.heads().contains(id), graph.branchPoints().contains(id),
                graph.mergePoints().contains(id), current == null ? null : current.contains(id));
    }

    /** {@code id (label) (head) (branchpoint) (mergepoint)}, plus {@code (current)} where known. */
    String title() {
        StringBuilder out = new StringBuilder(revision);
        if (!branchLabels.isEmpty()) {
            out.append(" (").append(String.join(", ", branchLabels)).append(')');
        }
        out.append(head ? " (head)" : "").append(branchPoint ? " (branchpoint)" : "")
                .append(mergePoint ? " (mergepoint)" : "");
        if (Boolean.TRUE.equals(current)) {
            out.append(" (current)");
        }
        return out.toString();
    }

    /** Alembic's history line: {@code parents -> id (head), message}. */
    String historyLine() {
        return (parents.isEmpty() ? "<base>" : String.join(", ", parents)) + " -> " + title()
                + (message.isEmpty() ? "" : ", " + message);
    }
}
