package dev.migrator.internal.engine;

import dev.migrator.engine.ScriptCatalog;
import dev.migrator.internal.script.ScriptLoader;
import dev.migrator.script.ScriptLocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The scripts one {@code Migrator} read, per vendor, kept while their files are unchanged: a
 * health probe, an endpoint call or a gauge read lists the script folders (sizes and times)
 * instead of reading, parsing and hashing every script again. Scripts in a jar never change
 * under a running JVM; an edited, added or removed file in a folder is read again.
 */
public final class ScriptCache {

    private record Entry(List<String> fingerprint, ScriptCatalog catalog) {
    }

    private final Map<String, Entry> byVendor = new ConcurrentHashMap<>();

    /**
     * The catalog of the scripts as they are now: the cached one when unchanged, else {@code load}'s,
     * which is kept for next time. The fingerprint is taken before loading, so a file changed while
     * it loads is read again on the next call.
     */
    public ScriptCatalog get(ScriptLoader loader, List<ScriptLocation> locations, String vendor,
            Supplier<ScriptCatalog> load) {
        List<String> fingerprint = loader.fingerprint(locations, vendor);
        Entry entry = byVendor.get(vendor);
        if (entry != null && entry.fingerprint().equals(fingerprint)) {
            return entry.catalog();
        }
        ScriptCatalog catalog = load.get();
        byVendor.put(vendor, new Entry(fingerprint, catalog));
        return catalog;
    }
}
