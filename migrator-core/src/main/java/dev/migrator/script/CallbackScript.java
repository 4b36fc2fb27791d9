package dev.migrator.script;

import dev.migrator.error.ScriptException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SQL callback: a script in the locations named after the event it runs at, as Flyway names
 * them ({@code beforeMigrate.sql}, {@code afterEachMigrate__grants.sql}); never a revision. It
 * has no header, no checksum and no history row: it runs every time its event comes.
 *
 * @param event when it runs
 * @param sql the whole file, with CRLF turned to LF
 * @param source the file or classpath resource, for messages
 */
public record CallbackScript(Event event, Section sql, String source) {

    public CallbackScript {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(sql, "sql");
    }

    /** The events migrator runs callbacks at; Flyway's names, its undo being migrator's downgrade. */
    public enum Event {
        /** Before the first revision of an upgrade that applies something. */
        BEFORE_MIGRATE("beforeMigrate"),
        /** Before each revision's statements, in its transaction. */
        BEFORE_EACH_MIGRATE("beforeEachMigrate"),
        /** After each revision's statements, in its transaction, before its version and history rows. */
        AFTER_EACH_MIGRATE("afterEachMigrate"),
        /** After the last revision of an upgrade. */
        AFTER_MIGRATE("afterMigrate"),
        /** As {@link #BEFORE_MIGRATE}, for a downgrade. */
        BEFORE_UNDO("beforeUndo"),
        /** As {@link #BEFORE_EACH_MIGRATE}, for each revision a downgrade un-applies. */
        BEFORE_EACH_UNDO("beforeEachUndo"),
        /** As {@link #AFTER_EACH_MIGRATE}, for each revision a downgrade un-applies. */
        AFTER_EACH_UNDO("afterEachUndo"),
        /** As {@link #AFTER_MIGRATE}, for a downgrade. */
        AFTER_UNDO("afterUndo");

        private final String fileName;

        Event(String fileName) {
            this.fileName = fileName;
        }

        /** The name of its files: {@code beforeMigrate} in {@code beforeMigrate.sql}. */
        public String fileName() {
            return fileName;
        }
    }

    /** Flyway's other events: a file named after one is refused rather than read as a revision. */
    private static final List<String> FLYWAY_ONLY = List.of("beforeClean", "afterClean", "afterCleanError",
            "beforeEachMigrateStatement", "afterEachMigrateStatement", "afterEachMigrateStatementError",
            "afterEachMigrateError", "beforeRepeatables", "afterVersioned", "afterMigrateApplied", "afterMigrateError",
            "beforeEachUndoStatement", "afterEachUndoStatement", "afterEachUndoStatementError", "afterEachUndoError",
            "afterUndoError", "beforeValidate", "afterValidate", "afterValidateError", "beforeBaseline",
            "afterBaseline", "afterBaselineError", "beforeRepair", "afterRepair", "afterRepairError", "beforeInfo",
            "afterInfo", "afterInfoError", "beforeConnect", "afterConnect", "beforeCreateSchema");

    /**
     * The event a file name calls for: {@code <event>.sql} or {@code <event>__<description>.sql}, the
     * event in Flyway's spelling; null for any other name (a revision script).
     *
     * @throws ScriptException for a Flyway event migrator has no callbacks for
     */
    public static @Nullable Event eventOf(String fileName, String source) {
        if (!fileName.endsWith(".sql")) {
            return null;
        }
        String stem = fileName.substring(0, fileName.length() - ".sql".length());
        int separator = stem.indexOf("__");
        String name = separator < 0 ? stem : stem.substring(0, separator);
        for (Event event : Event.values()) {
            if (event.fileName.equals(name)) {
                return event;
            }
        }
        if (FLYWAY_ONLY.contains(name)) {
            throw new ScriptException(source, 0, "is named as a Flyway callback for " + name + ", which migrator does"
                    + " not run (its callbacks: beforeMigrate, beforeEachMigrate, afterEachMigrate, afterMigrate, and"
                    + " beforeUndo, beforeEachUndo, afterEachUndo, afterUndo for downgrades); a MigrationListener bean"
                    + " hears every run, step and failure. Move the file out of the script locations");
        }
        return null;
    }
}
