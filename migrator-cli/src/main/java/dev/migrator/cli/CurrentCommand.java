package dev.migrator.cli;

import dev.migrator.engine.ScriptCatalog;
import dev.migrator.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ParentCommand;

/** {@code current}: the database's version rows, marked as Alembic marks them. */
@picocli.CommandLine.Command(name = "current", description = "Show the database's current revisions.")
final class CurrentCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    /** One version row; {@code known} is false for a revision none of the scripts defines. */
    record Row(String revision, boolean known, boolean head, List<String> branchLabels, @Nullable String message) {
    }

    @Override
    public Integer call() {
        Set<String> current = cli.online(migrator -> migrator.current());
        Set<String> rows = new TreeSet<>(current);
        ScriptCatalog catalog = cli.catalog();
        RevisionGraph graph = catalog.graph();
        List<Row> result = new ArrayList<>();
        for (String row : rows) {
            if (graph.contains(row)) {
                var revision = graph.get(row);
                result.add(new Row(row, true, graph.heads().contains(row), revision.branchLabels(), revision.message()));
            } else {
                result.add(new Row(row, false, false, List.of(), null));
            }
        }
        if (cli.json()) {
            cli.out().println(Json.write(java.util.Map.of("current", result)));
            return 0;
        }
        for (Row row : result) {
            cli.out().println(row.known() ? RevisionView.of(graph, row.revision(), null).title()
                    : row.revision() + " (not in the scripts)");
        }
        return 0;
    }
}
