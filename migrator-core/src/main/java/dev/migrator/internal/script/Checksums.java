package dev.migrator.internal.script;

import java.nio.charset.StandardCharsets;

/**
 * The checksum of a revision: SHA-256 over its upgrade section with CRLF turned to LF and
 * trailing white space dropped, so that adding a downgrade section (or a blank line before
 * it) to an applied revision does not count as editing it.
 */
public final class Checksums {

    private Checksums() {
    }

    public static String sha256(String upgradeSection) {
        String normalized = upgradeSection.replace("\r\n", "\n").stripTrailing();
        return Sha256.hex(normalized.getBytes(StandardCharsets.UTF_8));
    }
}
