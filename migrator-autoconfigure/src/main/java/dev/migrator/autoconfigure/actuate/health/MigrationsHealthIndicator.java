package dev.migrator.autoconfigure.actuate.health;

import dev.migrator.Migrator;
import dev.migrator.engine.MigrationStatus;
import java.util.Locale;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health contributor {@code migrations}: UP when nothing is pending, the configured status
 * ({@code migrator.health.pending-status}) otherwise. A database ahead of the scripts, which a
 * newer release migrated during a rolling deploy, has nothing pending for this one and is UP.
 * Reads the database on every check, like Boot's {@code db} contributor; a failed read is DOWN.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

    private final Migrator migrator;
    private final Status pendingStatus;

    public MigrationsHealthIndicator(Migrator migrator, String pendingStatus) {
        super("Cannot read the migration status");
        this.migrator = migrator;
        this.pendingStatus = new Status(pendingStatus.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationStatus status = migrator.status();
        builder.status(status.pending().isEmpty() ? Status.UP : pendingStatus)
                .withDetail("state", status.state().label())
                .withDetail("current", status.current().stream().sorted().toList())
                .withDetail("heads", status.heads().stream().sorted().toList())
                .withDetail("pending", status.pending().size());
    }
}
