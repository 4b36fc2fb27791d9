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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code migrator} command: the global options of docs/command-line.md and what every
 * subcommand needs from them (configuration, dialect, scripts, a database), so that the
 * subcommands stay thin.
 */
@Command(name = "migrator", mixinStandardHelpOptions = true, versionProvider = MigratorCli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Alembic-style schema migrations: revisions in a graph, run online or printed as SQL.",
        footer = {"", "Exit codes: 0 done, 1 database or migration failure, 2 bad input.",
                "Settings: flags, then environment (MIGRATOR_URL, DATABASE_URL, MIGRATOR_LOCATIONS, ... one "
                        + "MIGRATOR_* per option), then the Spring Boot project's application.properties/yml "
                        + "(migrator.*, spring.datasource.*), then defaults; `migrator config` shows which won."},
        subcommands = {UpgradeCommand.class, DowngradeCommand.class, StampCommand.class, CurrentCommand.class,
                HeadsCommand.class, BranchesCommand.class, HistoryCommand.class, ShowCommand.class,
                PendingCommand.class, CheckCommand.class, LintCommand.class, RevisionCommand.class, MergeCommand.class,
                ImportCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class})
public final class MigratorCli {

    static final String DEFAULT_LOCATION = "src/main/resources/db/migrations";

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "JDBC URL, or postgresql://user:pass@host:port/db style (default: $MIGRATOR_URL, then "
                    + "$DATABASE_URL, then migrator.url or spring.datasource.url of the project's application.*)")
    @Nullable String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER",
            description = "Database user (default: $MIGRATOR_USER, the project files' with their URL, or the URL's)")
    @Nullable String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "Database password (default: $MIGRATOR_PASSWORD, the project files' with their URL, or the URL's)")
    @Nullable String password;

    @Option(names = "--locations", scope = ScopeType.INHERIT, split = ",", paramLabel = "LOCATION",
            description = "Script folders, comma-separated: a path, filesystem:PATH or classpath:PATH; {vendor} is the "
                    + "dialect's name (default: $MIGRATOR_LOCATIONS, migrator.locations, else " + DEFAULT_LOCATION + ")")
    @Nullable List<String> locations;

    @Option(names = "--dialect", scope = ScopeType.INHERIT, paramLabel = "postgresql|mariadb|mysql|h2",
            description = "The database's dialect (default: read from the URL, which --sql never opens)")
    @Nullable String dialect;

    @Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
            description = "Version table (default: " + MigratorConfig.DEFAULT_VERSION_TABLE + ")")
    @Nullable String versionTable;

    @Option(names = "--version-table-schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA",
            description = "Schema of the version and history tables (default: the connection's)")
    @Nullable String versionTableSchema;

    @Option(names = "--history-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
            description = "History table (default: " + MigratorConfig.DEFAULT_HISTORY_TABLE + ")")
    @Nullable String historyTable;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "How long to wait for another run's lock: seconds, or 500ms, 30s, 5m, PT5M (default: 5m)")
    @Nullable String lockTimeout;

    @Option(names = "--transaction-per-migration", negatable = true, scope = ScopeType.INHERIT,
            description = "One transaction per revision; --no-transaction-per-migration runs all in one on "
                    + "PostgreSQL (default: true)")
    @Nullable Boolean transactionPerMigration;

    @Option(names = "--validate-checksums", negatable = true, scope = ScopeType.INHERIT,
            description = "Stop when an applied revision's script was edited (default: true)")
    @Nullable Boolean validateChecksums;

    @Option(names = "--fail-on-missing-locations", negatable = true, scope = ScopeType.INHERIT,
            description = "Stop upgrade, downgrade and stamp with exit 2 when the locations hold no script at all "
                    + "(default: true; --no-fail-on-missing-locations for a project without any)")
    @Nullable Boolean failOnMissingLocations;

    @Option(names = "--placeholder", scope = ScopeType.INHERIT, paramLabel = "NAME=VALUE",
            description = "A value for ${NAME} in the scripts; repeatable (also $MIGRATOR_PLACEHOLDERS_NAME and "
                    + "migrator.placeholders.NAME of the project's application.*; this flag wins)")
    @Nullable Map<String, String> placeholders;

    @Option(names = "--profile", scope = ScopeType.INHERIT, split = ",", paramLabel = "PROFILE",
            description = "Spring profiles whose application-PROFILE.* files to read (default: "
                    + "$SPRING_PROFILES_ACTIVE, then spring.profiles.active)")
    @Nullable List<String> profiles;

    @Option(names = "--class-path", scope = ScopeType.INHERIT, split = ",", paramLabel = "PATH",
            description = "Folders and jars to load Java revisions from (such as target/classes); comma-separated,"
                    + " repeatable. Java revisions that need the application's beans run from the application")
    @Nullable List<String> classPath;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print JSON (current, heads, branches, history, show, pending, check, lint)")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what happens and print stack traces of errors")
    boolean verbose;

    @Spec
    @Nullable CommandSpec spec;

    private final Map<String, String> environment;
    private final Path workDir;
    private @Nullable Settings settings;

    MigratorCli(Map<String, String> environment) {
        this(environment, Path.of(""));
    }

    MigratorCli(Map<String, String> environment, Path workDir) {
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
    }

    /** Runs the command line and returns its exit code; the entry point of {@link Main} and of tests. */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        return execute(Path.of(""), environment, out, err, args);
    }

    /** As {@link #execute(Map, PrintWriter, PrintWriter, String...)}, reading the project's files below {@code workDir}. */
    static int execute(Path workDir, Map<String, String> environment, PrintWriter out, PrintWriter err,
            String... args) {
        MigratorCli cli = new MigratorCli(environment, workDir);
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

    /** Every setting's value and origin: flags, then environment, then the project's files, then defaults. */
    Settings settings() {
        if (settings == null) {
            Map<Setting, String> flags = new EnumMap<>(Setting.class);
            put(flags, Setting.URL, url);
            put(flags, Setting.USER, user);
            put(flags, Setting.PASSWORD, password);
            put(flags, Setting.LOCATIONS, locations == null || locations.isEmpty() ? null : String.join(",", locations));
            put(flags, Setting.DIALECT, dialect);
            put(flags, Setting.VERSION_TABLE, versionTable);
            put(flags, Setting.VERSION_TABLE_SCHEMA, versionTableSchema);
            put(flags, Setting.HISTORY_TABLE, historyTable);
            put(flags, Setting.LOCK_TIMEOUT, lockTimeout);
            put(flags, Setting.TRANSACTION_PER_MIGRATION, transactionPerMigration);
            put(flags, Setting.VALIDATE_CHECKSUMS, validateChecksums);
            put(flags, Setting.FAIL_ON_MISSING_LOCATIONS, failOnMissingLocations);
            settings = Settings.resolve(flags, environment, ProjectProperties.load(workDir, profiles, environment),
                    workDir);
        }
        return settings;
    }

    /** The project folder: where the command line looks for application.* and flyway.conf. */
    Path workDir() {
        return workDir;
    }

    /** The project's application.properties/yml, with the active profiles. */
    ProjectProperties projectProperties() {
        return ProjectProperties.load(workDir, profiles, environment);
    }

    private static void put(Map<Setting, String> flags, Setting setting, @Nullable Object value) {
        if (value != null) {
            flags.put(setting, value.toString());
        }
    }

    /** The configuration of every run. */
    MigratorConfig config() {
        Settings given = settings();
        String named = given.value(Setting.DIALECT);
        return MigratorConfig.builder()
                .locations(given.locations())
                .schema(given.value(Setting.VERSION_TABLE_SCHEMA))
                .versionTable(String.valueOf(given.value(Setting.VERSION_TABLE)))
                .historyTable(String.valueOf(given.value(Setting.HISTORY_TABLE)))
                .lockTimeout(given.lockTimeout())
                .transactionPerMigration(given.flag(Setting.TRANSACTION_PER_MIGRATION))
                .validateChecksums(given.flag(Setting.VALIDATE_CHECKSUMS))
                .dialect(named == null ? null : Dialects.byName(named).name())
                .placeholders(placeholders())
                .build();
    }

    private Map<String, String> placeholders() {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        placeholderValues().forEach((name, given) -> values.put(name, given.value()));
        return values;
    }

    /**
     * Placeholder values with where each came from: the project's files, then the environment, then
     * {@code --placeholder}, each over the last (names match in any case, as in the scripts).
     */
    Map<String, ProjectProperties.Value> placeholderValues() {
        Map<String, ProjectProperties.Value> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        projectProperties().below("migrator.placeholders").forEach((name, value) -> values.put(name,
                new ProjectProperties.Value(value.value(), "migrator.placeholders." + name + " in " + value.origin())));
        MigratorConfig.placeholdersFromEnvironment(environment).forEach((name, value) -> values.put(name,
                new ProjectProperties.Value(value, "environment " + MigratorConfig.PLACEHOLDER_ENVIRONMENT_PREFIX
                        + name.toUpperCase(Locale.ROOT))));
        if (placeholders != null) {
            placeholders.forEach((name, value) -> values.put(name, new ProjectProperties.Value(value, "--placeholder")));
        }
        return values;
    }

    boolean failOnMissingLocations() {
        return settings().flag(Setting.FAIL_ON_MISSING_LOCATIONS);
    }

    /** The URL from the option, the environment or the project's files, or null when none is given. */
    @Nullable ConnectionSettings connectionSettings() {
        String given = settings().value(Setting.URL);
        if (given == null || given.isBlank()) {
            return null;
        }
        return ConnectionSettings.parse(given).withCredentials(settings().value(Setting.USER),
                settings().value(Setting.PASSWORD));
    }

    /** The dialect for offline scripts: {@code --dialect}, else read from the URL without opening it. */
    Dialect offlineDialect() {
        String named = settings().value(Setting.DIALECT);
        if (named != null) {
            return Dialects.byName(named);
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
        if (settings().value(Setting.DIALECT) != null || connectionSettings() != null) {
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
        return online((migrator, dataSource) -> work.apply(migrator));
    }

    /** As {@link #online(Function)}, for work that also needs the pool itself (lint --locks). */
    <T> T online(BiFunction<Migrator, DataSource, T> work) {
        ConnectionSettings settings = connectionSettings();
        if (settings == null) {
            throw new BadInputException("No database URL: give --url, or set MIGRATOR_URL or DATABASE_URL, or "
                    + "spring.datasource.url in the project's application.properties or application.yml");
        }
        MigratorConfig config = config();
        if (config.dialect() == null) {
            config = config.toBuilder().dialect(Dialects.fromUrl(settings.jdbcUrl()).name()).build();
        }
        try (Database database = Database.open(settings)) {
            Migrator migrator = Migrator.create(database.dataSource(), config);
            if (classPath == null || classPath.isEmpty()) {
                return work.apply(migrator, database.dataSource());
            }
            try (JavaClassPath javaClasses = JavaClassPath.of(workDir, classPath)) {
                return work.apply(javaClasses.apply(migrator), database.dataSource());
            }
        }
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
