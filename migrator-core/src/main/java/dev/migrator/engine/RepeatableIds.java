package dev.migrator.engine;

import dev.migrator.error.GraphException;
import dev.migrator.script.RevisionScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps repeatable revisions apart from the graph: an id names one script, and no revision may
 * name a repeatable one as a parent or dependency (it has no place in the graph to depend on).
 */
final class RepeatableIds {

    private RepeatableIds() {
    }

    static void requireApart(List<RevisionScript> revisions, List<RevisionScript> repeatables) {
        if (repeatables.isEmpty()) {
            return;
        }
        Map<String, RevisionScript> named = new HashMap<>();
        for (RevisionScript revision : revisions) {
            named.putIfAbsent(revision.id(), revision);
            for (String label : revision.branchLabels()) {
                named.putIfAbsent(label, revision);
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, RevisionScript> repeatableById = new HashMap<>();
        for (RevisionScript repeatable : repeatables) {
            RevisionScript other = repeatableById.putIfAbsent(repeatable.id(), repeatable);
            if (other == null) {
                other = named.get(repeatable.id());
            }
            if (other != null) {
                problems.add("id " + repeatable.id() + " is used by " + other.source() + " and by the repeatable revision "
                        + repeatable.source() + "; rename one");
            }
        }
        for (RevisionScript revision : revisions) {
            List<String> references = new ArrayList<>(revision.parents());
            references.addAll(revision.dependsOn());
            for (String reference : references) {
                RevisionScript repeatable = repeatableById.get(reference);
                if (repeatable != null && !named.containsKey(reference)) {
                    problems.add("revision " + revision.id() + " (" + revision.source() + ") names " + reference
                            + ", a repeatable revision (" + repeatable.source() + "), as a parent or dependency;"
                            + " repeatable revisions have no place in the graph and run after every versioned one");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new GraphException(problems);
        }
    }
}
