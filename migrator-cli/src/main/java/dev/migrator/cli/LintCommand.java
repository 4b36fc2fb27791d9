package dev.migrator.cli;

import dev.migrator.Migrator;
import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.SqlFamily;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.BadInputException;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.lint.Finding;
import dev.migrator.lint.LintSettings;
import dev.migrator.locks.LockMeasurement;
import dev.migrator.locks.StatementLocks;
import dev.migrator.script.RevisionScript;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lint [-r START:END] [--include-applied] [--severity RULE=LEVEL] [--locks]}: the safety rules over
 * the revisions' upgrade sections. Without a URL it lints every selected revision for {@code --dialect},
 * connecting to nothing; with one it skips the revisions the database already has. {@code --locks}
 * applies the pending revisions to that (scratch) database and reports the locks they really took.
 */
@picocli.CommandLine.Command(name = "lint",
        description = "Check revisions for statements that lock busy tables or break the running release.")
final class LintCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCli cli;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "START:END",
            description = "Only revisions from START to END (either may be empty: base, heads)")
    @Nullable String range;

    @Option(names = "--include-applied", description = "With a URL: also lint revisions the database already has")
    boolean includeApplied;

    @Option(names = "--locks", description = "Apply the pending revisions to the database at --url, which must be a"
            + " scratch copy, and report the locks each statement held on existing tables (PostgreSQL, MariaDB)")
    boolean locks;

    @Option(names = "--severity", split = ",", paramLabel = "RULE=LEVEL",
            description = "Change a rule's severity: error, warning, info or off (repeatable)")
    List<String> severities = List.of();

    @Override
    public Integer call() {
        if (cli.dialect == null && cli.connectionSettings() == null) {
            throw new BadInputException("lint needs the database's dialect: give --dialect (postgresql, mariadb, mysql,"
                    + " h2), or a URL to lint only the revisions it has not applied yet");
        }
        Dialect dialect = cli.offlineDialect();
        ScriptCatalog catalog = cli.catalog();
        Set<String> selected = new HashSet<>(RevisionRange.select(catalog.graph(), range, "lint"));
        if (range == null) { // a range is of the graph; without one, the repeatable revisions are linted too
            catalog.repeatables().forEach(script -> selected.add(script.id()));
        }
        // Read once: what is pending selects the revisions to lint and the ones --locks applies.
        MigrationStatus status = cli.connectionSettings() != null && (!includeApplied || locks)
                ? cli.online(Migrator::status) : null;
        if (status != null && !includeApplied) {
            Set<String> pending = new HashSet<>();
            status.pending().forEach(revision -> pending.add(revision.id()));
            selected.retainAll(pending);
        }
        List<Finding> findings = Migrator.offline(cli.config()).lint(dialect, settings(), selected);
        LintReport report = LintReport.of(dialect.name(), selected.size(), findings,
                locks ? measureLocks(dialect, catalog, selected, status) : null);
        if (cli.json()) {
            cli.out().println(Json.write(report));
        } else {
            report.print(cli.out());
        }
        if (report.errors() > 0 && !cli.json()) {
            cli.err().println("error: lint found " + report.errors() + " error-level finding"
                    + (report.errors() == 1 ? "" : "s"));
        }
        return report.errors() > 0 ? ErrorHandler.DATABASE : 0;
    }

    /**
     * Applies the pending revisions that the selected ones need (all of them without {@code -r}) to the
     * scratch database, measuring, reports the selected ones' statements, and stamps what it applied.
     */
    private List<StatementLocks> measureLocks(Dialect dialect, ScriptCatalog catalog, Set<String> selected,
            @Nullable MigrationStatus status) {
        if (cli.connectionSettings() == null || status == null) {
            throw new BadInputException("lint --locks applies the pending revisions to a scratch database: give its"
                    + " --url (a copy, never the database that serves traffic)");
        }
        if (dialect.family() != SqlFamily.POSTGRESQL && dialect.family() != SqlFamily.MYSQL) {
            throw new BadInputException("lint --locks measures PostgreSQL and MariaDB databases; " + dialect.name()
                    + " gets the static rules");
        }
        RevisionGraph graph = catalog.graph();
        Set<String> needed = graph.ancestors(selected);
        return cli.online((migrator, dataSource) -> {
            List<RevisionScript> toApply = status.pending().stream().filter(revision -> needed.contains(revision.id()))
                    .map(revision -> catalog.script(revision.id())).toList();
            List<StatementLocks> measured = LockMeasurement.on(dataSource).apply(toApply);
            if (!toApply.isEmpty()) {
                Set<String> rows = new HashSet<>(status.current());
                toApply.forEach(script -> rows.add(script.id()));
                migrator.stamp(List.copyOf(graph.maximal(rows)));
            }
            return measured.stream().filter(statement -> selected.contains(statement.revision())).toList();
        });
    }

    private LintSettings settings() {
        try {
            return LintSettings.parse(severities);
        } catch (BadInputException e) {
            throw new BadInputException("--severity: " + e.getMessage(), e);
        }
    }
}
