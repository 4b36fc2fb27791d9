package dev.migrator.autogenerate;

import dev.migrator.Migrator;
import dev.migrator.autogenerate.render.DdlRenderers;
import dev.migrator.autogenerate.schema.CheckScope;
import dev.migrator.autogenerate.schema.Schema;
import dev.migrator.autogenerate.schema.SchemaComparison;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.error.BadInputException;
import dev.migrator.error.DatabaseException;
import dev.migrator.script.NewScript;
import dev.migrator.script.ScriptWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Compares the model with a migrated database and writes the revision that closes the gap, as
 * {@code alembic revision --autogenerate} does. migrator's own tables (the config's version and
 * history tables) and the tables matching an exclude pattern are left out of both sides.
 *
 * <pre>{@code
 * Autogenerate auto = Autogenerate.create(dataSource, config);
 * SchemaDiff diff = auto.compare(JpaModel.of(dataSource, Owner.class, Pet.class));
 * Path script = auto.writeRevision(diff, "add owner email", folder);
 * }</pre>
 */
public final class Autogenerate {

    private final DataSource dataSource;
    private final MigratorConfig config;
    private final List<Pattern> exclude;
    private final Clock clock;

    private Autogenerate(DataSource dataSource, MigratorConfig config, List<Pattern> exclude, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.exclude = List.copyOf(exclude);
        this.clock = clock;
    }

    public static Autogenerate create(DataSource dataSource, MigratorConfig config) {
        return new Autogenerate(dataSource, config, List.of(), Clock.systemUTC());
    }

    /**
     * The same, leaving out tables whose name matches one of {@code patterns} (globs: {@code *} any
     * run of characters, {@code ?} one; case is ignored), on both sides.
     */
    public Autogenerate excluding(List<String> patterns) {
        List<Pattern> all = new ArrayList<>(exclude);
        for (String pattern : patterns) {
            String regex = ("\\Q" + pattern.trim() + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            all.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
        return new Autogenerate(dataSource, config, all, clock);
    }

    /** The same with another clock (the {@code Created} line of the scripts). */
    public Autogenerate withClock(Clock clock) {
        return new Autogenerate(dataSource, config, exclude, clock);
    }

    /** Reads the database and compares it with {@code model}; changes nothing. */
    public SchemaDiff compare(Schema model) {
        Predicate<String> include = this::included;
        Dialect dialect;
        Schema database;
        try (Connection connection = dataSource.getConnection()) {
            dialect = config.dialect() != null ? Dialects.byName(config.dialect())
                    : Dialects.fromUrl(connection.getMetaData().getURL());
            database = DatabaseCatalog.read(connection, dialect, include);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the database's catalog: " + e.getMessage(), e);
        }
        Schema wanted = DatabaseCatalog.readsChecks(dialect) ? filtered(model) : CheckScope.none(filtered(model));
        database = CheckScope.limit(database, wanted);
        return new SchemaDiff(dialect, database, wanted, SchemaComparison.compare(database, wanted),
                SchemaComparison.compare(wanted, database));
    }

    /**
     * The text of the revision that brings the database to the model: parents are the scripts'
     * current heads, which the database must be at (a diff against an older revision would repeat
     * what a pending revision already does).
     */
    public String revision(SchemaDiff diff, String message, String revisionId) {
        Migrator migrator = Migrator.create(dataSource, config);
        Set<String> heads = new TreeSet<>(migrator.scripts(diff.dialect()).graph().heads());
        Set<String> current = new TreeSet<>(migrator.current());
        if (!current.equals(heads)) {
            throw new BadInputException("The database is at " + (current.isEmpty() ? "base" : current)
                    + ", not at the heads of the scripts " + (heads.isEmpty() ? "(none)" : heads)
                    + "; run upgrade heads first, so the comparison sees what the scripts make");
        }
        return render(diff, message, revisionId, current);
    }

    /**
     * The revision as it would follow the database's current revisions, whatever the scripts' heads
     * are: what {@link SchemaDrift} shows, where the point is the SQL, not where the file goes.
     */
    public String draft(SchemaDiff diff, String message) {
        return render(diff, message, "fix_schema_drift", new TreeSet<>(Migrator.create(dataSource, config).current()));
    }

    private String render(SchemaDiff diff, String message, String revisionId, Set<String> parents) {
        NewScript script = new NewScript(revisionId, List.copyOf(parents), message, List.of(), List.of());
        return RevisionText.render(new ScriptWriter(clock).render(script), diff,
                DdlRenderers.forDialect(diff.dialect()), header(diff, parents));
    }

    /** Writes {@link #revision} as {@code <id>_<slug>.sql} into {@code folder}; never overwrites. */
    public Path writeRevision(SchemaDiff diff, String message, Path folder) {
        String id = ScriptWriter.newRevisionId();
        String text = revision(diff, message, id);
        Path file = folder.resolve(ScriptWriter.fileName(new NewScript(id, List.of(), message, List.of(), List.of())));
        try {
            Files.createDirectories(folder);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private List<String> header(SchemaDiff diff, Set<String> current) {
        List<String> ignored = new ArrayList<>(ownTables());
        exclude.forEach(pattern -> ignored.add(pattern.pattern().replace("\\Q", "").replace("\\E", "")));
        return List.of(
                "Generated by migrator autogenerate: the JPA model (Hibernate " + org.hibernate.Version.getVersionString()
                        + ", " + diff.model().tables().size() + " tables) compared with the " + diff.dialect().name()
                        + " database at " + (current.isEmpty() ? "base" : String.join(", ", current)) + ".",
                "Review it before you commit it: a renamed table or column shows as dropped and added, and no data moves.",
                "Not compared: views, triggers, functions and procedures, check constraints other than on the columns",
                "the model checks (enums), comments, collations, partitioning, grants, and tables outside the default schema.",
                "Ignored tables: " + String.join(", ", ignored) + ".");
    }

    private boolean included(String table) {
        if (ownTables().stream().anyMatch(own -> own.equalsIgnoreCase(table))) {
            return false;
        }
        for (Pattern pattern : exclude) {
            if (pattern.matcher(table).matches()) {
                return false;
            }
        }
        return true;
    }

    /** migrator's tables: version, history, and the lock table H2 keeps beside the version table. */
    private List<String> ownTables() {
        return List.of(config.versionTable(), config.historyTable(), config.versionTable() + "_lock");
    }

    private Schema filtered(Schema model) {
        return Schema.of(model.tables().values().stream().filter(t -> included(t.name())).toList(),
                List.copyOf(model.sequences().values()));
    }
}
