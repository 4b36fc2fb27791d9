package dev.migrator.cli;

import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
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
        Set<String> selected = RevisionRange.select(graph, range, "history");
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
}
