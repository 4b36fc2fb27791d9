package dev.migrator.cli;

import java.util.Locale;

/** Durations for people: milliseconds below ten seconds, then seconds. */
final class Durations {

    private Durations() {
    }

    static String format(long millis) {
        return millis < 10_000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
