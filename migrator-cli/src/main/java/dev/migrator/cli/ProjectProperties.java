package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Spring Boot project's {@code application.properties} and {@code application.yml}, read from
 * where Boot reads them when the service runs from the project folder: {@code src/main/resources}
 * (the class path root), {@code src/main/resources/config}, the working directory and its
 * {@code config} folder, later ones winning, and a folder's {@code .properties} over its
 * {@code .yml}. Profile files ({@code application-PROFILE.*}) win over all of those.
 * {@code ${NAME}} and {@code ${NAME:default}} are resolved against the environment and the
 * files, as Boot does.
 */
final class ProjectProperties {

    /** A property's raw value and where it was read: the file, and the document for YAML. */
    record Value(String value, String origin) {
    }

    private static final List<String> FOLDERS = List.of("src/main/resources", "src/main/resources/config", ".", "config");

    private final Map<String, Value> values;
    private final Map<String, String> environment;
    private final List<String> profiles;
    private final String profilesOrigin;
    private final List<Path> files;

    private ProjectProperties(Map<String, Value> values, Map<String, String> environment, List<String> profiles,
            String profilesOrigin, List<Path> files) {
        this.values = values;
        this.environment = environment;
        this.profiles = profiles;
        this.profilesOrigin = profilesOrigin;
        this.files = files;
    }

    /**
     * @param profiles the active profiles ({@code --profile}), or null to take them from
     *     {@code SPRING_PROFILES_ACTIVE}, then {@code spring.profiles.active} in the files
     */
    static ProjectProperties load(Path workDir, @Nullable List<String> profiles, Map<String, String> environment) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        List<String> active = profiles;
        String origin = "--profile";
        if (active == null && environment.get("SPRING_PROFILES_ACTIVE") != null) {
            active = split(environment.get("SPRING_PROFILES_ACTIVE"));
            origin = "SPRING_PROFILES_ACTIVE";
        }
        // Which YAML documents apply depends on the profiles, which the base files may name: read twice.
        List<String> provisional = active != null ? active : List.of();
        readAll(workDir, "application", provisional, values, files);
        if (active == null) {
            Value named = values.get("spring.profiles.active");
            active = named == null ? List.of() : split(named.value());
            origin = named == null ? "none" : "spring.profiles.active in " + named.origin();
            if (!active.isEmpty()) {
                values.clear();
                files.clear();
                readAll(workDir, "application", active, values, files);
            }
        }
        for (String profile : active) {
            readAll(workDir, "application-" + profile, active, values, files);
        }
        return new ProjectProperties(values, environment, List.copyOf(active), origin, List.copyOf(files));
    }

    private static void readAll(Path workDir, String name, List<String> profiles, Map<String, Value> values,
            List<Path> files) {
        for (String folder : FOLDERS) {
            Path dir = workDir.resolve(folder).normalize();
            for (String extension : List.of(".yaml", ".yml", ".properties")) {
                Path file = dir.resolve(name + extension);
                if (Files.isRegularFile(file)) {
                    files.add(file);
                    String shown = workDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
                            .toString();
                    if (extension.equals(".properties")) {
                        readProperties(file, shown, values);
                    } else {
                        readYaml(file, shown, profiles, values);
                    }
                }
            }
        }
    }

    private static void readProperties(Path file, String shown, Map<String, Value> values) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in); // ISO-8859-1 with escapes, as Boot reads .properties files
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("Cannot read " + shown + ": " + e.getMessage(), e);
        }
        for (String key : properties.stringPropertyNames()) {
            values.put(key, new Value(properties.getProperty(key).strip(), shown));
        }
    }

    private static void readYaml(Path file, String shown, List<String> profiles, Map<String, Value> values) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int document = 0;
            for (Object root : yaml.loadAll(in)) {
                document++;
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", root, flat);
                String onProfile = flat.get("spring.config.activate.on-profile");
                if (onProfile != null && split(onProfile).stream().noneMatch(profiles::contains)) {
                    continue;
                }
                String origin = shown + (document > 1 ? " (document " + document + ")" : "");
                flat.forEach((key, value) -> values.put(key, new Value(value, origin)));
            }
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("Cannot read " + shown + ": " + ErrorHandler.oneLine(e.getMessage()), e);
        }
    }

    /** Nested maps as dotted keys; a list both as {@code key[i]} and as one comma-separated {@code key}. */
    private static void flatten(String prefix, @Nullable Object node, Map<String, String> flat) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey(),
                        entry.getValue(), flat);
            }
        } else if (node instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
                items.add(String.valueOf(list.get(i)));
            }
            flat.put(prefix, String.join(",", items));
        } else if (node != null && !prefix.isEmpty()) {
            flat.put(prefix, String.valueOf(node));
        }
    }

    /** A comma-separated list, items stripped, blanks dropped. */
    static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /**
     * The properties below {@code prefix} (with its dot) by the rest of their name, values resolved, with their file:
     * a map property such as {@code migrator.placeholders.tenant}; {@code prefix[key]} counts too.
     */
    Map<String, Value> below(String prefix) {
        Map<String, Value> found = new LinkedHashMap<>();
        for (String name : values.keySet()) {
            String key = name.startsWith(prefix + ".") ? name.substring(prefix.length() + 1)
                    : name.startsWith(prefix + "[") && name.endsWith("]") ? name.substring(prefix.length() + 1,
                            name.length() - 1) : null;
            Value value = key == null || key.isEmpty() ? null : get(name);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    /** A property's value with placeholders resolved, or null when no file sets it. */
    @Nullable Value get(String name) {
        Value raw = values.get(name);
        if (raw == null) {
            List<String> items = new ArrayList<>(); // migrator.locations[0]=... in a .properties file
            String origin = null;
            for (int i = 0; values.containsKey(name + "[" + i + "]"); i++) {
                Value item = values.get(name + "[" + i + "]");
                items.add(item.value());
                origin = item.origin();
            }
            if (origin == null) {
                return null;
            }
            raw = new Value(String.join(",", items), origin);
        }
        return new Value(resolve(raw.value(), name, raw.origin(), 0), raw.origin());
    }

    private String resolve(String text, String name, String origin, int depth) {
        int start = text.indexOf("${");
        if (start < 0) {
            return text;
        }
        int end = text.indexOf('}', start);
        if (end < 0 || depth > 10) {
            return text;
        }
        String placeholder = text.substring(start + 2, end);
        int colon = placeholder.indexOf(':');
        String key = colon < 0 ? placeholder : placeholder.substring(0, colon);
        String found = lookup(key);
        if (found == null && colon >= 0) {
            found = placeholder.substring(colon + 1);
        }
        if (found == null) {
            throw new BadInputException(name + " in " + origin + " uses ${" + key + "}, which is not set: set the "
                    + "environment variable " + environmentName(key) + ", or give the value with a flag");
        }
        String resolved = text.substring(0, start) + resolve(found, name, origin, depth + 1) + text.substring(end + 1);
        return resolve(resolved, name, origin, depth + 1);
    }

    private @Nullable String lookup(String key) {
        String value = environment.get(key);
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        if (value == null) {
            Value property = values.get(key);
            value = property == null ? null : property.value();
        }
        return value;
    }

    /** Boot's relaxed name of a property in the environment: {@code spring.datasource.url} is {@code SPRING_DATASOURCE_URL}. */
    static String environmentName(String property) {
        return property.replace('.', '_').replace("-", "").replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
    }

    List<String> profiles() {
        return profiles;
    }

    String profilesOrigin() {
        return profilesOrigin;
    }

    List<Path> files() {
        return files;
    }
}
