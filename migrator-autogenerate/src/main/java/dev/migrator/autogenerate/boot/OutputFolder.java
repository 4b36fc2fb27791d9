package dev.migrator.autogenerate.boot;

import dev.migrator.error.BadInputException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where a generated revision goes: the configured folder, or the source folder of the first script location. */
final class OutputFolder {

    private OutputFolder() {
    }

    static Path of(@Nullable String output, List<String> locations, String vendor) {
        if (output != null && !output.isBlank()) {
            return Path.of(output.replace("{vendor}", vendor));
        }
        if (locations.isEmpty()) {
            throw new BadInputException("No script location to write to; set migrator.autogenerate.output");
        }
        String location = locations.get(0).trim().replace("{vendor}", vendor);
        if (location.startsWith("classpath:")) {
            String path = location.substring("classpath:".length()).replaceFirst("^/+", "");
            return Path.of("src", "main", "resources").resolve(path);
        }
        return Path.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location);
    }
}
