package dev.migrator.flyway;

import dev.migrator.dialect.Dialect;
import dev.migrator.error.BadInputException;
import dev.migrator.error.DatabaseException;
import dev.migrator.session.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a {@code flyway_schema_history} table, read with plain SQL, and what they mean for
 * a takeover: which imported revision the database is at, or why it cannot be taken over.
 *
 * @param where the table, as the messages name it ({@code public.flyway_schema_history})
 * @param rows its rows in {@code installed_rank} order
 */
public record FlywayHistory(String where, List<Row> rows) {

    /**
     * One row of Flyway's history.
     *
     * @param installedRank the order Flyway applied it in
     * @param version the version; null for a repeatable migration
     * @param description Flyway's description
     * @param type {@code SQL}, {@code JDBC}, {@code BASELINE}, {@code UNDO_SQL}, {@code DELETE}, {@code SCHEMA}, ...
     * @param script the file (or class) Flyway ran
     * @param checksum Flyway's checksum of the script ({@link FlywayChecksum}); null for baseline rows
     * @param success false for a migration that failed part-way (kept on databases without transactional DDL)
     */
    public record Row(int installedRank, @Nullable String version, String description, String type, String script,
            @Nullable Integer checksum, boolean success) {
    }

    /**
     * Where the database is.
     *
     * @param target the imported revision to stamp, or null when Flyway applied no versioned migration
     * @param topVersion the newest version Flyway applied (or baselined), or null
     * @param notes what the takeover leaves aside: applied versions no script has
     */
    public record Decision(@Nullable String target, @Nullable FlywayVersion topVersion, List<String> notes) {

        public Decision {
            notes = List.copyOf(notes);
        }
    }

    public FlywayHistory {
        rows = List.copyOf(rows);
    }

    /**
     * Reads the table, or returns empty when it does not exist.
     *
     * @param defaultSchema the schema to look in when the table's own is not given
     */
    public static Optional<FlywayHistory> read(Session session, FlywayHistoryTable table, String defaultSchema) {
        Dialect dialect = session.dialect();
        String schema = table.schema() != null ? table.schema() : defaultSchema;
        if (session.query(dialect.existingTablesQuery(schema, List.of(table.table()))).isEmpty()) {
            return Optional.empty();
        }
        String sql = "SELECT " + String.join(", ", quoted(dialect, "installed_rank", "version", "description", "type",
                "script", "checksum", "success")) + " FROM " + dialect.quoteIdentifier(schema) + "."
                + dialect.quoteIdentifier(table.table()) + " ORDER BY " + dialect.quoteIdentifier("installed_rank");
        List<Row> rows = new ArrayList<>();
        for (List<@Nullable Object> row : session.query(sql)) {
            rows.add(new Row(((Number) java.util.Objects.requireNonNull(row.get(0))).intValue(),
                    row.get(1) == null ? null : row.get(1).toString(), String.valueOf(row.get(2)),
                    String.valueOf(row.get(3)), String.valueOf(row.get(4)),
                    row.get(5) == null ? null : ((Number) row.get(5)).intValue(), truth(row.get(6))));
        }
        return Optional.of(new FlywayHistory(schema + "." + table.table(), rows));
    }

    private static List<String> quoted(Dialect dialect, String... columns) {
        List<String> quoted = new ArrayList<>();
        for (String column : columns) {
            quoted.add(dialect.quoteIdentifier(column));
        }
        return quoted;
    }

