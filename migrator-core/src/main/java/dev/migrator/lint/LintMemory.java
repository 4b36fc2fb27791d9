package dev.migrator.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What earlier revisions of one lint run established that later ones may rely on: which columns a
 * validated {@code CHECK (col IS NOT NULL)} covers, so that {@code SET NOT NULL} needs no scan there
 * (PostgreSQL 12 and later).
 */
final class LintMemory {

    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> provenNotNull = new HashSet<>();

    void notNullCheck(String constraint, String table, String column, boolean valid) {
        String key = table + "." + column;
        notNullChecks.put(constraint, key);
        if (valid) {
            provenNotNull.add(key);
        }
    }

    void validated(String constraint) {
        String key = notNullChecks.get(constraint);
        if (key != null) {
            provenNotNull.add(key);
        }
    }

    boolean provenNotNull(String table, String column) {
        return provenNotNull.contains(table + "." + column);
    }
}
