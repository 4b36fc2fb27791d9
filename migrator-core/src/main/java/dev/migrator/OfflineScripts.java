package dev.migrator;

import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialect;
import dev.migrator.engine.Command;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.lint.Finding;
import dev.migrator.lint.LintSettings;
import java.util.List;
import java.util.Set;

/**
 * What migrator does without a database: the SQL scripts a DBA runs with psql or the mariadb
 * client, and the scripts as read. Its own type, so that nothing here can try to connect.
 *
 * <pre>{@code
 * String sql = Migrator.offline(config).script(Dialects.byName("postgresql"), Command.UPGRADE, "base:heads");
 * }</pre>
 */
public final class OfflineScripts {

    private final Migrator scripts;

    OfflineScripts(Migrator scripts) {
        this.scripts = scripts;
    }

    /** Where {@code classpath:} locations are read from. */
    public OfflineScripts withClassLoader(ClassLoader classLoader) {
        return new OfflineScripts(Migrator.withoutDatabase(config(), classLoader));
    }

    public MigratorConfig config() {
        return scripts.config();
    }

    /**
     * The offline script of a command.
     *
     * @param range {@code START:END}; for upgrade and stamp a bare target means {@code base:TARGET}
     */
    public String script(Dialect dialect, Command command, String range) {
        return scripts.script(dialect, command, range);
    }

    /** The script of a stamp to one or more targets, from base. */
    public String stampScript(Dialect dialect, List<String> targets) {
        return scripts.stampScript(dialect, targets, false);
    }

    /**
     * The script of {@code stamp --purge}: it empties the version table, whatever it holds, then
     * stamps the targets, in one transaction (the repair for a version table that cannot be right).
     */
    public String purgeAndStampScript(Dialect dialect, List<String> targets) {
        return scripts.stampScript(dialect, targets, true);
    }

    /** The scripts and their graph, as the dialect sees them ({@code {vendor}} locations). */
    public ScriptCatalog scripts(Dialect dialect) {
        return scripts.scripts(dialect);
    }

    /** The lint findings of the {@code selected} revisions, as the dialect runs them. */
    public List<Finding> lint(Dialect dialect, LintSettings settings, Set<String> selected) {
        return scripts.lint(dialect, settings, selected);
    }

    /**
     * Fails when the locations hold no script at all for this dialect.
     *
     * @throws dev.migrator.error.NoScriptsException naming each location and the folders beside it
     */
    public void requireScripts(Dialect dialect) {
        scripts.requireScripts(dialect);
    }
}
