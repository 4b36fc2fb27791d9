package dev.migrator.flyway;

import dev.migrator.error.BadInputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Flyway migration version, ordered as Flyway orders them: parts separated by dots (or
 * underscores in file names) compared numerically one by one, so {@code 1.10} comes after
 * {@code 1.9}; leading zeros and trailing zero parts do not count ({@code 1.01} equals
 * {@code 1.1}, {@code 2.0} equals {@code 2}).
 *
 * <p>The revision id of an imported migration is {@code v} and the version as written, dots
 * turned into underscores ({@code V1.1__x.sql} and {@code V1_1__x.sql} both become {@code v1_1}),
 * so the ids stay recognisable and map back to versions.
 */
public final class FlywayVersion implements Comparable<FlywayVersion> {

    private static final Pattern TEXT = Pattern.compile("\\d+([._]\\d+)*");
    private static final Pattern REVISION_ID = Pattern.compile("v\\d+(_\\d+)*");

    private final String text;
    private final List<BigInteger> parts;

    private FlywayVersion(String text, List<BigInteger> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses a version as Flyway writes it in file names ({@code 1_1}) or in its history table
     * ({@code 1.1}).
     *
     * @throws BadInputException when it is not digits separated by dots or underscores
     */
    public static FlywayVersion parse(String version) {
        String trimmed = version.strip();
        if (!TEXT.matcher(trimmed).matches()) {
            throw new BadInputException("'" + version + "' is not a Flyway version: use digits separated by dots or"
                    + " underscores, such as 1, 1.1 or 2_0_3");
        }
        String text = trimmed.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("\\.")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new FlywayVersion(text, List.copyOf(parts));
    }

    /** The version an imported revision id stands for, if the id has the import's shape ({@code v1_1}). */
    public static Optional<FlywayVersion> ofRevisionId(String revisionId) {
        if (!REVISION_ID.matcher(revisionId).matches()) {
            return Optional.empty();
        }
        return Optional.of(parse(revisionId.substring(1)));
    }

    /** The version as written, with dots: {@code 1.1}, {@code 2.0}, {@code 1.01}. */
    public String text() {
        return text;
    }

    /** The id of the revision an import makes of this version: {@code v1_1}. */
    public String revisionId() {
        return "v" + text.replace('.', '_');
    }

    @Override
    public int compareTo(FlywayVersion other) {
        int common = Math.min(parts.size(), other.parts.size());
        for (int i = 0; i < common; i++) {
            int compared = parts.get(i).compareTo(other.parts.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(parts.size(), other.parts.size());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlywayVersion version && parts.equals(version.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
