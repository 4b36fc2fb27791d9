package dev.migrator.internal.script;

import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@link ScriptLoader#fingerprint} found without reading any script: a line per location, jar
 * and script file (path, size, modification time), and the newest modification time among the
 * files and folders it listed (a folder's changes when a file in it is added, removed or renamed).
 */
public record ScriptsFingerprint(List<String> parts, FileTime newest) {

    /**
     * File systems that keep whole (FAT: even) seconds round a time down, so a file written just
     * after a moment can look older than it; anything this close to the moment counts as after it.
     */
    private static final Duration COARSEST_CLOCK = Duration.ofSeconds(2);

    /** Whether every file and folder listed was last changed before {@code moment}. */
    public boolean olderThan(Instant moment) {
        return newest.toInstant().isBefore(moment.minus(COARSEST_CLOCK));
    }
}
