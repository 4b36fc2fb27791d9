package dev.migrator.cli;

import dev.migrator.engine.ScriptCatalog;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.script.RevisionScript;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code show REV}: one revision in full. */
@picocli.CommandLine.Command(name = "show", description = "Show one revision: parents, children, labels, file.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Parameters(paramLabel = "REV", description = "a revision id, unique prefix, label, head or label@head")
    String reference = "";

    /** What {@code show --json} prints. */
    record Shown(RevisionView revision, List<String> children, boolean transactional, boolean reversible,
            String checksum) {
    }

    @Override
    public Integer call() {
        ScriptCatalog catalog = cli.catalog();
        RevisionGraph graph = catalog.graph();
        RevisionScript repeatable = catalog.repeatables().stream().filter(r -> r.id().equals(reference)).findFirst()
                .orElse(null);
        String id = repeatable != null ? repeatable.id() : Refs.single(graph, Refs.resolve(graph, reference), reference);
        RevisionScript script = catalog.script(id);
        Shown shown = new Shown(repeatable != null ? RevisionView.repeatable(repeatable) : RevisionView.of(graph, id, null),
                repeatable != null ? List.of() : graph.children(id), script.transactional(), script.reversible(),
                script.checksum());
        if (cli.json()) {
            cli.out().println(Json.write(shown));
            return 0;
        }
        RevisionView view = shown.revision();
        PrintWriter out = cli.out();
        out.println("Rev: " + view.title());
        if (view.repeatable()) {
            out.println("Repeatable: runs after the versioned revisions of an upgrade whenever its checksum changed");
        } else {
            out.println("Parent: " + (view.parents().isEmpty() ? "<base>" : String.join(", ", view.parents())));
        }
        if (!view.branchLabels().isEmpty()) {
            out.println("Branch names: " + String.join(", ", view.branchLabels()));
        }
        if (!view.dependsOn().isEmpty()) {
            out.println("Depends on: " + String.join(", ", view.dependsOn()));
        }
        if (!shown.children().isEmpty()) {
            out.println("Children: " + String.join(", ", shown.children()));
        }
        if (script.java() != null) {
            out.println("Java: " + script.java().className() + " (java-version " + script.java().version()
                    + "; runs online over JDBC only)");
        }
        out.println("Transactional: " + shown.transactional());
        out.println("Reversible: " + shown.reversible());
        out.println("Checksum: " + shown.checksum());
        out.println("Path: " + view.path());
        out.println();
        out.println("    " + view.message());
        return 0;
    }
}
