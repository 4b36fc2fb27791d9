package dev.migrator.error;

import java.util.List;

/**
 * The configured locations hold no revision script at all: most often a typo in the locations,
 * or a {@code {vendor}} folder named otherwise than the dialect ({@code postgres} for
 * {@code postgresql}, {@code mysql} for {@code mariadb}). Running on would report an empty
 * database "up to date at base".
 */
public final class NoScriptsException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final List<String> locations;
    private final String vendor;

    /**
     * @param locations each location looked at, as resolved, with what was found there
     * @param vendor the name {@code {vendor}} was replaced with, or empty when no location names it
     */
    public NoScriptsException(List<String> locations, String vendor) {
        super("No revision script (*.sql) in any of the locations:\n      " + String.join("\n      ", locations)
                + (vendor.isEmpty() ? "" : "\n    {vendor} is '" + vendor + "', the dialect's name"));
        this.locations = List.copyOf(locations);
        this.vendor = vendor;
    }

    /** Each location looked at, with {@code {vendor}} replaced, and what was found there. */
    public List<String> locations() {
        return locations;
    }

    /** The name {@code {vendor}} stood for, or empty when no location names it. */
    public String vendor() {
        return vendor;
    }
}
