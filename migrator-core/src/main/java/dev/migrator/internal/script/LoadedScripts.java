package dev.migrator.internal.script;

import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptLocation;
import java.util.List;

/**
 * What a {@link ScriptLoader} found.
 *
 * @param scripts every parsed script, ordered by location, then by file name
 * @param missingLocations locations that do not exist at all (a typo or an empty project)
 */
public record LoadedScripts(List<RevisionScript> scripts, List<ScriptLocation> missingLocations) {

    public LoadedScripts {
        scripts = List.copyOf(scripts);
        missingLocations = List.copyOf(missingLocations);
    }
}
