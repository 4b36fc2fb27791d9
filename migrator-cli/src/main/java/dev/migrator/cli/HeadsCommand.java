package dev.migrator.cli;

import dev.migrator.graph.RevisionGraph;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** {@code heads}: the heads of the scripts, with their branch labels. */
@picocli.CommandLine.Command(name = "heads", description = "Show the heads of the scripts.")
final class HeadsCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Override
    public Integer call() {
        RevisionGraph graph = cli.catalog().graph();
        Map<String, Set<String>> labels = graph.inheritedLabels();
        List<RevisionView> heads = graph.heads().stream().map(id -> RevisionView.of(graph, labels, id, null)).toList();
        if (cli.json()) {
            cli.out().println(Json.write(Map.of("heads", heads)));
        } else {
            heads.forEach(head -> cli.out().println(head.title()));
        }
        return 0;
    }
}
