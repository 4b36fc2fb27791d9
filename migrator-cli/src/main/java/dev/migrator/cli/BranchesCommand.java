package dev.migrator.cli;

import dev.migrator.graph.RevisionGraph;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** {@code branches}: every branch point and the revisions that branch off it. */
@picocli.CommandLine.Command(name = "branches", description = "Show the branch points of the scripts.")
final class BranchesCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    /** A branch point and its children. */
    record Branch(RevisionView revision, List<RevisionView> children) {
    }

    @Override
    public Integer call() {
        RevisionGraph graph = cli.catalog().graph();
        Map<String, Set<String>> labels = graph.inheritedLabels();
        List<Branch> branches = graph.branchPoints().stream()
                .map(id -> new Branch(RevisionView.of(graph, labels, id, null),
                        graph.children(id).stream().map(child -> RevisionView.of(graph, labels, child, null)).toList()))
                .toList();
        if (cli.json()) {
            cli.out().println(Json.write(Map.of("branches", branches)));
            return 0;
        }
        for (Branch branch : branches) {
            RevisionView point = branch.revision();
            cli.out().println(point.title() + (point.message().isEmpty() ? "" : ", " + point.message()));
            for (RevisionView child : branch.children()) {
                cli.out().println("    -> " + child.title() + (child.message().isEmpty() ? "" : ", " + child.message()));
            }
        }
        return 0;
    }
}
