package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import dev.migrator.flyway.FlywayHistoryTable;
import dev.migrator.flyway.FlywayPlaceholderSyntax;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where a Flyway project keeps its migrations and its history table: the {@code --flyway-*} flags,
 * then {@code flyway.conf} or {@code flyway.toml} (in the working directory or its {@code conf/}),
 * then {@code spring.flyway.*} in the project's application files, then Flyway's defaults.
 */
final class FlywaySettings {

    private static final String DEFAULT_LOCATION = "classpath:db/migration";
    private static final List<String> PLACEHOLDER_KEYS =
            List.of("placeholderReplacement", "placeholderPrefix", "placeholderSuffix");

    /** Where Flyway's history table is: the flags of {@code stamp --from-flyway}. */
    static final class TableFlags {

        @Option(names = "--flyway-table", paramLabel = "TABLE",
                description = "Flyway's history table (default: flyway.table, spring.flyway.table, else "
                        + FlywayHistoryTable.DEFAULT_TABLE + ")")
        @Nullable String table;

        @Option(names = "--flyway-schema", paramLabel = "SCHEMA",
                description = "The schema of Flyway's history table (default: the first of flyway.schemas or"
                        + " spring.flyway.schemas, flyway.defaultSchema, else the connection's)")
        @Nullable String schema;
    }

    private final Map<String, Value> values;
    private final Path workDir;

    /** A setting's value and where it came from, for the output. */
    record Value(List<String> items, String origin) {
        String first() {
            return items.get(0);
        }
    }

    private FlywaySettings(Map<String, Value> values, Path workDir) {
        this.values = values;
        this.workDir = workDir;
    }

    /**
     * @param locations {@code --flyway-locations}, or null
     * @param flags the table flags, or null
     */
    static FlywaySettings resolve(@Nullable List<String> locations, @Nullable TableFlags flags, Path workDir,
            ProjectProperties project) {
        Map<String, Value> values = new LinkedHashMap<>();
        readSpring(project, values);
        readConf(workDir, values);
        readToml(workDir, values);
        if (locations != null && !locations.isEmpty()) {
            values.put("locations", new Value(List.copyOf(locations), "--flyway-locations"));
        }
        if (flags != null && flags.table != null) {
            values.put("table", new Value(List.of(flags.table), "--flyway-table"));
        }
        if (flags != null && flags.schema != null) {
            values.put("schemas", new Value(List.of(flags.schema), "--flyway-schema"));
        }
        return new FlywaySettings(values, workDir);
    }

    /** The location folders on disk; {@code vendor} replaces {@code {vendor}}, as Spring Boot does. */
    List<Path> locationFolders(String vendor) {
        List<Path> folders = new ArrayList<>();
        for (String location : locations().items()) {
            String resolved = location.strip().replace("{vendor}", vendor);
            if (resolved.startsWith("filesystem:")) {
                folders.add(workDir.resolve(resolved.substring("filesystem:".length())).normalize());
            } else {
                // Flyway reads an unprefixed location from the class path too.
                String path = resolved.startsWith("classpath:") ? resolved.substring("classpath:".length()) : resolved;
                folders.add(workDir.resolve("src/main/resources").resolve(path.replaceFirst("^/+", "")).normalize());
            }
        }
        return folders;
    }

    Value locations() {
        Value value = values.get("locations");
        return value != null ? value : new Value(List.of(DEFAULT_LOCATION), "Flyway's default");
    }

    boolean locationsNameVendor() {
        return locations().items().stream().anyMatch(location -> location.contains("{vendor}"));
    }

    FlywayHistoryTable historyTable() {
        Value table = values.get("table");
        Value schemas = values.get("schemas");
        Value defaultSchema = values.get("defaultSchema");
        String schema = schemas != null ? schemas.first() : defaultSchema != null ? defaultSchema.first() : null;
        return new FlywayHistoryTable(schema, table != null ? table.first() : FlywayHistoryTable.DEFAULT_TABLE);
    }

