package dev.migrator.bookkeeping;

import java.util.Locale;

/**
 * How a recorded step ended: {@code failed} rows exist where a database without transactional DDL
 * kept part of a failed revision, so that the next run can resume after what ran.
 */
public enum Outcome {
    SUCCESS, FAILED;

    /** As the history table and JSON write it: {@code success}, {@code failed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
