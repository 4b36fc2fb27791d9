package dev.migrator.plan;

import dev.migrator.error.TargetException;

/**
 * An offline range {@code START:END}, as in {@code alembic upgrade --sql base:heads}: the
 * script starts from the version rows of START (see {@link Planner#rowsAt(String)}) and goes to END.
 *
 * @param start where the script starts, e.g. {@code base} or a revision
 * @param end the target to reach, e.g. {@code heads}
 */
public record TargetRange(String start, String end) {

    public TargetRange {
        if (start.isBlank() || end.isBlank()) {
            throw new TargetException("A range needs both ends, START:END (e.g. base:heads); got '" + start + ":" + end + "'");
        }
    }

    /**
     * Parses {@code START:END}.
     *
     * @throws TargetException when the text holds no single ':' or an end is empty
     */
    public static TargetRange parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new TargetException("'" + text + "' is not a range; offline ranges are START:END, e.g. base:heads or 1a2b:3f2a");
        }
        if (text.indexOf(':', colon + 1) >= 0) {
            throw new TargetException("'" + text + "' has more than one ':'; offline ranges are START:END, e.g. base:heads");
        }
        return new TargetRange(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
    }

    @Override
    public String toString() {
        return start + ":" + end;
    }
}
