package dev.migrator.internal.engine;

import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepKind;
import dev.migrator.plan.VersionChange;
import dev.migrator.script.RevisionScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The repeatable revisions an upgrade runs after its versioned steps: those whose newest history
 * row is not a success with the script's checksum (never run, edited since, or failed last time).
 */
final class Repeatables {

    private Repeatables() {
    }

    /** The changed repeatable revisions, in the order they run (by id). */
    static List<RevisionScript> changed(ScriptCatalog catalog, DatabaseState state) {
        List<RevisionScript> changed = new ArrayList<>();
        for (RevisionScript script : catalog.repeatables()) {
            if (!upToDate(script, state)) {
                changed.add(script);
            }
        }
        return changed;
    }

    static boolean upToDate(RevisionScript script, DatabaseState state) {
        HistoryEntry entry = state.latestHistory().get(script.id());
        return entry != null && entry.applied() && script.checksum().equals(entry.checksum());
    }

    /** The steps running the changed repeatable revisions: they change no version row. */
    static List<Step> steps(ScriptCatalog catalog, DatabaseState state) {
        List<Step> steps = new ArrayList<>();
        for (RevisionScript script : changed(catalog, state)) {
            steps.add(new Step(StepKind.UPGRADE, script.toRevision(), VersionChange.none()));
        }
        return steps;
    }
}
