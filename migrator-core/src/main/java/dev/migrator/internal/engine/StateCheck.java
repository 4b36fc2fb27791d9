package dev.migrator.internal.engine;

import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.BadInputException;
import dev.migrator.error.ChecksumMismatchException;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.internal.plan.Planner;
import dev.migrator.plan.Step;
import dev.migrator.script.RevisionScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Compares what the database says with the scripts, before anything is planned. */
public final class StateCheck {

    private final ScriptCatalog catalog;

    public StateCheck(ScriptCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Where the database stands: pending is what {@code upgrade heads} would apply, the changed
     * repeatable revisions after the versioned ones; a newer release
     * may have migrated past these heads (a rolling deploy), so with unknown rows the history table
     * shows which of ours were applied.
     */
    public MigrationStatus status(DatabaseState state) {
        RevisionGraph graph = catalog.graph();
        Set<String> unknown = unknownRows(state);
        Set<String> applied = unknown.isEmpty() ? graph.ancestors(state.rows()) : appliedKnownRevisions(state);
        List<Revision> pending = new ArrayList<>();
        for (Step step : new Planner(graph).upgrade(graph.maximal(applied), "heads").steps()) {
            pending.add(step.revision());
        }
        if (unknown.isEmpty()) { // a newer release migrated past these scripts: their repeatables are older
            Repeatables.changed(catalog, state).forEach(script -> pending.add(script.toRevision()));
        }
        List<Revision> drifted = drifted(state).stream().map(script -> graph.get(script.id())).toList();
        Set<String> redundant = redundantRows(state);
        MigrationStatus.State summary;
        if (!unknown.isEmpty()) {
            summary = pending.isEmpty() && drifted.isEmpty() ? MigrationStatus.State.AHEAD : MigrationStatus.State.DIVERGED;
        } else if (!drifted.isEmpty() || !redundant.isEmpty()) {
            summary = MigrationStatus.State.DIVERGED;
        } else {
            summary = pending.isEmpty() ? MigrationStatus.State.UP_TO_DATE : MigrationStatus.State.PENDING;
        }
        return new MigrationStatus(state.rows(), graph.heads(), summary, pending, drifted, unknown, redundant);
    }

    /** Version rows that name revisions none of the scripts define. */
    public Set<String> unknownRows(DatabaseState state) {
        Set<String> unknown = new TreeSet<>();
        for (String row : state.rows()) {
            if (!catalog.graph().contains(row)) {
                unknown.add(row);
            }
        }
        return unknown;
    }

    /**
     * Known version rows that are an ancestor of another row: a version table that cannot be right
     * (rows are the heads of what is applied), written by hand or by an older migrator's purge.
     */
    public Set<String> redundantRows(DatabaseState state) {
        RevisionGraph graph = catalog.graph();
        List<String> known = new ArrayList<>();
        for (String row : state.rows()) {
            if (graph.contains(row)) {
                known.add(row);
            }
        }
        Set<String> redundant = new TreeSet<>(known);
        redundant.removeAll(graph.maximal(known));
        return redundant;
    }

    /**
     * The revisions of the scripts that the database has applied: the ancestors of its known
     * version rows, plus those whose newest history row is a successful upgrade or stamp. The
     * history matters when a newer release has moved the version rows past what these scripts know.
     */
    public Set<String> appliedKnownRevisions(DatabaseState state) {
        RevisionGraph graph = catalog.graph();
        Set<String> appliedHeads = new TreeSet<>(state.rows());
        state.latestHistory().forEach((id, entry) -> {
            if (entry.applied()) {
                appliedHeads.add(id);
            }
        });
        appliedHeads.removeIf(id -> !graph.contains(id));
        return graph.ancestors(appliedHeads);
    }

    /**
     * Whether the database is ahead of these scripts: it holds revisions they do not define (a
     * newer release applied them, as in a rolling deploy) and every revision they define is applied.
     */
    public boolean ahead(DatabaseState state) {
        // The applied set holds only revisions of the scripts, so the same size means all of them.
        return !unknownRows(state).isEmpty()
                && appliedKnownRevisions(state).size() == catalog.graph().revisions().size();
    }

    /** Version rows that name revisions none of the scripts define: wrong locations, or an older checkout. */
    public void requireKnownRows(DatabaseState state) {
        Set<String> unknown = unknownRows(state);
        if (unknown.isEmpty()) {
            return;
        }
        List<String> known = new ArrayList<>();
        for (String row : state.rows()) {
            if (catalog.graph().contains(row)) {
                known.add(row);
            }
        }
        Set<String> tips = new TreeSet<>(catalog.graph().maximal(known));
        throw new BadInputException("The database is at revision(s) " + String.join(", ", unknown)
                + ", which none of the " + catalog.scripts().size() + " scripts defines. Check the script locations,"
                + " or update this checkout. If the database was changed by other means, reset the version table to"
                + " the revisions it really has: `migrator stamp --purge "
                + (tips.isEmpty() ? "REV..." : String.join(" ", tips)) + "`"
                + (tips.isEmpty() ? "" : " if that is " + String.join(", ", tips)) + ".");
    }

    /** Applied revisions whose upgrade section changed since it ran. */
    public List<RevisionScript> drifted(DatabaseState state) {
        List<RevisionScript> drifted = new ArrayList<>();
        Set<String> applied = unknownRows(state).isEmpty() ? catalog.graph().ancestors(state.rows())
                : appliedKnownRevisions(state);
        for (String id : applied) {
            HistoryEntry entry = state.latestHistory().get(id);
            if (entry == null || !entry.applied() || entry.checksum() == null) {
                continue;
            }
            RevisionScript script = catalog.script(id);
            if (!script.checksum().equals(entry.checksum())) {
                drifted.add(script);
            }
        }
        return drifted;
    }

    /**
     * The stamp that keeps the database where it is: stamping the edited revision itself would
     * move the version rows back when the database is past it.
     */
    private String stampInPlace(DatabaseState state) {
        Set<String> rows = state.rows();
        if (rows.size() == 1) {
            return "`stamp " + rows.iterator().next() + "`";
        }
        if (rows.equals(catalog.graph().heads())) {
            return "`stamp heads`";
        }
        return "a stamp to the database's current revisions (" + String.join(", ", new TreeSet<>(rows)) + ")";
    }

    /** Fails when an applied revision's script was edited; {@code stamp} is the way to accept the edit. */
    public void requireNoDrift(DatabaseState state) {
        List<RevisionScript> drifted = drifted(state);
        if (drifted.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Applied revision(s) changed since they ran: ");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < drifted.size(); i++) {
            RevisionScript script = drifted.get(i);
            ids.add(script.id());
            message.append(i == 0 ? "" : "; ").append(script.id()).append(" (").append(script.source()).append(')');
        }
        message.append(". Restore the script, or accept the change with ").append(stampInPlace(state))
                .append(" (it records the new checksum without moving the database), or turn the check off"
                        + " (validate-checksums=false).");
        throw new ChecksumMismatchException(ids, message.toString());
    }
}
