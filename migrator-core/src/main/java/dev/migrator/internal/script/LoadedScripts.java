package dev.migrator.internal.script;

import dev.migrator.script.CallbackScript;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptLocation;
import java.util.List;

/**
 * What a {@link ScriptLoader} found.
 *
 * @param scripts every parsed script, ordered by location, then by file name
 * @param callbacks the SQL callbacks, in the same order
 * @param missingLocations locations that do not exist at all (a typo or an empty project)
 */
public record LoadedScripts(List<RevisionScript> scripts, List<CallbackScript> callbacks,
        List<ScriptLocation> missingLocations) {

    public LoadedScripts {
        scripts = List.copyOf(scripts);
        callbacks = List.copyOf(callbacks);
        missingLocations = List.copyOf(missingLocations);
    }
}
