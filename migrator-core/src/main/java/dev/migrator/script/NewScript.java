package dev.migrator.script;

import java.util.List;
import java.util.Objects;

/**
 * What {@code migrator revision} and {@code migrator merge} write: a new script's header.
 *
 * @param id the new revision id
 * @param parents the revisions it follows (several for a merge)
 * @param message one-line description
 * @param branchLabels labels for the new revision
 * @param dependsOn revisions or labels it depends on
 */
public record NewScript(String id, List<String> parents, String message, List<String> branchLabels,
        List<String> dependsOn) {

    public NewScript {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        Objects.requireNonNull(message, "message");
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }
}
