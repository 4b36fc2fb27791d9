package dev.migrator.engine;

import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.script.CallbackScript;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scripts of one run and the graph they form, validated as a whole before anything
 * touches a database. Repeatable revisions are kept beside the graph, never in it.
 */
public final class ScriptCatalog {

    private final List<RevisionScript> scripts;
    private final List<RevisionScript> repeatables;
    private final Map<String, RevisionScript> byId;
    private final RevisionGraph graph;
    private final List<CallbackScript> callbacks;
    private final List<ScriptLocation> missingLocations;

    private ScriptCatalog(List<RevisionScript> all, List<CallbackScript> callbacks,
            List<ScriptLocation> missingLocations) {
        this.scripts = all.stream().filter(script -> !script.repeatable()).toList();
        this.repeatables = all.stream().filter(RevisionScript::repeatable)
                .sorted(Comparator.comparing(RevisionScript::id)).toList();
        this.callbacks = List.copyOf(callbacks);
        this.missingLocations = List.copyOf(missingLocations);
        // The graph reports duplicate ids, so a map that keeps the first one is enough here.
        List<Revision> revisions = new ArrayList<>(scripts.size());
        for (RevisionScript script : scripts) {
            revisions.add(script.toRevision());
        }
        RepeatableIds.requireApart(scripts, repeatables);
        this.graph = RevisionGraph.of(revisions);
        this.byId = new HashMap<>();
        for (RevisionScript script : all) {
            byId.putIfAbsent(script.id(), script);
        }
    }

    public static ScriptCatalog of(List<RevisionScript> scripts) {
        return new ScriptCatalog(scripts, List.of(), List.of());
    }

    /** The scripts found, and the locations that do not exist (reported as a warning). */
    public static ScriptCatalog of(List<RevisionScript> scripts, List<ScriptLocation> missingLocations) {
        return new ScriptCatalog(scripts, List.of(), missingLocations);
    }

    /** The scripts, the SQL callbacks and the locations that do not exist. */
    public static ScriptCatalog of(List<RevisionScript> scripts, List<CallbackScript> callbacks,
            List<ScriptLocation> missingLocations) {
        return new ScriptCatalog(scripts, callbacks, missingLocations);
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** The scripts of the graph's revisions (repeatable ones are not among them). */
    public List<RevisionScript> scripts() {
        return scripts;
    }

    /** The repeatable revisions, in the order they run: by id. */
    public List<RevisionScript> repeatables() {
        return repeatables;
    }

    /** The SQL callbacks of an event, in the order the locations were read (by file name, folder by folder). */
    public List<CallbackScript> callbacks(CallbackScript.Event event) {
        return callbacks.stream().filter(callback -> callback.event() == event).toList();
    }

    /** The script of a revision of the graph, or of a repeatable revision. */
    public RevisionScript script(String id) {
        RevisionScript script = byId.get(id);
        if (script == null) {
            throw new IllegalArgumentException("No script for revision " + id);
        }
        return script;
    }

    /** Locations that do not exist, reported as a warning: a typo, or a project without scripts yet. */
    public List<ScriptLocation> missingLocations() {
        return missingLocations;
    }
}
