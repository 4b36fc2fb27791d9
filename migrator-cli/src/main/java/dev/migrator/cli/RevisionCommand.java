package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.script.NewScript;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code revision -m MSG}: a new script on top of the scripts' head (or {@code --head}). */
@picocli.CommandLine.Command(name = "revision", description = "Write a new revision script and print its path.")
final class RevisionCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Option(names = {"-m", "--message"}, required = true, description = "What the revision does")
    String message = "";

    @Option(names = "--head", paramLabel = "REV",
            description = "The parent: a revision, label, label@head, or base for a new base (default: the only head)")
    @Nullable String head;

    @Option(names = "--branch-label", split = ",", paramLabel = "LABEL", description = "Labels for the new revision")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--depends-on", split = ",", paramLabel = "REV",
            description = "Revisions or labels to apply first, without being parents")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "The new revision's id (default: 12 random hex digits)")
    @Nullable String revId;

    @Override
    public Integer call() {
        RevisionGraph graph = cli.catalog().graph();
        List<String> parents;
        if ("base".equals(head)) {
            parents = List.of();
        } else if (head != null) {
            parents = List.of(Refs.single(graph, Refs.resolve(graph, head), head));
        } else if (graph.heads().size() > 1) {
            throw new BadInputException("The scripts have " + graph.heads().size() + " heads ("
                    + String.join(", ", graph.heads()) + "): say which to build on with --head, or merge them first"
                    + " with `migrator merge -m MSG heads`");
        } else {
            parents = List.copyOf(graph.heads());
        }
        NewScript script = new NewScript(NewScripts.id(graph, revId), parents, message, branchLabels,
                NewScripts.dependsOn(graph, dependsOn));
        cli.out().println(NewScripts.write(cli, graph, script));
        return 0;
    }
}
