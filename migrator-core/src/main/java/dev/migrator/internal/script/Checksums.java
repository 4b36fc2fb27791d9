package dev.migrator.internal.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            // Every JDK has SHA-256 (a required algorithm of MessageDigest).
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
