package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.MigratorProperties.OnStartup;
import dev.migrator.engine.Command;
import dev.migrator.engine.RunResult;
import dev.migrator.flyway.FlywayHistoryTable;
import dev.migrator.flyway.FlywayTakeover;
import dev.migrator.graph.Revision;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/** What happens at startup, whichever phase runs it: the strategy bean, or {@code migrator.on-startup}. */
final class MigratorStartup {

    private static final Log LOG = LogFactory.getLog(MigratorStartup.class);

    private final Migrator migrator;
    private final MigratorProperties properties;
    private final @Nullable MigratorStartupStrategy strategy;
    private final @Nullable MigrationConnection connection;
    private boolean scriptsChecked;

    MigratorStartup(Migrator migrator, MigratorProperties properties, @Nullable MigratorStartupStrategy strategy,
            @Nullable MigrationConnection connection) {
        this.migrator = migrator;
        this.properties = properties;
        this.strategy = strategy;
        this.connection = connection;
    }

    /**
     * Fails when the locations hold no script, unless {@code migrator.fail-on-missing-locations=false}:
     * an empty location would otherwise boot a service "up to date at base" on an empty schema. A
     * strategy bean decides for itself, and {@code on-startup=none} reads no script.
     */
    void checkScripts() {
        if (scriptsChecked || strategy != null || properties.getOnStartup() == OnStartup.NONE
                || !properties.isFailOnMissingLocations()) {
            return;
        }
        migrator.requireScripts();
        scriptsChecked = true;
    }

    void run() {
        try {
            if (strategy != null) {
                strategy.onStartup(migrator);
                return;
            }
            checkScripts();
            OnStartup mode = properties.getOnStartup();
            switch (mode) {
                case UPGRADE -> upgrade();
                case VALIDATE -> validate();
                case EXPORT -> export();
                case NONE -> LOG.debug("migrator.on-startup=none: leaving the database as it is");
            }
        } finally {
            if (connection != null) {
                connection.release();
            }
        }
    }

    private void upgrade() {
        if (properties.getFlywayTakeover().isEnabled()) {
            takeOverFlyway(); // before the lint, which would otherwise see every imported revision as pending
        }
        RunResult result = new StartupLint(properties.getLint()).upgrade(migrator, properties.getTarget());
        if (result.stepsRun() == 0) {
            // Not "up to date": a database ahead of these scripts is at revisions they lack, which the engine warns of.
            LOG.info("Nothing to upgrade to " + properties.getTarget() + ": the database is at "
                    + describe(result.rowsAfter().stream().sorted().toList()));
        } else {
            LOG.info(String.format(Locale.ROOT, "Applied %d revision(s) in %d ms; database now at %s",
                    result.stepsRun(), result.durationMillis(), describe(result.rowsAfter().stream().sorted().toList())));
        }
    }

    private void takeOverFlyway() {
        MigratorProperties.FlywayTakeover settings = properties.getFlywayTakeover();
        FlywayTakeover takeover = migrator.takeOverFlyway(new FlywayHistoryTable(settings.getSchema(), settings.getTable()));
        takeover.notes().forEach(note -> LOG.warn("Flyway takeover: " + note));
        switch (takeover.outcome()) {
            case TAKEN_OVER -> LOG.info("Took over from Flyway: " + takeover.flywayTable() + " shows version "
                    + takeover.topVersion() + " applied; stamped " + takeover.revision() + " without running anything."
                    + " Flyway's table stays as it was; migrator.flyway-takeover.enabled can go once every database"
                    + " is taken over" + (takeover.recordedRepeatables().isEmpty() ? "" : ". Recorded as run, unchanged"
                    + " since Flyway ran them: " + String.join(", ", takeover.recordedRepeatables())));
            case NOTHING_APPLIED -> LOG.info("Flyway takeover: " + takeover.flywayTable()
                    + " shows nothing applied that a script here has; upgrading from base");
            case ALREADY_MANAGED, NO_FLYWAY_HISTORY -> LOG.debug("Flyway takeover: nothing to take over ("
                    + takeover.outcome() + ")");
        }
    }

    /** Plans without running: drifted checksums and unknown version rows fail here with the engine's message. */
    private void validate() {
        String target = properties.getTarget();
        Plan plan = migrator.plan(Command.UPGRADE, target);
        if (!plan.isEmpty()) {
            List<Revision> pending = plan.steps().stream().map(Step::revision).toList();
            throw new PendingMigrationsException(target, plan.rowsBefore(), pending);
        }
        LOG.info("Database validated: nothing pending up to " + target);
    }

    private void export() {
        // MigratorPropertiesCheck refused on-startup=export without an output while the context refreshed.
        Path output = Objects.requireNonNull(properties.getOfflineExport().getOutput(), "migrator.offline-export.output");
        String target = properties.getTarget();
        int revisions = migrator.plan(Command.UPGRADE, target).steps().size();
        String script = migrator.scriptFromCurrent(Command.UPGRADE, target);
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the offline script to " + output, e);
        }
        LOG.info(String.format(Locale.ROOT, "Wrote the offline upgrade script to %s (%d revision(s) up to %s); the "
                + "database was not changed", output.toAbsolutePath(), revisions, target));
    }

    private static String describe(List<String> rows) {
        return rows.isEmpty() ? "base" : String.join(", ", rows);
    }
}
