package dev.migrator;

import dev.migrator.engine.RunResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Migrator#upgradeSchemas} did, schema by schema, in the order the schemas were given:
 * the runs that succeeded and the failures, one schema's failure leaving the others to run.
 *
 * @param upgraded each schema that reached the target, with its run
 * @param failed each schema whose run failed, with why (a {@link dev.migrator.error.MigratorException}
 *     for what migrator refused or the database said)
 * @param durationMillis the wall time of all of them
 */
public record SchemaRuns(Map<String, RunResult> upgraded, Map<String, RuntimeException> failed, long durationMillis) {

    public SchemaRuns {
        upgraded = Collections.unmodifiableMap(new LinkedHashMap<>(upgraded));
        failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }

    /** Whether every schema reached the target. */
    public boolean allUpgraded() {
        return failed.isEmpty();
    }
}
