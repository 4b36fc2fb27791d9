package dev.migrator.autoconfigure.diagnostics;

import dev.migrator.autoconfigure.MigratorConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configuration migrator refused before anything ran: the exception carries both halves of the analysis. */
final class MigratorConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MigratorConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigratorConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
