package dev.migrator.autoconfigure.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.autoconfigure.PendingMigrationsException;
import dev.migrator.error.GraphException;
import dev.migrator.error.LockTimeoutException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.error.TargetException;
import dev.migrator.graph.Revision;
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
