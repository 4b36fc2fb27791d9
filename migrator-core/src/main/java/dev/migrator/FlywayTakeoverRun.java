package dev.migrator;

import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.RunResult;
import dev.migrator.engine.ScriptCatalog;
import dev.migrator.error.BadInputException;
import dev.migrator.flyway.FlywayHistory;
import dev.migrator.flyway.FlywayHistoryTable;
import dev.migrator.flyway.FlywayTakeover;
import dev.migrator.graph.Revision;
import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.internal.engine.DatabaseState;
import dev.migrator.internal.engine.Engine;
import dev.migrator.internal.engine.LiveState;
import dev.migrator.internal.engine.StateSource;
import dev.migrator.script.RevisionScript;
import dev.migrator.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link Migrator#takeOverFlyway}: on one session, with the state read and the scripts loaded. */
final class FlywayTakeoverRun {

    private final MigratorConfig config;
    private final MigrationListener listener;

    FlywayTakeoverRun(MigratorConfig config, MigrationListener listener) {
        this.config = config;
        this.listener = listener;
    }

    FlywayTakeover run(Session session, BookkeepingTables tables, DatabaseState state, ScriptCatalog catalog,
            FlywayHistoryTable flywayTable) {
        if (state.versionTableExists()) {
            return new FlywayTakeover(FlywayTakeover.Outcome.ALREADY_MANAGED, null, null, null, state.rows(),
                    List.of(), null, Set.of());
        }
        List<List<@Nullable Object>> current = session.query(session.dialect().currentSchemaQuery());
        Object defaultSchema = current.isEmpty() ? null : current.get(0).get(0);
        if (defaultSchema == null && flywayTable.schema() == null) {
            throw new BadInputException("The connection has no default schema (database) to look for "
                    + flywayTable.table() + " in: name the schema of Flyway's table");
        }
        Optional<FlywayHistory> history = FlywayHistory.read(session, flywayTable, String.valueOf(defaultSchema));
        if (history.isEmpty()) {
            return new FlywayTakeover(FlywayTakeover.Outcome.NO_FLYWAY_HISTORY, null, null, null, state.rows(),
                    List.of(), null, Set.of());
        }
        List<String> ids = catalog.graph().revisions().stream().map(Revision::id).toList();
        FlywayHistory.Decision decision = history.get().decide(ids);
        Map<String, String> upgradeSql = new HashMap<>();
        for (RevisionScript script : catalog.scripts()) {
            upgradeSql.put(script.id(), script.upgrade().sql());
        }
        Map<String, String> repeatableSql = new HashMap<>();
        for (RevisionScript script : catalog.repeatables()) {
            repeatableSql.put(script.id(), script.upgrade().sql());
        }
        FlywayHistory.Repeatables repeatables = history.get().repeatables(repeatableSql);
        List<String> notes = new ArrayList<>(decision.notes());
        notes.addAll(history.get().editedSinceApplied(upgradeSql));
        notes.addAll(repeatables.notes());
        if (decision.target() == null) {
            return new FlywayTakeover(FlywayTakeover.Outcome.NOTHING_APPLIED, history.get().where(),
                    decision.topVersion(), null, state.rows(), notes, null, Set.of());
        }
        RunResult stamp;
        try {
            stamp = new Engine(catalog, config, listener).acceptingRepeatables(repeatables.unchanged())
                    .run(session, new UntakenState(catalog, state), tables,
                    Command.STAMP, List.of(decision.target()), false);
        } catch (TakenOverMeanwhile e) {
            return new FlywayTakeover(FlywayTakeover.Outcome.ALREADY_MANAGED, history.get().where(), null, null,
                    e.rows, List.of(), null, Set.of());
        }
        return new FlywayTakeover(FlywayTakeover.Outcome.TAKEN_OVER, history.get().where(),
                decision.topVersion(), decision.target(), stamp.rowsAfter(), notes, stamp, repeatables.unchanged());
    }

    /**
     * The state for a takeover's stamp: as read before, and under the lock as the database says,
     * unless another instance created migrator's version table meanwhile (and may have upgraded
     * past the Flyway version since): then the stamp must not run.
     */
    private static final class UntakenState implements StateSource {

        private final LiveState live;

        UntakenState(ScriptCatalog catalog, DatabaseState alreadyRead) {
            this.live = new LiveState(catalog, alreadyRead);
        }

        @Override
        public DatabaseState read(Session session, BookkeepingTables tables) {
            DatabaseState state = live.read(session, tables);
            if (state.versionTableExists()) {
                throw new TakenOverMeanwhile(state.rows());
            }
            return state;
        }
    }

    private static final class TakenOverMeanwhile extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final transient Set<String> rows;

        TakenOverMeanwhile(Set<String> rows) {
            super(null, null, false, false);
            this.rows = rows;
        }
    }
}
