package dev.migrator.script;

import dev.migrator.graph.Revision;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parsed revision script: its header, its two sections and where it came from.
 *
 * @param id the revision id
 * @param parents the {@code down} revisions; empty for a base, two or more for a merge
 * @param branchLabels labels naming this revision
 * @param dependsOn revisions or labels applied first without being parents
 * @param message one-line description
 * @param transactional whether the revision runs inside a transaction
 * @param upgrade the upgrade section
 * @param downgrade the downgrade section, or null for an irreversible revision
 * @param checksum SHA-256 (lower-case hex) of the upgrade section
 * @param source the file or classpath resource, for messages
 * @param repeatable a repeatable revision ({@code -- migrator:repeatable true}): no place in the graph, run again
 *     after the versioned steps of an upgrade whenever its checksum changed (docs/script-format.md)
 * @param placeholders whether {@code ${name}} in the sections is replaced ({@code -- migrator:placeholders})
 * @param java the class of a Java revision, whose sections hold no SQL; null for a SQL revision
 */
public record RevisionScript(String id, List<String> parents, List<String> branchLabels, List<String> dependsOn,
        String message, boolean transactional, Section upgrade, @Nullable Section downgrade, String checksum,
        String source, boolean repeatable, boolean placeholders, @Nullable JavaReference java) {

    public RevisionScript {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(upgrade, "upgrade");
    }

    /** A SQL revision. */
    public RevisionScript(String id, List<String> parents, List<String> branchLabels, List<String> dependsOn,
            String message, boolean transactional, Section upgrade, @Nullable Section downgrade, String checksum,
            String source, boolean repeatable, boolean placeholders) {
        this(id, parents, branchLabels, dependsOn, message, transactional, upgrade, downgrade, checksum, source,
                repeatable, placeholders, null);
    }

    /** A versioned revision (a node of the graph) whose placeholders are replaced. */
    public RevisionScript(String id, List<String> parents, List<String> branchLabels, List<String> dependsOn,
            String message, boolean transactional, Section upgrade, @Nullable Section downgrade, String checksum,
            String source) {
        this(id, parents, branchLabels, dependsOn, message, transactional, upgrade, downgrade, checksum, source, false, true);
    }

    public boolean reversible() {
        return downgrade != null;
    }

    /** The node this script contributes to the revision graph. */
    public Revision toRevision() {
        return new Revision(id, parents, branchLabels, dependsOn, message, reversible(), source,
                java == null ? null : java.className());
    }
}
