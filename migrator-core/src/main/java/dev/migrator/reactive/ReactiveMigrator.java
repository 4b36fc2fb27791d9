package dev.migrator.reactive;

import dev.migrator.Migrator;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialect;
import dev.migrator.dialect.Dialects;
import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.engine.RunResult;
import dev.migrator.internal.session.R2dbcSession;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * migrator over an R2DBC {@link ConnectionFactory}: the same engine, bookkeeping, locking and
 * errors as over JDBC. Every call returns a {@link Mono} that runs the work on a thread that
 * may block ({@code boundedElastic}), never on the caller's event loop. Cancelling the
 * subscription closes the connection, so the database rolls back the running revision and
 * releases the lock. {@link #blocking()} gives the plain {@link Migrator} for startup code.
 */
public final class ReactiveMigrator {

    private final ConnectionFactory factory;
    private final MigratorConfig config;
    private final MigrationListener listener;

    private ReactiveMigrator(ConnectionFactory factory, MigratorConfig config, MigrationListener listener) {
        this.factory = factory;
        this.config = config;
        this.listener = listener;
    }

    public static ReactiveMigrator create(ConnectionFactory factory, MigratorConfig config) {
        return new ReactiveMigrator(factory, config, MigrationListener.NONE);
    }

    public ReactiveMigrator withListener(MigrationListener listener) {
        return new ReactiveMigrator(factory, config, listener);
    }

    /** The blocking facade over the same connection factory, for startup and the command line. */
    public Migrator blocking() {
        return migrator(() -> R2dbcSession.open(factory, dialect()));
    }

    public Mono<RunResult> upgrade(String target) {
        return call(migrator -> migrator.upgrade(target));
    }

    public Mono<RunResult> downgrade(String target) {
        return call(migrator -> migrator.downgrade(target));
    }

    /** See {@link Migrator#stamp(String...)}. */
    public Mono<RunResult> stamp(String... targets) {
        List<String> copy = List.of(targets);
        return call(migrator -> migrator.stamp(copy));
    }

    /** See {@link Migrator#purgeAndStamp(String...)}. */
    public Mono<RunResult> purgeAndStamp(String... targets) {
        List<String> copy = List.of(targets);
        return call(migrator -> migrator.purgeAndStamp(copy));
    }

    public Mono<RunResult> run(Command command, String target) {
        return call(migrator -> migrator.run(command, target));
    }

    public Mono<MigrationStatus> status() {
        return call(Migrator::status);
    }

    public Mono<Set<String>> current() {
        return call(Migrator::current);
    }

    public Mono<List<HistoryEntry>> history(int limit) {
        return call(migrator -> migrator.history(limit));
    }

    /** The offline script from the database's current revisions to {@code target}; changes nothing. */
    public Mono<String> scriptFromCurrent(Command command, String target) {
        return call(migrator -> migrator.scriptFromCurrent(command, target));
    }

    private <T> Mono<T> call(Function<Migrator, T> work) {
        return Mono.defer(() -> {
            // The sessions of this one call, so that a cancel can close exactly them.
            List<R2dbcSession> open = new CopyOnWriteArrayList<>();
            Migrator migrator = migrator(() -> {
                R2dbcSession session = R2dbcSession.open(factory, dialect());
                open.add(session);
                return session;
            });
            return Mono.fromCallable(() -> work.apply(migrator))
                    // Looked up per call, not at creation: blocking() users never start the scheduler.
                    .subscribeOn(Schedulers.boundedElastic())
                    .doOnCancel(() -> open.forEach(R2dbcSession::abort));
        });
    }

    private Migrator migrator(Supplier<R2dbcSession> sessions) {
        return Migrator.create(sessions, config).withListener(listener);
    }

    private @Nullable Dialect dialect() {
        return config.dialect() == null ? null : Dialects.byName(config.dialect());
    }
}
