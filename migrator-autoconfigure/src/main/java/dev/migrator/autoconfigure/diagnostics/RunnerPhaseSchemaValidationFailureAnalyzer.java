package dev.migrator.autoconfigure.diagnostics;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Hibernate's {@code ddl-auto=validate} failed while migrator was set to migrate in the runner phase,
 * that is after the EntityManagerFactory had already checked the old schema. Matches the exception
 * by name, so Hibernate stays an optional dependency.
 */
final class RunnerPhaseSchemaValidationFailureAnalyzer implements FailureAnalyzer {

    static final String HIBERNATE_SCHEMA_EXCEPTION = "org.hibernate.tool.schema.spi.SchemaManagementException";

    private final Environment environment;

    RunnerPhaseSchemaValidationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        Throwable schema = find(failure);
        if (schema == null || !runnerPhase()) {
            return null;
        }
        return new FailureAnalysis("Hibernate validated the database schema before migrator migrated it: "
                + schema.getMessage() + ". With migrator.phase=runner, migrations run after the application context "
                + "has started, so the EntityManagerFactory saw the schema as it was before this version.",
                "Set migrator.phase=initialization: migrator then migrates during context refresh, before the "
                        + "EntityManagerFactory is created and validates the schema.", schema);
    }

    private boolean runnerPhase() {
        boolean enabled = environment.getProperty("migrator.enabled", Boolean.class, true);
        String phase = environment.getProperty("migrator.phase", "runner");
        return enabled && "runner".equals(phase.trim().toLowerCase(Locale.ROOT));
    }

    private static @Nullable Throwable find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals(HIBERNATE_SCHEMA_EXCEPTION)) {
                    return t;
                }
            }
        }
        return null;
    }
}
