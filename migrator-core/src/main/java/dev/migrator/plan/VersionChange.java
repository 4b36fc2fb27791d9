package dev.migrator.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    public static VersionChange insert(String row) {
        return new VersionChange(List.of(), List.of(), List.of(row));
    }

    public static VersionChange delete(String row) {
        return new VersionChange(List.of(row), List.of(), List.of());
    }

    public static VersionChange update(String from, String to) {
        return new VersionChange(List.of(), List.of(new Update(from, to)), List.of());
    }

    /**
     * The rows after this change: deletes, then updates in place, then inserts.
     *
     * @throws IllegalArgumentException when a row to delete or update is absent or an insert is present,
     *     as the database would match no row or break the primary key
     */
    public Set<String> applyTo(Set<String> rows) {
        Set<String> result = new LinkedHashSet<>(rows);
        for (String row : deletes) {
            if (!result.remove(row)) {
                throw new IllegalArgumentException("No version row '" + row + "' to delete in " + rows);
            }
        }
        for (Update update : updates) {
            if (!result.contains(update.from()) || (!update.from().equals(update.to()) && result.contains(update.to()))) {
                throw new IllegalArgumentException("Cannot update version row '" + update.from() + "' to '"
                        + update.to() + "' in " + result);
            }
            Set<String> replaced = new LinkedHashSet<>();
            for (String row : result) {
                replaced.add(row.equals(update.from()) ? update.to() : row);
            }
            result = replaced;
        }
        for (String row : inserts) {
            if (!result.add(row)) {
                throw new IllegalArgumentException("Version row '" + row + "' already present in " + result);
            }
        }
        return result;
    }

    /** Like {@link #applyTo(Set)}, changing {@code rows} itself (order not kept): the planner's fast path. */
    public void applyInPlace(Set<String> rows) {
        for (String row : deletes) {
            if (!rows.remove(row)) {
                throw new IllegalArgumentException("No version row '" + row + "' to delete in " + rows);
            }
        }
        for (Update update : updates) {
            if (!rows.remove(update.from()) || !rows.add(update.to())) {
                throw new IllegalArgumentException("Cannot update version row '" + update.from() + "' to '"
                        + update.to() + "' in " + rows);
            }
        }
        for (String row : inserts) {
            if (!rows.add(row)) {
                throw new IllegalArgumentException("Version row '" + row + "' already present in " + rows);
            }
        }
    }

    public boolean isEmpty() {
        return deletes.isEmpty() && updates.isEmpty() && inserts.isEmpty();
    }
}
