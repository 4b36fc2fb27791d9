package dev.migrator.autoconfigure.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.autoconfigure.PendingMigrationsException;
import dev.migrator.autoconfigure.UnsafeMigrationsException;
import dev.migrator.error.GraphException;
import dev.migrator.error.LockTimeoutException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.error.MigratorException;
import dev.migrator.error.TargetException;
import dev.migrator.graph.Revision;
import dev.migrator.lint.Finding;
import dev.migrator.lint.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** What each kind of migrator failure tells the person starting the service. */
class MigratorFailureAnalyzerTests {

    private final MigratorFailureAnalyzer analyzer = new MigratorFailureAnalyzer();

    @Test
    void aFailedStatementNamesFileLineAndRevisionAndHowToStartWithoutMigrating() {
        FailureAnalysis analysis = analyzer.analyze(wrapped(new MigrationFailedException("3f2a", "db/x.sql", 12,
                "upgrade of revision 3f2a failed at db/x.sql:12: syntax error", new RuntimeException())));
        assertThat(analysis.getDescription()).contains("db/x.sql:12: syntax error");
        assertThat(analysis.getAction()).contains("db/x.sql:12", "revision 3f2a", "migrator.on-startup=none");
    }

    @Test
    void aLockTimeoutPointsAtTheOtherInstanceAndTheTimeout() {
        FailureAnalysis analysis = analyzer.analyze(wrapped(new LockTimeoutException("waited 5 minutes")));
        assertThat(analysis.getAction()).contains("Another instance", "migrator.lock-timeout");
    }

    @Test
    void badScriptsAndTargetsSayWhereToLook() {
        assertThat(analyzer.analyze(wrapped(new GraphException(List.of("duplicate id a in a.sql and b.sql"))))
                .getAction()).contains("migrator.locations");
        assertThat(analyzer.analyze(wrapped(new TargetException("no revision x"))).getAction())
                .contains("migrator.target");
    }

    @Test
    void otherFailuresAreLeftToOtherAnalyzers() {
        assertThat(analyzer.analyze(new IllegalStateException("not ours"))).isNull();
    }

    @Test
    void everyStartupRefusalIsAMigratorExceptionAndPendingOnesAreLeftToTheirOwnAnalyzer() {
        PendingMigrationsException pending = new PendingMigrationsException("heads", Set.of(), List.of(
                new Revision("b2", List.of(), List.of(), List.of(), "add tags", true, "db/b2.sql")));
        assertThat(pending).isInstanceOf(MigratorException.class);
        assertThat(analyzer.analyze(wrapped(pending))).isNull();
    }

    @Test
    void unsafeRevisionsAtStartupPointToTheRecipesAndTheSwitches() {
        UnsafeMigrationsException unsafe = new UnsafeMigrationsException("error", List.of(new Finding("b2", "db/b2.sql", 3,
                "require-concurrent-index-creation", Severity.ERROR, "CREATE INDEX blocks writes", "use CONCURRENTLY",
                "CREATE INDEX i ON t (c)", null)));
        FailureAnalysis analysis = analyzer.analyze(wrapped(unsafe));
        assertThat(analysis.getDescription()).contains("[require-concurrent-index-creation] db/b2.sql:3 (revision b2)");
        assertThat(analysis.getAction()).contains("docs/safety.md", "migrator:lint-ignore", "migrator.lint.fail-on");
    }

    @Test
    void pendingRevisionsAreListedWithMessageAndFile() {
        PendingMigrationsException pending = new PendingMigrationsException("heads", Set.of("a1"), List.of(
                new Revision("b2", List.of("a1"), List.of(), List.of(), "add tags", true, "db/b2.sql")));
        FailureAnalysis analysis = new PendingMigrationsFailureAnalyzer().analyze(wrapped(pending));
        assertThat(analysis.getDescription()).contains("It is at a1", "1 revision(s) are pending", "b2  add tags  (db/b2.sql)");
        assertThat(analysis.getAction()).contains("upgrade heads", "upgrade --sql");
    }

    private static Throwable wrapped(Throwable cause) {
        return new BeanCreationException("migratorMigrationInitializer", "init failed", cause);
    }
}
