package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import dev.migrator.engine.RunResult;
import dev.migrator.error.BadInputException;
import dev.migrator.lint.Finding;
import dev.migrator.lint.LintSettings;
import dev.migrator.lint.Severity;
import java.util.List;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * {@code migrator.lint.*}: before a startup upgrade, the pending revisions are linted; findings are
 * logged, and those at or above {@code fail-on} stop the boot before anything is applied.
 */
final class StartupLint {

    private static final Log LOG = LogFactory.getLog(StartupLint.class);

    private final MigratorProperties.Lint properties;

    StartupLint(MigratorProperties.Lint properties) {
        this.properties = properties;
    }

    /** Upgrades to {@code target}, linting first when enabled: one read of the scripts and the state for both. */
    RunResult upgrade(Migrator migrator, String target) {
        return properties.isEnabled() ? migrator.upgrade(target, settings(), this::check) : migrator.upgrade(target);
    }

    private void check(List<Finding> findings) {
        for (Finding finding : findings) {
            log(finding);
        }
        Severity threshold = threshold(properties.getFailOn());
        if (threshold == null) {
            return;
        }
        List<Finding> failing = findings.stream().filter(finding -> finding.counts(threshold)).toList();
        if (!failing.isEmpty()) {
            throw new UnsafeMigrationsException(properties.getFailOn().name().toLowerCase(Locale.ROOT), failing);
        }
    }

    private LintSettings settings() {
        List<String> entries = properties.getSeverity().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
        try {
            return LintSettings.parse(entries);
        } catch (BadInputException e) {
            throw new MigratorConfigurationException("migrator.lint.severity: " + e.getMessage(),
                    "Set each migrator.lint.severity.<rule> to error, warning, info or off for a rule that `migrator lint --json` names.");
        }
    }

    private static void log(Finding finding) {
        String line = "Lint: " + UnsafeMigrationsException.describe(finding) + "; fix: " + finding.recipe();
        if (finding.ignored()) {
            LOG.debug("Lint (ignored: " + finding.ignoredBecause() + "): " + UnsafeMigrationsException.describe(finding));
        } else if (finding.severity() == Severity.INFO) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
    }

    private static @Nullable Severity threshold(MigratorProperties.FailOn failOn) {
        return switch (failOn) {
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case NEVER -> null;
        };
    }
}
