package dev.migrator.autogenerate.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an autogenerate run stopped by its scratch database; ahead of migrator's own analyzer,
 * which would tell it as a failed migration.
 */
final class ScratchDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<ScratchDatabaseUnreachableException>
        implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ScratchDatabaseUnreachableException cause) {
        return new FailureAnalysis("The autogenerate run could not connect to its scratch database "
                + cause.url() + " as user '" + cause.username() + "':\n\n    " + cause.reason(),
                ScratchDatabaseUnreachableException.whatToDo(), cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
