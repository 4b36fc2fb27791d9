package dev.migrator.cli;

import dev.migrator.error.BadInputException;
import dev.migrator.flyway.FlywayImport;
import dev.migrator.flyway.FlywayPlaceholderSyntax;
import dev.migrator.flyway.FlywayMigrations;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import flyway}: a Flyway project's V (and U) scripts as a line of revisions, its R scripts as
 * repeatable revisions, written into the first filesystem location. Writes all of them or none; connects to nothing.
 */
@Command(name = "flyway", mixinStandardHelpOptions = true, description = "Write a revision for each Flyway V<version>__ script (U<version>__ undo"
        + " scripts become downgrade sections, R__ scripts repeatable revisions); connects to nothing. Then take each database over with"
        + " `migrator stamp --from-flyway`.")
final class ImportFlywayCommand implements Callable<Integer> {

    @ParentCommand
    ImportCommand parent;

    @Option(names = "--flyway-locations", split = ",", paramLabel = "LOCATION",
            description = "Flyway's locations: filesystem:PATH, or classpath:PATH read below src/main/resources"
                    + " (default: flyway.conf/flyway.toml, spring.flyway.locations, else classpath:db/migration)")
    @Nullable List<String> locations;

    @Override
    public Integer call() {
        MigratorCli cli = parent.cli;
        PrintWriter out = cli.out();
        FlywaySettings settings = FlywaySettings.resolve(locations, null, cli.workDir(), cli.projectProperties());
        String vendor = settings.locationsNameVendor() ? cli.scriptDialect().name() : "";
        List<Path> folders = settings.locationFolders(vendor);
        FlywayImport.Result imported = FlywayImport.of(FlywayMigrations.read(folders), settings.placeholderSyntax());
        if (imported.scripts().stream().allMatch(script -> script.source().version() == null)) {
            throw new BadInputException("No Flyway V<version>__<description>.sql script in " + shown(cli, folders)
                    + " (locations from " + settings.locations().origin() + "): nothing to import");
        }
        Path folder = cli.writeFolder();
        List<Path> files = checked(cli, folder, imported);
        List<Path> callbackFiles = checkedCallbacks(folder, imported);
        out.println("Read " + imported.scripts().size() + " Flyway migrations from " + shown(cli, folders)
                + " (locations from " + settings.locations().origin() + ")");
        String placeholderOrigin = settings.placeholderOrigin();
        if (placeholderOrigin != null) {
            FlywayPlaceholderSyntax syntax = settings.placeholderSyntax();
            out.println("Placeholders as Flyway replaced them (" + placeholderOrigin + "): " + (!syntax.replacement()
                    ? "none, so every script says -- migrator:placeholders false and callbacks escape ${"
                    : syntax.isMigrators() ? "${name}, as migrator does"
                    : syntax.prefix() + "name" + syntax.suffix() + ", rewritten to migrator's ${name} (any ${name}"
                            + " that was text to Flyway is escaped as \\${name})"));
        }
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < files.size(); i++) {
                FlywayImport.ImportedScript script = imported.scripts().get(i);
                Files.writeString(files.get(i), script.text(), StandardCharsets.UTF_8);
                out.println("Wrote " + shown(cli, List.of(files.get(i))) + " (" + script.source().fileName() + ")");
            }
            for (int i = 0; i < callbackFiles.size(); i++) {
                FlywayImport.ImportedCallback callback = imported.callbacks().get(i);
                Files.writeString(callbackFiles.get(i), callback.text(), StandardCharsets.UTF_8);
                out.println("Copied " + shown(cli, List.of(callbackFiles.get(i))) + " (callback, from "
                        + shown(cli, List.of(callback.source())) + ")");
            }
        } catch (IOException e) {
            throw new BadInputException("Cannot write into " + folder + ": " + e.getMessage(), e);
        }
        for (String note : imported.notes()) {
            out.println("note: " + note);
        }
        String last = imported.scripts().stream().filter(script -> script.source().version() != null)
                .reduce((first, second) -> second).map(FlywayImport.ImportedScript::revisionId).orElseThrow(); // one at least, checked above
        out.println("Next: on each database Flyway migrated, run `migrator stamp --from-flyway` (it reads "
                + settings.historyTable().table() + " and stamps the revision of the newest version applied, " + last
                + " when all ran), or set migrator.flyway-takeover.enabled=true in the service; then remove Flyway.");
        out.flush();
        return 0;
    }

    /**
     * The files to write, after checking that none exists and that the new revisions fit the
     * scripts already there (no id taken twice), so that a failed import leaves nothing behind.
     */
    private static List<Path> checked(MigratorCli cli, Path folder, FlywayImport.Result imported) {
        List<RevisionScript> scripts = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            scripts.addAll(cli.catalog().scripts());
            scripts.addAll(cli.catalog().repeatables());
        }
        List<Path> files = new ArrayList<>();
        for (FlywayImport.ImportedScript script : imported.scripts()) {
            Path file = folder.resolve(script.fileName());
            if (Files.exists(file)) {
                throw new BadInputException(file + " exists already: the migrations were imported before; remove the"
                        + " imported scripts to import again");
            }
            files.add(file);
            scripts.add(ScriptParser.parse(script.text(), file.toString()));
        }
        ScriptCatalog.of(scripts); // an id the existing scripts already use fails here, naming both files
        return files;
    }

    /** The callbacks' files, each new and named once: migrator runs them by name, from any location. */
    private static List<Path> checkedCallbacks(Path folder, FlywayImport.Result imported) {
        List<Path> files = new ArrayList<>();
        for (FlywayImport.ImportedCallback callback : imported.callbacks()) {
            Path file = folder.resolve(callback.fileName());
            if (Files.exists(file) || files.contains(file)) {
                throw new BadInputException(file + " exists already, or two Flyway locations hold a "
                        + callback.fileName() + ": rename one as <event>__<description>.sql (" + callback.source()
                        + "), as Flyway allows, and import again");
            }
            files.add(file);
        }
        return files;
    }

    private static String shown(MigratorCli cli, List<Path> paths) {
        List<String> shown = new ArrayList<>();
        Path base = cli.workDir().toAbsolutePath().normalize();
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            shown.add(absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString());
        }
        return String.join(", ", shown);
    }
}
