package dev.migrator.cli;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.BadInputException;
import dev.migrator.script.ScriptLocation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code migrator} command: the global options of SPEC section 6 and what every
 * subcommand needs from them (configuration, dialect, scripts, a database), so that the
 * subcommands stay thin.
 */
@Command(name = "migrator", mixinStandardHelpOptions = true, versionProvider = MigratorCli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Alembic-style schema migrations: revisions in a graph, run online or printed as SQL.",
        footer = {"", "Exit codes: 0 done, 1 database or migration failure, 2 bad input.",
                "Environment: MIGRATOR_URL, then DATABASE_URL; MIGRATOR_USER, MIGRATOR_PASSWORD."},
        subcommands = {UpgradeCommand.class, DowngradeCommand.class, StampCommand.class, CurrentCommand.class,
                HeadsCommand.class, BranchesCommand.class, HistoryCommand.class, ShowCommand.class,
                PendingCommand.class, CheckCommand.class, RevisionCommand.class, MergeCommand.class,
                CommandLine.HelpCommand.class})
public final class MigratorCli {

    static final String DEFAULT_LOCATION = "src/main/resources/db/migrations";

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "JDBC URL, or postgresql://user:pass@host:port/db style (default: $MIGRATOR_URL, then $DATABASE_URL)")
    @Nullable String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER", description = "Database user (default: $MIGRATOR_USER, or the URL's)")
    @Nullable String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "Database password (default: $MIGRATOR_PASSWORD, or the URL's)")
    @Nullable String password;

    @Option(names = "--locations", scope = ScopeType.INHERIT, split = ",", paramLabel = "LOCATION",
            description = "Script folders, comma-separated: a path, filesystem:PATH or classpath:PATH; {vendor} is the "
                    + "dialect's name (default: " + DEFAULT_LOCATION + ")")
    @Nullable List<String> locations;

    @Option(names = "--dialect", scope = ScopeType.INHERIT, paramLabel = "postgresql|mariadb|mysql|h2",
            description = "The database's dialect (default: read from the URL, which --sql never opens)")
    @Nullable String dialect;

    @Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
            description = "Version table (default: " + MigratorConfig.DEFAULT_VERSION_TABLE + ")")
    String versionTable = MigratorConfig.DEFAULT_VERSION_TABLE;

    @Option(names = "--version-table-schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA",
            description = "Schema of the version and history tables (default: the connection's)")
    @Nullable String versionTableSchema;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print JSON (current, heads, branches, history, show, pending, check)")
    boolean json;

    @Option(names = "--no-validate-checksums", scope = ScopeType.INHERIT,
            description = "Do not stop when an applied revision's script was edited")
    boolean noValidateChecksums;

    @Option(names = "--fail-on-missing-locations", negatable = true, defaultValue = "true", fallbackValue = "true",
            scope = ScopeType.INHERIT, description = "Stop upgrade, downgrade and stamp with exit 2 when the locations "
                    + "hold no script at all (default: true; --no-fail-on-missing-locations for a project without any)")
    boolean failOnMissingLocations = true;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what happens and print stack traces of errors")
    boolean verbose;

    @Spec
    @Nullable CommandSpec spec;

    private final Map<String, String> environment;

    MigratorCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Runs the command line and returns its exit code; the entry point of {@link Main} and of tests. */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        MigratorCli cli = new MigratorCli(environment);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // `migrator COMMAND --help` and `-h` for every command, as `migrator help COMMAND` does.
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            if (!subcommand.getCommandSpec().mixinStandardHelpOptions()) {
                subcommand.getCommandSpec().mixinStandardHelpOptions(true);
            }
        }
        ErrorHandler errors = new ErrorHandler(() -> cli.verbose);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setExecutionStrategy(parseResult -> {
            Logging.configure(cli.verbose);
            return new CommandLine.RunLast().execute(parseResult);
        });
        int exit = commandLine.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    PrintWriter out() {
        return commandLine().getOut();
    }

    PrintWriter err() {
        return commandLine().getErr();
    }

    boolean json() {
        return json;
    }

    private CommandLine commandLine() {
        if (spec == null) {
            throw new IllegalStateException("not run by picocli");
        }
        return spec.commandLine();
    }

    /** The configuration of every run: global options over the defaults. */
    MigratorConfig config() {
        List<String> given = locations == null || locations.isEmpty() ? List.of(DEFAULT_LOCATION) : locations;
        return MigratorConfig.builder()
                .locations(given)
                .schema(versionTableSchema)
                .versionTable(versionTable)
                .validateChecksums(!noValidateChecksums)
                .dialect(dialect == null ? null : Dialects.byName(dialect).name())
                .build();
    }

    /** The URL from the option or the environment, or null when none is given. */
    @Nullable ConnectionSettings connectionSettings() {
        String given = firstNonBlank(url, environment.get("MIGRATOR_URL"), environment.get("DATABASE_URL"));
        if (given == null) {
            return null;
        }
        return ConnectionSettings.parse(given).withCredentials(
                firstNonBlank(user, environment.get("MIGRATOR_USER")),
                password != null ? password : environment.get("MIGRATOR_PASSWORD"));
    }

    /** The dialect for offline scripts: {@code --dialect}, else read from the URL without opening it. */
    Dialect offlineDialect() {
        if (dialect != null) {
            return Dialects.byName(dialect);
        }
        ConnectionSettings settings = connectionSettings();
        if (settings == null) {
            throw new BadInputException("--sql needs to know the database: give --dialect (postgresql, mariadb, mysql, h2)"
                    + " or a URL (--url, MIGRATOR_URL or DATABASE_URL; it is not opened)");
        }
        return Dialects.fromUrl(settings.jdbcUrl());
    }

    /**
     * The dialect that places {@code {vendor}} locations for commands that only read scripts.
     * Any dialect reads scripts alike, so without {@code {vendor}} none needs to be named.
     */
    Dialect scriptDialect() {
        if (dialect != null || connectionSettings() != null) {
            return offlineDialect();
        }
        if (config().locations().stream().anyMatch(location -> location.contains("{vendor}"))) {
            throw new BadInputException("The locations contain {vendor}: give --dialect or a URL to say which database");
        }
        return Dialects.byName("postgresql");
    }

    /** The scripts and their graph, validated; no database. */
    ScriptCatalog catalog() {
        return Migrator.offline(config()).scripts(scriptDialect());
    }

    /** The folder {@code revision} and {@code merge} write into: the first filesystem location. */
    Path writeFolder() {
        for (String location : config().locations()) {
            ScriptLocation parsed = ScriptLocation.parse(location);
            if (!parsed.classpath()) {
                return Path.of(parsed.path().contains("{vendor}") ? parsed.forVendor(scriptDialect().name()).path()
                        : parsed.path());
            }
        }
        throw new BadInputException("New scripts go into a filesystem location, but --locations names only classpath "
                + "ones: " + String.join(", ", config().locations()));
    }

    /** Runs {@code work} against the database and closes the connection pool afterwards. */
    <T> T online(Function<Migrator, T> work) {
        ConnectionSettings settings = connectionSettings();
        if (settings == null) {
            throw new BadInputException("No database URL: give --url, or set MIGRATOR_URL or DATABASE_URL");
        }
        MigratorConfig config = config();
        if (config.dialect() == null) {
            config = config.toBuilder().dialect(Dialects.fromUrl(settings.jdbcUrl()).name()).build();
        }
        try (Database database = Database.open(settings)) {
            return work.apply(Migrator.create(database.dataSource(), config));
        }
    }

    private static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The version in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MigratorCli.class.getPackage().getImplementationVersion();
            return new String[] {"migrator " + (version == null ? "(development build)" : version)};
        }
    }
}
