package dev.migrator.cli;

import dev.migrator.engine.MigrationStatus;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.lint.Finding;
import dev.migrator.lint.LintSettings;
import dev.migrator.lint.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code check [--single-head]}: exit 0 when the database is exactly at the scripts' heads, else 1
 * with every reason: pending revisions (and their error-level lint findings), revisions the
 * scripts lack, edited applied revisions, a version table that cannot be right. Several heads
 * are reported (projects keep several on purpose) and fail only with {@code --single-head}.
 * What a CI pipeline calls.
 */
@picocli.CommandLine.Command(name = "check",
        description = "Exit 1 unless the database is at the heads and unedited; several heads fail with --single-head.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Option(names = "--single-head", description = "Also fail when the scripts have more than one head")
    boolean singleHead;

    /** A drifted revision and its file. */
    record Drifted(String revision, String path) {
    }

    /** What {@code check --json} prints. */
    record Report(boolean ok, String state, Set<String> current, Set<String> heads, List<String> pending,
            List<String> unknown, List<Drifted> drifted, List<String> unlabelledHeads,
            List<LintReport.FindingView> lint, List<String> problems, List<String> notes) {
    }

    @Override
    public Integer call() {
        MigrationStatus status = cli.online(migrator -> migrator.status());
        RevisionGraph graph = cli.catalog().graph();
        List<String> problems = new ArrayList<>();
        List<String> pending = status.pending().stream().map(Revision::id).toList();
        if (!pending.isEmpty()) {
            problems.add(pending.size() + " revision(s) pending: " + String.join(", ", pending.stream()
                    .map(id -> graph.contains(id) ? id : id + " (repeatable, changed)").toList())
                    + " (run `migrator upgrade`)");
        }
        List<String> unknown = status.unknown().stream().sorted().toList();
        if (!unknown.isEmpty()) {
            problems.add("the database is at " + String.join(", ", unknown) + ", which no script defines (check"
                    + " --locations, or update this checkout)");
        }
        List<Drifted> drifted = cli.config().validateChecksums()
                ? status.drifted().stream().map(r -> new Drifted(r.id(), r.source())).toList() : List.of();
        if (!drifted.isEmpty()) {
            problems.add("applied revision(s) edited since they ran: " + String.join(", ",
                    drifted.stream().map(d -> d.revision() + " (" + d.path() + ")").toList())
                    + " (restore them, or accept the edit with `migrator stamp`)");
        }
        if (!status.redundant().isEmpty()) {
            Set<String> tips = new TreeSet<>(status.current());
            tips.removeAll(status.redundant());
            tips.removeAll(status.unknown());
            problems.add("the version table holds " + String.join(", ", new TreeSet<>(status.current()))
                    + ", where a row is an ancestor of another, so it cannot be right (repair it with"
                    + " `migrator stamp --purge " + String.join(" ", tips) + "` if the database has applied "
                    + String.join(", ", tips) + ")");
        }
        List<String> unlabelled = unlabelledHeads(graph);
        List<String> notes = new ArrayList<>();
        if (graph.heads().size() > 1) {
            String heads = "the scripts have " + graph.heads().size() + " heads (" + String.join(", ", graph.heads())
                    + ")" + (unlabelled.isEmpty() ? "" : ", " + String.join(", ", unlabelled)
                    + " on no branch label of its own");
            if (singleHead) {
                problems.add(heads + ": merge them (`migrator merge -m MSG heads`)");
            } else {
                notes.add(heads + "; --single-head fails on that");
            }
        }
        List<Finding> lint = pending.isEmpty() ? List.of()
                : cli.online(migrator -> migrator.lintPending(LintSettings.defaults()));
        long lintErrors = lint.stream().filter(finding -> finding.counts(Severity.ERROR)).count();
        if (lintErrors > 0) {
            problems.add(lintErrors + " error-level lint finding(s) in the pending revisions (see `migrator lint`)");
        }
        boolean ok = problems.isEmpty();
        if (cli.json()) {
            cli.out().println(Json.write(new Report(ok, status.state().label(), new TreeSet<>(status.current()),
                    new TreeSet<>(status.heads()), pending, unknown, drifted, unlabelled,
                    lint.stream().map(LintReport.FindingView::of).toList(), problems, notes)));
        } else if (ok) {
            cli.out().println("OK: the database is at the heads (" + String.join(", ", graph.heads()) + ")");
            notes.forEach(note -> cli.out().println("note: " + note));
        }
        if (!ok && !cli.json()) {
            cli.err().println("error: check failed: " + String.join("; ", problems));
        }
        return ok ? 0 : ErrorHandler.DATABASE;
    }

    /**
     * Heads that only an accident explains: with several heads, each intended branch carries a
     * label (on the head or an ancestor) that no other head's ancestry has; Alembic asks the same
     * before it writes a revision without {@code --head}.
     */
    static List<String> unlabelledHeads(RevisionGraph graph) {
        if (graph.heads().size() < 2) {
            return List.of();
        }
        List<String> unlabelled = new ArrayList<>();
        for (String head : graph.heads()) {
            Set<String> own = labels(graph, head);
            for (String other : graph.heads()) {
                if (!other.equals(head)) {
                    own.removeAll(labels(graph, other));
                }
            }
            if (own.isEmpty()) {
                unlabelled.add(head);
            }
        }
        return unlabelled;
    }

    private static Set<String> labels(RevisionGraph graph, String head) {
        Set<String> labels = new HashSet<>();
        for (String id : graph.parentAncestors(List.of(head))) {
            labels.addAll(graph.get(id).branchLabels());
        }
        return labels;
    }
}
