package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.script.NewScript;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code merge -m MSG REV...|heads}: a revision whose parents are the given revisions. */
@picocli.CommandLine.Command(name = "merge", description = "Write a merge revision of REVs and print its path.")
final class MergeCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Option(names = {"-m", "--message"}, required = true, description = "What the merge is for")
    String message = "";

    @Parameters(arity = "1..*", paramLabel = "REV", description = "Revisions to merge, or heads for every head")
    List<String> revisions = new ArrayList<>();

    @Option(names = "--branch-label", split = ",", paramLabel = "LABEL", description = "Labels for the new revision")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "The new revision's id (default: 12 random hex digits)")
    @Nullable String revId;

    @Override
    public Integer call() {
        RevisionGraph graph = cli.catalog().graph();
        Set<String> parents = new LinkedHashSet<>();
        for (String reference : revisions) {
            parents.addAll(Refs.resolve(graph, reference));
        }
        if (parents.size() < 2) {
            throw new BadInputException("A merge needs two or more revisions; " + String.join(" ", revisions)
                    + " names " + (parents.isEmpty() ? "none" : "only " + parents.iterator().next()));
        }
        for (String parent : parents) {
            for (String other : parents) {
                if (!parent.equals(other) && graph.ancestors(List.of(other)).contains(parent)) {
                    throw new BadInputException("Cannot merge " + parent + " with its descendant " + other
                            + "; merge revisions that are on different branches");
                }
            }
        }
        NewScript script = new NewScript(NewScripts.id(graph, revId), List.copyOf(parents), message, branchLabels,
                List.of());
        cli.out().println(NewScripts.write(cli, graph, script));
        return 0;
    }
}
