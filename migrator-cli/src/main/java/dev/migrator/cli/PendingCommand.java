package dev.migrator.cli;

import dev.migrator.engine.MigrationStatus;
import dev.migrator.graph.RevisionGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** {@code pending}: what {@code upgrade heads} would apply, in order. */
@picocli.CommandLine.Command(name = "pending", description = "List the revisions upgrade would apply, in order.")
final class PendingCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    /** What {@code pending --json} prints. */
    record Pending(String state, Set<String> current, Set<String> heads, List<RevisionView> pending) {
    }

    @Override
    public Integer call() {
        MigrationStatus status = cli.online(migrator -> migrator.status());
        RevisionGraph graph = cli.catalog().graph();
        Map<String, Set<String>> labels = graph.inheritedLabels();
        List<RevisionView> pending = status.pending().stream().map(revision -> graph.contains(revision.id())
                ? RevisionView.of(graph, labels, revision.id(), status.current())
                : RevisionView.repeatable(cli.catalog().script(revision.id()))).toList();
        if (cli.json()) {
            cli.out().println(Json.write(new Pending(status.state().label(), new TreeSet<>(status.current()),
                    new TreeSet<>(status.heads()), pending)));
        } else {
            pending.forEach(revision -> cli.out().println(revision.historyLine()));
        }
        return 0;
    }
}
