package dev.migrator.script;

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

    /** One digest per thread: looking SHA-256 up for each of a thousand scripts cost a cold boot milliseconds. */
    private static final ThreadLocal<MessageDigest> DIGEST = new ThreadLocal<>() {
        @Override
        protected MessageDigest initialValue() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    };

    private Checksums() {
    }

    public static String sha256(String upgradeSection) {
        String normalized = upgradeSection.replace("\r\n", "\n").stripTrailing();
        // digest() resets the digest for the next use
        return HexFormat.of().formatHex(DIGEST.get().digest(normalized.getBytes(StandardCharsets.UTF_8)));
    }
}
