package dev.migrator.cli;

import dev.migrator.lint.Finding;
import dev.migrator.lint.Severity;
import dev.migrator.locks.StatementLocks;
import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code lint} prints: every finding, ignored ones with their reason, and the counts by
 * severity. Ignored findings count in {@code ignored} only.
 */
record LintReport(String dialect, int revisions, int errors, int warnings, int infos, int ignored,
        List<FindingView> findings, @Nullable List<StatementLocks> locks) {

    /** One finding as {@code lint --json} shows it. */
    record FindingView(String revision, String source, int line, String rule, String severity, String message,
            String statement, String recipe, @Nullable String ignoredBecause) {

        static FindingView of(Finding finding) {
            return new FindingView(finding.revision(), finding.source(), finding.line(), finding.rule(),
                    finding.severity().label(), finding.message(), finding.statement(), finding.recipe(),
                    finding.ignoredBecause());
        }
    }

    static LintReport of(String dialect, int revisions, List<Finding> findings,
            @Nullable List<StatementLocks> locks) {
        return new LintReport(dialect, revisions, count(findings, Severity.ERROR), count(findings, Severity.WARNING),
                count(findings, Severity.INFO), (int) findings.stream().filter(Finding::ignored).count(),
                findings.stream().map(FindingView::of).toList(), locks);
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(finding -> !finding.ignored() && finding.severity() == severity).count();
    }

    void print(PrintWriter out) {
        for (FindingView finding : findings) {
            String where = finding.revision() + " " + finding.source() + ":" + finding.line() + ": ";
            if (finding.ignoredBecause() != null) {
                out.println(where + "ignored " + finding.severity() + " [" + finding.rule() + "] " + finding.message()
                        + " (" + finding.ignoredBecause() + ")");
                continue;
            }
            out.println(where + finding.severity() + " [" + finding.rule() + "] " + finding.message());
            out.println("    " + finding.statement());
            out.println("    fix: " + finding.recipe());
        }
        out.println("Linted " + revisions + " revision" + (revisions == 1 ? "" : "s") + " for " + dialect + ": "
                + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + ", " + infos + " info, " + ignored + " ignored");
        if (locks != null) {
            printLocks(out, locks);
        }
    }

    private static void printLocks(PrintWriter out, List<StatementLocks> statements) {
        out.println();
        out.println("Measured locks on tables that existed before (" + statements.size() + " statement"
                + (statements.size() == 1 ? "" : "s") + " applied to the scratch database):");
        for (StatementLocks statement : statements) {
            out.println(statement.revision() + " " + statement.source() + ":" + statement.line() + " ("
                    + statement.durationMillis() + " ms) " + statement.statement());
            if (statement.locks().isEmpty()) {
                out.println("    no lock on a table that existed before");
            }
            for (StatementLocks.RelationLock lock : statement.locks()) {
                out.println("    " + lock.relation() + " " + lock.mode() + ": reads "
                        + (lock.blocksReads() ? "BLOCKED" : "go on") + ", writes "
                        + (lock.blocksWrites() ? "BLOCKED" : "go on"));
            }
        }
    }
}
