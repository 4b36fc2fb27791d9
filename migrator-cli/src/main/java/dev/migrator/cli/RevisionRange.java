package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.plan.TargetRange;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@code -r START:END} option of {@code history} and {@code lint}: the revisions between two targets. */
final class RevisionRange {

    private RevisionRange() {
    }

    /** The revisions from START to END (either may be empty: base, heads); every revision for null. */
    static Set<String> select(RevisionGraph graph, @Nullable String range, String command) {
        if (range == null) {
            return graph.ancestors(graph.heads());
        }
        if (!range.contains(":")) {
            throw new BadInputException(command + " -r takes START:END (e.g. base:heads, 1a2b:, :3f2a); got '"
                    + range + "'");
        }
        String start = range.substring(0, range.indexOf(':')).strip();
        String end = range.substring(range.indexOf(':') + 1).strip();
        TargetRange parsed = new TargetRange(start.isEmpty() ? "base" : start, end.isEmpty() ? "heads" : end);
        if ("base".equals(parsed.end())) {
            return Set.of();
        }
        Set<String> selected = new HashSet<>(graph.ancestors(Refs.resolve(graph, parsed.end())));
        if (!"base".equals(parsed.start())) {
            selected.retainAll(graph.descendants(Refs.resolve(graph, parsed.start())));
        }
        return selected;
    }
}
