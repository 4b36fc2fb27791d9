package dev.migrator.cli;

import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.BadInputException;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.script.NewScript;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptParser;
import dev.migrator.script.ScriptWriter;
import java.nio.file.Path;
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

    @Option(names = "--rev-id", paramLabel = "ID",
            description = "The new revision's id (default: 12 random hex digits; r_<message> for --repeatable)")
    @Nullable String revId;

    @Option(names = "--repeatable", description = "A repeatable revision: no parents, run after the versioned"
            + " revisions of an upgrade whenever it changes (views, functions)")
    boolean repeatable;

    @Option(names = "--java", paramLabel = "CLASS", description = "A Java revision: the script names CLASS (a"
            + " dev.migrator.java.JavaRevision), which runs online over JDBC; its checksum is its java-version")
    @Nullable String javaClass;

    @Override
    public Integer call() {
        if (repeatable && javaClass != null) {
            throw new BadInputException("--repeatable and --java do not go together: a Java revision is versioned");
        }
        if (repeatable) {
            cli.out().println(writeRepeatable());
            return 0;
        }
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
        cli.out().println(NewScripts.write(cli, graph, script, javaClass));
        return 0;
    }

    /** A repeatable revision has no place in the graph: nothing to build on, only its id to keep unique. */
    private Path writeRepeatable() {
        if (head != null || !branchLabels.isEmpty() || !dependsOn.isEmpty()) {
            throw new BadInputException("--repeatable takes no --head, --branch-label or --depends-on: a repeatable"
                    + " revision has no place in the graph (it runs after the versioned revisions of an upgrade)");
        }
        String id = revId != null ? revId : ScriptWriter.repeatableId(message);
        if (!ScriptParser.isRevisionId(id)) {
            throw new BadInputException("--rev-id '" + id + "' is not a revision id: use 1 to 64 letters, digits or"
                    + " underscores");
        }
        ScriptWriter writer = new ScriptWriter();
        Path folder = cli.writeFolder();
        ScriptCatalog catalog = cli.catalog();
        List<RevisionScript> scripts = new ArrayList<>(catalog.scripts());
        scripts.addAll(catalog.repeatables());
        scripts.add(ScriptParser.parse(writer.renderRepeatable(id, message), folder.resolve(id + ".sql").toString()));
        ScriptCatalog.of(scripts); // an id already used fails here, naming both files
        return writer.writeRepeatable(folder, id, message);
    }
}