    private static boolean truth(@Nullable Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            return number.intValue() != 0;
        }
        return value != null && (value.toString().equalsIgnoreCase("true") || value.toString().equals("1"));
    }

    /**
     * Which revision the database is at, given the revision ids of the scripts (imported ones are
     * {@code v<version>}). Replays the rows in order: a versioned row applies its version, a
     * baseline row counts every version up to its own as applied, an undo row or a {@code DELETE}
     * row (written by {@code flyway repair} for a missing migration) takes its version back.
     *
     * @throws DatabaseException when a row failed, or when a script's version lies below the newest
     *     applied one without being applied (Flyway's ignored or pending out-of-order migration), which
     *     a line of revisions cannot express
     * @throws BadInputException when the newest applied version has no revision in the scripts
     */
    public Decision decide(Collection<String> revisionIds) {
        for (Row row : rows) {
            if (!row.success()) {
                throw new DatabaseException("Flyway's history (" + where + ") holds a failed migration: "
                        + describe(row) + ". Its statements may have run in part, so migrator will not take this"
                        + " database over. Bring the database to what the migration should have done (or undo what"
                        + " it did), remove the failed row (`flyway repair`, or DELETE FROM " + where
                        + " WHERE installed_rank = " + row.installedRank() + "), and take over again.");
            }
        }
        TreeSet<FlywayVersion> applied = new TreeSet<>();
        @Nullable FlywayVersion baseline = null;
        List<String> notes = new ArrayList<>();
        for (Row row : rows) {
            String type = row.type().toUpperCase(Locale.ROOT);
            if (row.version() == null) {
                continue; // a repeatable migration: see repeatables()
            }
            if (type.equals("SCHEMA")) {
                continue; // Flyway's marker for the schemas it created, version 0
            }
            FlywayVersion version = FlywayVersion.parse(row.version());
            if (type.contains("BASELINE")) {
                baseline = baseline == null || version.compareTo(baseline) > 0 ? version : baseline;
            } else if (type.startsWith("UNDO") || type.equals("DELETE")) {
                applied.remove(version);
            } else {
                applied.add(version);
            }
        }
        @Nullable FlywayVersion top = applied.isEmpty() ? baseline
                : baseline == null ? applied.last() : max(applied.last(), baseline);
        if (top == null) {
            return new Decision(null, null, notes);
        }
        Map<FlywayVersion, String> imported = new TreeMap<>();
        for (String id : revisionIds) {
            FlywayVersion.ofRevisionId(id).ifPresent(version -> imported.put(version, id));
        }
        @Nullable String target = null;
        for (Map.Entry<FlywayVersion, String> entry : imported.entrySet()) {
            FlywayVersion version = entry.getKey();
            if (version.compareTo(top) > 0) {
                break;
            }
            boolean counted = applied.contains(version) || baseline != null && version.compareTo(baseline) <= 0;
            if (!counted) {
                throw new DatabaseException("Flyway has not applied version " + version + " (revision " + entry.getValue()
                        + "), which is older than version " + top + " that it applied (" + where + "): Flyway reports it"
                        + " as ignored, or pending with outOfOrder. The imported revisions form one line, so a takeover"
                        + " would mark it applied without running it. Apply it first (`flyway migrate"
                        + " -outOfOrder=true`), or, if it must never run, delete its script, and take over again.");
            }
            target = entry.getValue();
        }
        boolean topIsBaselineOnly = baseline != null && top.equals(baseline) && !applied.contains(top);
        if (!topIsBaselineOnly && !imported.containsKey(top)) {
            throw new BadInputException("Flyway applied version " + top + " (" + where + "), but no script here is"
                    + " revision " + top.revisionId() + ": these scripts are older than the database (a newer release"
                    + " migrated it) or were not imported from its Flyway migrations. Take over with the scripts"
                    + " `migrator import flyway` made from the migrations that ran here.");
        }
        for (FlywayVersion version : applied) {
            if (!imported.containsKey(version)) {
                notes.add("Flyway applied version " + version + ", which no script has (deleted since, or squashed);"
                        + " the takeover ignores it");
            }
        }
        return new Decision(target, top, notes);
    }

    /**
     * The applied versions whose imported script is not the text Flyway ran, as Flyway's
     * {@code validate} would find them: one note each, naming version, revision and Flyway's file.
     * Notes, not refusals: replacing a placeholder in an imported script is such an edit, and wanted.
     *
     * @param upgradeSql the upgrade section of each revision, by id
     */
    public List<String> editedSinceApplied(Map<String, String> upgradeSql) {
        Map<FlywayVersion, String> ids = new TreeMap<>();
        for (String id : upgradeSql.keySet()) {
            FlywayVersion.ofRevisionId(id).ifPresent(version -> ids.put(version, id));
        }
        List<String> notes = new ArrayList<>();
        for (Row row : rows) {
            String type = row.type().toUpperCase(Locale.ROOT);
            if (row.version() == null || row.checksum() == null || type.contains("BASELINE") || type.startsWith("UNDO")
                    || type.equals("DELETE") || type.equals("SCHEMA")) {
                continue;
            }
            @Nullable String id = ids.get(FlywayVersion.parse(row.version()));
            @Nullable String sql = id == null ? null : upgradeSql.get(id);
            if (sql != null && FlywayChecksum.of(sql) != row.checksum()) {
                notes.add("revision " + id + " is not the text Flyway ran as " + row.script() + " (Flyway's checksum "
                        + row.checksum() + ", the script's " + FlywayChecksum.of(sql) + "): fine if you edited it on"
                        + " purpose (a placeholder replaced), else compare it with the script in Flyway's location");
            }
        }
        return notes;
    }

    /**
     * What Flyway's history says of the repeatable revisions.
     *
     * @param unchanged the repeatable revisions whose script is the text Flyway last ran (same Flyway
     *     checksum): the takeover records them as run, so an unchanged view is not created again
     * @param notes the repeatable revisions that changed since (the next upgrade runs them), and
     *     Flyway's repeatable migrations no script here has
     */
    public record Repeatables(Set<String> unchanged, List<String> notes) {

        public Repeatables {
            unchanged = Set.copyOf(unchanged);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Compares Flyway's newest row of each repeatable migration with the imported repeatable revision
     * ({@link FlywayImport#repeatableId}) of the same description.
     *
     * @param upgradeSql the upgrade section of each repeatable revision, by id
     */
    public Repeatables repeatables(Map<String, String> upgradeSql) {
        Map<String, Row> newest = new TreeMap<>();
        for (Row row : rows) { // installed_rank order: a later row of a script replaces the earlier
            if (row.version() == null) {
                newest.put(FlywayImport.repeatableId(row.description()), row);
            }
        }
        Set<String> unchanged = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        newest.forEach((id, row) -> {
            @Nullable String sql = upgradeSql.get(id);
            if (row.type().equalsIgnoreCase("DELETE")) {
                return; // flyway repair removed it: nothing of it counts as run
            }
            if (sql == null) {
                notes.add("Flyway applied the repeatable migration " + row.script() + ", which no repeatable revision"
                        + " here has (" + id + "): what it created stays as it is; import it to keep it up to date");
            } else if (row.checksum() != null && row.checksum() == FlywayChecksum.of(sql)) {
                unchanged.add(id);
            } else {
                notes.add("repeatable revision " + id + " is not the text Flyway last ran as " + row.script()
                        + ": the next upgrade runs it");
            }
        });
        return new Repeatables(unchanged, notes);
    }

    private static FlywayVersion max(FlywayVersion a, FlywayVersion b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String describe(Row row) {
        return (row.version() == null ? "repeatable " : "version " + row.version() + " ") + row.script() + " ("
                + row.type() + ", installed_rank " + row.installedRank() + ")";
    }
}