    /** Flyway's placeholder settings, with what set them (none: Flyway's defaults). */
    FlywayPlaceholderSyntax placeholderSyntax() {
        Value replacement = values.get("placeholderReplacement");
        Value prefix = values.get("placeholderPrefix");
        Value suffix = values.get("placeholderSuffix");
        FlywayPlaceholderSyntax defaults = FlywayPlaceholderSyntax.DEFAULT;
        return new FlywayPlaceholderSyntax(replacement == null || !replacement.first().equalsIgnoreCase("false"),
                prefix == null ? defaults.prefix() : prefix.first(), suffix == null ? defaults.suffix() : suffix.first());
    }

    /** Where the placeholder settings came from, for the output; null when Flyway's defaults hold. */
    @Nullable String placeholderOrigin() {
        List<String> origins = new ArrayList<>();
        for (String key : List.of("placeholderReplacement", "placeholderPrefix", "placeholderSuffix")) {
            Value value = values.get(key);
            if (value != null && !origins.contains(value.origin())) {
                origins.add(value.origin());
            }
        }
        return origins.isEmpty() ? null : String.join(", ", origins);
    }

    private static void readSpring(ProjectProperties project, Map<String, Value> values) {
        put(values, "locations", project.get("spring.flyway.locations"));
        put(values, "table", project.get("spring.flyway.table"));
        put(values, "schemas", project.get("spring.flyway.schemas"));
        put(values, "defaultSchema", project.get("spring.flyway.default-schema"));
        putWhole(values, "placeholderReplacement", project.get("spring.flyway.placeholder-replacement"));
        putWhole(values, "placeholderPrefix", project.get("spring.flyway.placeholder-prefix"));
        putWhole(values, "placeholderSuffix", project.get("spring.flyway.placeholder-suffix"));
    }

    /** A value that is one item, commas and spaces included (a placeholder prefix may hold either). */
    private static void putWhole(Map<String, Value> values, String key, ProjectProperties.@Nullable Value value) {
        if (value != null && !value.value().isEmpty()) {
            values.put(key, new Value(List.of(value.value()), value.origin()));
        }
    }

    private static void put(Map<String, Value> values, String key, ProjectProperties.@Nullable Value value) {
        if (value != null && !value.value().isBlank()) {
            values.put(key, new Value(ProjectProperties.split(value.value()), value.origin()));
        }
    }

    private static void readConf(Path workDir, Map<String, Value> values) {
        for (Path file : List.of(workDir.resolve("flyway.conf"), workDir.resolve("conf/flyway.conf"))) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new BadInputException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            for (String key : List.of("locations", "table", "schemas", "defaultSchema")) {
                String value = properties.getProperty("flyway." + key);
                if (value != null && !value.isBlank()) {
                    values.put(key, new Value(ProjectProperties.split(value), workDir.relativize(file).toString()));
                }
            }
            for (String key : PLACEHOLDER_KEYS) {
                String value = properties.getProperty("flyway." + key);
                if (value != null && !value.isEmpty()) {
                    values.put(key, new Value(List.of(value.strip()), workDir.relativize(file).toString()));
                }
            }
        }
    }

    /** The {@code [flyway]} table of {@code flyway.toml}: strings and arrays of strings, all this needs. */
    private static void readToml(Path workDir, Map<String, Value> values) {
        for (Path file : List.of(workDir.resolve("flyway.toml"), workDir.resolve("conf/flyway.toml"))) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInputException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            String table = "";
            for (String raw : lines) {
                String line = raw.strip();
                if (line.startsWith("[")) {
                    table = line.replaceAll("[\\[\\]\\s]", "");
                    continue;
                }
                int equals = line.indexOf('=');
                if (!table.equals("flyway") || line.startsWith("#") || equals < 0) {
                    continue;
                }
                String key = line.substring(0, equals).strip();
                if (PLACEHOLDER_KEYS.contains(key)) {
                    String value = line.substring(equals + 1).strip().replaceAll("^\"|\"$", "");
                    values.put(key, new Value(List.of(value), workDir.relativize(file).toString()));
                } else if (List.of("locations", "table", "schemas", "defaultSchema").contains(key)) {
                    String value = line.substring(equals + 1).strip().replaceAll("^\\[|]$", "");
                    List<String> items = new ArrayList<>();
                    for (String item : ProjectProperties.split(value)) {
                        items.add(item.replaceAll("^[\"']|[\"']$", ""));
                    }
                    values.put(key, new Value(items, workDir.relativize(file).toString()));
                }
            }
        }
    }
}
