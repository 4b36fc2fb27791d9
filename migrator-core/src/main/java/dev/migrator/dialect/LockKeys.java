package dev.migrator.dialect;

import java.nio.charset.StandardCharsets;

/** Stable 64-bit keys for lock names: PostgreSQL's advisory locks, and MySQL's names over 64 characters. */
final class LockKeys {

    private LockKeys() {
    }

    /** FNV-1a over the name's UTF-8 bytes: every process, in any JVM, computes the same key. */
    static long of(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
