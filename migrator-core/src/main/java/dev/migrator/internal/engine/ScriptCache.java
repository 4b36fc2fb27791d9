package dev.migrator.internal.engine;

import dev.migrator.engine.ScriptCatalog;
import dev.migrator.internal.script.ScriptLoader;
import dev.migrator.internal.script.ScriptsFingerprint;
import dev.migrator.script.ScriptLocation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The scripts one {@code Migrator} read, per vendor, kept while their files are unchanged: a
 * health probe, an endpoint call or a gauge read lists the script folders (sizes and times)
 * instead of reading, parsing and hashing every script again. Scripts in a jar never change
 * under a running JVM; an edited, added or removed file in a folder is read again.
 *
 * <p>The first call only loads: a process that calls once (the command line, a boot) does not pay
 * for listing what it reads anyway (docs/performance.md, the no-op). The second call takes the
 * fingerprint and keeps the scripts read if no file or folder changed since the load began.
 */
public final class ScriptCache {

    /** A catalog, and how its files looked: {@code fingerprint} null until a second call took one. */
    private record Entry(@Nullable ScriptsFingerprint fingerprint, Instant loadBegan, ScriptCatalog catalog) {

        boolean describes(ScriptsFingerprint now) {
            return fingerprint == null ? now.olderThan(loadBegan) : fingerprint.equals(now);
        }
    }

    private final Map<String, Entry> byVendor = new ConcurrentHashMap<>();

    /**
     * The catalog of the scripts as they are now: the cached one when unchanged, else {@code load}'s,
     * which is kept for next time. Times and fingerprints are taken before loading, so a file
     * changed while it loads is read again on the next call.
     */
    public ScriptCatalog get(ScriptLoader loader, List<ScriptLocation> locations, String vendor,
            Supplier<ScriptCatalog> load) {
        Entry entry = byVendor.get(vendor);
        if (entry == null) {
            Instant began = Instant.now();
            ScriptCatalog catalog = load.get();
            byVendor.put(vendor, new Entry(null, began, catalog));
            return catalog;
        }
        ScriptsFingerprint now = loader.fingerprint(locations, vendor);
        if (entry.describes(now)) {
            if (entry.fingerprint() == null) {
                byVendor.put(vendor, new Entry(now, entry.loadBegan(), entry.catalog()));
            }
            return entry.catalog();
        }
        Instant began = Instant.now();
        ScriptCatalog catalog = load.get();
        byVendor.put(vendor, new Entry(now, began, catalog));
        return catalog;
    }
}
