package dev.migrator.flyway;

import dev.migrator.error.BadInputException;
import dev.migrator.error.ScriptException;
import dev.migrator.script.CallbackScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Flyway project's SQL migrations, read from its location folders (and their sub-folders, as
 * Flyway scans them) with Flyway's default naming: {@code V<version>__<description>.sql},
 * {@code U<version>__...} and {@code R__...}. Other files are listed as skipped, with the reason.
 *
 * @param versioned the versioned migrations in Flyway's version order
 * @param undo the undo migrations by version
 * @param repeatable the repeatable migrations in description order (the order Flyway runs them)
 * @param skipped files that are not SQL migrations migrator imports, each with why
 * @param callbacks SQL callbacks migrator runs too ({@code beforeMigrate.sql}, ...), in file order
 */
public record FlywayMigrations(List<FlywayMigration> versioned, Map<FlywayVersion, FlywayMigration> undo,
        List<FlywayMigration> repeatable, List<String> skipped, List<Path> callbacks) {

    private static final Pattern NAME = Pattern.compile("([VUR])(.*?)__(.+)\\.sql");
    /** Flyway's Java migrations, as sources or compiled, by its naming convention. */
    private static final Pattern JAVA_MIGRATION = Pattern.compile("[VUR].*__.+\\.(java|kt|class)");

    public FlywayMigrations {
        versioned = List.copyOf(versioned);
        undo = Map.copyOf(undo);
        repeatable = List.copyOf(repeatable);
        skipped = List.copyOf(skipped);
        callbacks = List.copyOf(callbacks);
    }

    /**
     * Reads the folders.
     *
     * @throws BadInputException naming both files when two migrations have the same version (as
     *     Flyway refuses), or naming a folder that does not exist
     */
    public static FlywayMigrations read(List<Path> folders) {
        Map<FlywayVersion, FlywayMigration> versioned = new TreeMap<>();
        Map<FlywayVersion, FlywayMigration> undo = new HashMap<>();
        List<FlywayMigration> repeatable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Path> callbacks = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new BadInputException("The Flyway location " + folder.toAbsolutePath().normalize()
                        + " is not a folder: give the folder of the V__ scripts (--flyway-locations), or run the"
                        + " command in the project whose flyway.conf or application.properties names them");
            }
            for (Path file : files(folder)) {
                if (isCallback(file, skipped)) {
                    callbacks.add(file);
                } else {
                    read(file, versioned, undo, repeatable, skipped);
                }
            }
        }
        for (FlywayVersion version : undo.keySet()) {
            if (!versioned.containsKey(version)) {
                skipped.add(undo.get(version).fileName() + ": an undo script for version " + version
                        + ", which no V script has");
            }
        }
        repeatable.sort(Comparator.comparing(FlywayMigration::description));
        return new FlywayMigrations(new ArrayList<>(versioned.values()), undo, repeatable, skipped, callbacks);
    }

    /** A SQL callback migrator runs too; one of Flyway's other callbacks is skipped, saying why. */
    private static boolean isCallback(Path file, List<String> skipped) {
        String name = file.getFileName().toString();
        try {
            return CallbackScript.eventOf(name, name) != null;
        } catch (ScriptException e) {
            skipped.add(name + ": a Flyway callback migrator does not run (its callbacks: beforeMigrate,"
                    + " beforeEachMigrate, afterEachMigrate, afterMigrate, beforeUndo, beforeEachUndo, afterEachUndo,"
                    + " afterUndo); a MigrationListener bean can do its work");
            return false;
        }
    }

    private static void read(Path file, Map<FlywayVersion, FlywayMigration> versioned,
            Map<FlywayVersion, FlywayMigration> undo, List<FlywayMigration> repeatable, List<String> skipped) {
        String name = file.getFileName().toString();
        if (JAVA_MIGRATION.matcher(name).matches()) {
            skipped.add(name + ": a Flyway Java migration, which the import does not convert; write a Java revision"
                    + " in its place (migrator revision --java CLASS --rev-id v<version> --head <the revision before>,"
                    + " then make the class implement dev.migrator.java.JavaRevision and point the next revision's"
                    + " down at it; docs/coming-from.md)");
            return;
        }
        if (!name.endsWith(".sql")) {
            if (!name.endsWith(".sql.conf")) {
                skipped.add(name + ": not a .sql file");
            }
            return;
        }
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            skipped.add(name + (name.startsWith("B") ? ": a baseline migration; migrator imports V, U and R scripts"
                    : ": not named V<version>__<description>.sql, U<version>__..., R__... or as a callback"));
            return;
        }
        String prefix = matcher.group(1);
        String versionText = matcher.group(2);
        String description = matcher.group(3).replace('_', ' ');
        if (prefix.equals("R")) {
            if (!versionText.isEmpty()) {
                skipped.add(name + ": a repeatable migration has no version");
                return;
            }
            repeatable.add(new FlywayMigration(FlywayMigration.Kind.REPEATABLE, null, description, file, text(file),
                    transactional(file)));
            return;
        }
        FlywayVersion version;
        try {
            version = FlywayVersion.parse(versionText);
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        FlywayMigration.Kind kind = prefix.equals("V") ? FlywayMigration.Kind.VERSIONED : FlywayMigration.Kind.UNDO;
        FlywayMigration migration = new FlywayMigration(kind, version, description, file, text(file),
                transactional(file));
        Map<FlywayVersion, FlywayMigration> byVersion = kind == FlywayMigration.Kind.VERSIONED ? versioned : undo;
        FlywayMigration other = byVersion.putIfAbsent(version, migration);
        if (other != null) {
            throw new BadInputException("Two Flyway migrations have version " + version + ": " + other.file() + " and "
                    + file + " (Flyway counts 1.1, 1_1 and 1.01 as one version); rename one, as Flyway would require");
        }
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    static String text(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Flyway's per-script configuration: {@code V1__x.sql.conf} holding {@code executeInTransaction=false}. */
    private static boolean transactional(Path file) {
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            return true;
        }
        try {
            for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
                String setting = line.replace(" ", "").toLowerCase(Locale.ROOT);
                if (setting.equals("executeintransaction=false")) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + conf + ": " + e.getMessage(), e);
        }
    }
}
