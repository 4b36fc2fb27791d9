package dev.migrator.engine;

import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.error.BadInputException;
import dev.migrator.error.ChecksumMismatchException;
import dev.migrator.graph.RevisionGraph;
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

    /** Version rows that name revisions none of the scripts define: wrong locations, or an older checkout. */
    public void requireKnownRows(DatabaseState state) {
        Set<String> unknown = new TreeSet<>();
        for (String row : state.rows()) {
            if (!catalog.graph().contains(row)) {
                unknown.add(row);
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadInputException("The database is at revision(s) " + String.join(", ", unknown)
                    + ", which none of the " + catalog.scripts().size() + " scripts defines. Check the script locations,"
                    + " or update this checkout; stamp a known revision if the database was changed by other means.");
        }
    }

    /** Applied revisions whose upgrade section changed since it ran. */
    public List<RevisionScript> drifted(DatabaseState state) {
        RevisionGraph graph = catalog.graph();
        List<RevisionScript> drifted = new ArrayList<>();
        for (String id : graph.ancestors(state.rows())) {
            HistoryEntry entry = state.latestHistory().get(id);
            if (entry == null || entry.failed() || entry.checksum() == null || "downgrade".equals(entry.direction())) {
                continue;
            }
            RevisionScript script = catalog.script(id);
            if (!script.checksum().equals(entry.checksum())) {
                drifted.add(script);
            }
        }
        return drifted;
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
        message.append(". Restore the script, or accept the change with `stamp ").append(drifted.get(0).id())
                .append("` (it records the new checksum), or turn the check off (validate-checksums=false).");
        throw new ChecksumMismatchException(ids, message.toString());
    }
}
