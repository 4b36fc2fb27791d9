package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import dev.migrator.script.ScriptLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The effective value of every {@link Setting} and where it came from. Precedence: flags, then
 * the environment, then the project's Spring Boot files, then the defaults. A user and password
 * in the files go with the files' URL only: with a URL from a flag or the environment they would
 * log in to another database.
 */
final class Settings {

    /**
     * A value and its origin, for {@code config}.
     *
     * @param service whether it is the service's own configuration: a property in its files, or
     *     that property's environment variable in Boot's spelling ({@code SPRING_DATASOURCE_URL})
     */
    record Resolved(@Nullable String value, String source, boolean service) {
    }

    private static final String CLASSPATH = "classpath:";

    private final Map<Setting, Resolved> resolved = new EnumMap<>(Setting.class);
    private final ProjectProperties files;
    private final Path workDir;

    private Settings(ProjectProperties files, Path workDir) {
        this.files = files;
        this.workDir = workDir;
    }

    static Settings resolve(Map<Setting, String> flags, Map<String, String> environment, ProjectProperties files,
            Path workDir) {
        Settings settings = new Settings(files, workDir);
        for (Setting setting : Setting.values()) {
            settings.resolved.put(setting, settings.find(setting, flags, environment));
        }
        if (!settings.resolved.get(Setting.URL).service()) {
            for (Setting credential : List.of(Setting.USER, Setting.PASSWORD)) {
                Resolved value = settings.resolved.get(credential);
                if (value.service()) {
                    settings.resolved.put(credential, new Resolved(null, "not used: " + value.source()
                            + " goes with the service's URL, and the URL came from elsewhere", false));
                }
            }
        }
        return settings;
    }

    private Resolved find(Setting setting, Map<Setting, String> flags, Map<String, String> environment) {
        String flag = flags.get(setting);
        if (flag != null) {
            return new Resolved(flag, "--" + setting.settingName(), false);
        }
        for (String variable : setting.variables()) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return new Resolved(projectLocations(setting, value), variable, false);
            }
        }
        // As Boot reads them: per property, its environment variable over the files.
        for (String property : setting.properties()) {
            String variable = ProjectProperties.environmentName(property);
            String fromEnvironment = environment.get(variable);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return new Resolved(projectLocations(setting, fromEnvironment), variable, true);
            }
            ProjectProperties.Value value = files.get(property);
            if (value != null) {
                return new Resolved(projectLocations(setting, value.value()), property + " in " + value.origin(), true);
            }
        }
        return new Resolved(setting.defaultValue(), "default", false);
    }

    /**
     * Locations written for the service ({@code classpath:db/migrations}) name folders under
     * {@code src/main/resources}, where the build copies the class path from.
     */
    private String projectLocations(Setting setting, String value) {
        if (setting != Setting.LOCATIONS) {
            return value;
        }
        List<String> mapped = new ArrayList<>();
        for (String location : value.split(",")) {
            String trimmed = location.strip();
            if (trimmed.regionMatches(true, 0, CLASSPATH, 0, CLASSPATH.length())) {
                mapped.add(workDir.resolve("src/main/resources").resolve(ScriptLocation.parse(trimmed).path()).toString());
            } else if (!trimmed.isEmpty()) {
                mapped.add(trimmed);
            }
        }
        return String.join(",", mapped);
    }

    @Nullable String value(Setting setting) {
        return resolved.get(setting).value();
    }

    Resolved resolved(Setting setting) {
        return resolved.get(setting);
    }

    boolean flag(Setting setting) {
        String value = value(setting);
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new BadInputException(setting.settingName() + " must be true or false, not '" + value + "' (from "
                + resolved.get(setting).source() + ")");
    }

    List<String> locations() {
        List<String> locations = new ArrayList<>();
        for (String location : String.valueOf(value(Setting.LOCATIONS)).split(",")) {
            if (!location.isBlank()) {
                locations.add(location.strip());
            }
        }
        return locations;
    }

    /** As Boot reads {@code migrator.lock-timeout}: {@code 30} (seconds), {@code 500ms}, {@code 5m}, {@code PT5M}. */
    Duration lockTimeout() {
        String text = String.valueOf(value(Setting.LOCK_TIMEOUT)).strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            int unit = 0;
            while (unit < text.length() && (Character.isDigit(text.charAt(unit)) || text.charAt(unit) == '-')) {
                unit++;
            }
            long amount = Long.parseLong(text.substring(0, unit));
            return switch (text.substring(unit).strip()) {
                case "", "s" -> Duration.ofSeconds(amount);
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new NumberFormatException(text);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadInputException("lock-timeout '" + text + "' (from " + resolved.get(Setting.LOCK_TIMEOUT).source()
                    + ") is not a duration: give seconds (30) or 500ms, 30s, 5m, 1h, or PT5M", e);
        }
    }

    ProjectProperties files() {
        return files;
    }
}
