package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.plan.TargetRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code history [-r START:END] [-i]}: the scripts' revisions, newest first, as Alembic lists them. */
@picocli.CommandLine.Command(name = "history", description = "List the revisions of the scripts, newest first.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "START:END",
            description = "Only revisions from START to END (either may be empty: base, heads)")
    @Nullable String range;

    @Option(names = {"-i", "--indicate-current"}, description = "Mark the database's current revisions (connects)")
    boolean indicateCurrent;

    @Override
    public Integer call() {
        RevisionGraph graph = cli.catalog().graph();
        Set<String> selected = select(graph);
        @Nullable Set<String> current = indicateCurrent ? cli.online(migrator -> migrator.current()) : null;
        List<RevisionView> revisions = new ArrayList<>();
        Map<String, Set<String>> labels = graph.inheritedLabels();
        for (Revision revision : graph.revisions()) {
            if (selected.contains(revision.id())) {
                revisions.add(RevisionView.of(graph, labels, revision.id(), current));
            }
        }
        Collections.reverse(revisions);
        if (cli.json()) {
            cli.out().println(Json.write(Map.of("revisions", revisions)));
        } else {
            revisions.forEach(revision -> cli.out().println(revision.historyLine()));
        }
        return 0;
    }

    private Set<String> select(RevisionGraph graph) {
        if (range == null) {
            return graph.ancestors(graph.heads());
        }
        if (!range.contains(":")) {
            throw new BadInputException("history -r takes START:END (e.g. base:heads, 1a2b:, :3f2a); got '" + range + "'");
        }
        String start = range.substring(0, range.indexOf(':')).strip();
        String end = range.substring(range.indexOf(':') + 1).strip();
        TargetRange parsed = new TargetRange(start.isEmpty() ? "base" : start, end.isEmpty() ? "heads" : end);
        if ("base".equals(parsed.end())) {
            return Set.of();
        }
        Set<String> selected = new java.util.HashSet<>(graph.ancestors(Refs.resolve(graph, parsed.end())));
        if (!"base".equals(parsed.start())) {
            selected.retainAll(graph.descendants(Refs.resolve(graph, parsed.start())));
        }
        return selected;
    }
}
