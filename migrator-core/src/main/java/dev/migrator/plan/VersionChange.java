package dev.migrator.plan;

import java.util.List;

/**
 * The effect of one step on the version table's rows (Alembic's HeadMaintainer): rows
 * deleted, rows whose value changes in place, rows inserted. Applied in that order.
 */
public record VersionChange(List<String> deletes, List<Update> updates, List<String> inserts) {

    public VersionChange {
        deletes = List.copyOf(deletes);
        updates = List.copyOf(updates);
        inserts = List.copyOf(inserts);
    }

    /** One row whose value changes from {@code from} to {@code to}. */
    public record Update(String from, String to) {
    }

    public static VersionChange none() {
        return new VersionChange(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return deletes.isEmpty() && updates.isEmpty() && inserts.isEmpty();
    }
}
