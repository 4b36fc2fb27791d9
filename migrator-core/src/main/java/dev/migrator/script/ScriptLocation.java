package dev.migrator.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where revision scripts live: {@code classpath:db/migrations}, {@code filesystem:/path} or
 * a bare path (filesystem). {@code {vendor}} stands for the dialect's name.
 *
 * @param classpath whether {@code path} is a classpath resource folder
 * @param path the folder, without the prefix
 */
public record ScriptLocation(boolean classpath, String path) {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    /** Parses one location; see the class comment for the forms. */
    public static ScriptLocation parse(String location) {
        String trimmed = location.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith(CLASSPATH)) {
            String path = trimmed.substring(CLASSPATH.length());
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new ScriptLocation(true, path);
        }
        if (lower.startsWith(FILESYSTEM)) {
            return new ScriptLocation(false, trimmed.substring(FILESYSTEM.length()));
        }
        return new ScriptLocation(false, trimmed);
    }

    /** Parses a comma-separated list of locations, skipping empty entries. */
    public static List<ScriptLocation> parseAll(String locations) {
        List<ScriptLocation> result = new ArrayList<>();
        for (String part : locations.split(",")) {
            if (!part.isBlank()) {
                result.add(parse(part));
            }
        }
        return result;
    }

    /** Whether the path names {@code {vendor}}, so that the dialect must be known to read it. */
    public boolean dependsOnVendor() {
        return path.contains("{vendor}");
    }

    /** This location with {@code {vendor}} replaced by the dialect's name. */
    public ScriptLocation forVendor(String vendor) {
        return new ScriptLocation(classpath, path.replace("{vendor}", vendor));
    }

    @Override
    public String toString() {
        return (classpath ? CLASSPATH : FILESYSTEM) + path;
    }
}
