package dev.migrator.autoconfigure.actuate.endpoint;

import dev.migrator.Migrator;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.engine.MigrationStatus;
import dev.migrator.graph.Revision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

/**
 * {@code GET /actuator/migrations}: where every {@link Migrator} bean's database stands against its
 * scripts, read live on each request, in the shape of Spring Boot's {@code flyway} endpoint. It
 * shows revisions and history only: no URL, user or password.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

    /** The newest history rows shown; the command line's {@code history} shows all of them. */
    static final int HISTORY_LIMIT = 100;

    private final ApplicationContext context;

    public MigrationsEndpoint(ApplicationContext context) {
        this.context = context;
    }

    @ReadOperation
    public MigrationsDescriptor migrations() {
        Map<String, ContextMigratorsDescriptor> contexts = new LinkedHashMap<>();
        ApplicationContext target = context;
        while (target != null) {
            Map<String, MigratorDescriptor> migrators = new LinkedHashMap<>();
            target.getBeansOfType(Migrator.class).forEach((name, migrator) -> migrators.put(name, describe(migrator)));
            ApplicationContext parent = target.getParent();
            contexts.put(target.getId(), new ContextMigratorsDescriptor(migrators, parent == null ? null : parent.getId()));
            target = parent;
        }
        return new MigrationsDescriptor(contexts);
    }

    private static MigratorDescriptor describe(Migrator migrator) {
        MigrationStatus status = migrator.status();
        return new MigratorDescriptor(sorted(status.current()), sorted(status.heads()), status.state().label(),
                status.pending().stream().map(RevisionDescriptor::of).toList(),
                status.drifted().stream().map(RevisionDescriptor::of).toList(),
                migrator.history(HISTORY_LIMIT).stream().map(AppliedDescriptor::of).toList());
    }

    private static List<String> sorted(Set<String> revisions) {
        return revisions.stream().sorted().toList();
    }

    /** Every application context, from this one up through its parents. */
    public record MigrationsDescriptor(Map<String, ContextMigratorsDescriptor> contexts)
            implements OperationResponseBody {
    }

    /** The Migrator beans of one context, by bean name. */
    public record ContextMigratorsDescriptor(Map<String, MigratorDescriptor> migrators, @Nullable String parentId) {
    }

    /**
     * One database against its scripts.
     *
     * @param current the version rows
     * @param heads the heads of the scripts
     * @param state {@code up-to-date}, {@code pending}, {@code ahead} or {@code diverged}
     * @param pending what {@code upgrade heads} would apply, in order
     * @param drifted applied revisions whose scripts were edited since they ran
     * @param applied the newest history rows, newest first
     */
    public record MigratorDescriptor(List<String> current, List<String> heads, String state,
            List<RevisionDescriptor> pending, List<RevisionDescriptor> drifted, List<AppliedDescriptor> applied) {
    }

    /** A revision of the scripts; {@code script} is the file or classpath resource it was read from. */
    public record RevisionDescriptor(String revision, String message, List<String> parents, String script) {

        static RevisionDescriptor of(Revision revision) {
            return new RevisionDescriptor(revision.id(), revision.message(), revision.parents(), revision.source());
        }
    }

    /** A row of the history table; {@code by} is the database user that ran the step. */
    public record AppliedDescriptor(String revision, String direction, String outcome, @Nullable String message,
            @Nullable String checksum, @Nullable Instant appliedAt, @Nullable Long durationMillis, String by) {

        static AppliedDescriptor of(HistoryEntry entry) {
            return new AppliedDescriptor(entry.revision(), entry.direction().label(), entry.outcome().label(), entry.message(),
                    entry.checksum(), entry.appliedAt(), entry.durationMs(), entry.appliedBy());
        }
    }
}
