package dev.migrator.autogenerate.boot;

import dev.migrator.Migrator;
import dev.migrator.autogenerate.Autogenerate;
import dev.migrator.autogenerate.JpaModel;
import dev.migrator.autogenerate.SchemaDiff;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Brings the database to the heads, compares the persistence unit with it, and then either writes
 * the revision (nothing when they agree) or, as a check, reports the differences; then ends the
 * application, with exit code 1 for a check that found differences. Runs after migrator's runner.
 */
public final class AutogenerateRunner implements ApplicationRunner, Ordered {

    private static final Log LOG = LogFactory.getLog(AutogenerateRunner.class);

    private final Migrator migrator;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final AutogenerateProperties properties;
    private final ConfigurableApplicationContext context;
    private volatile @Nullable Path written;
    private volatile int exitCode;

    AutogenerateRunner(Migrator migrator, DataSource dataSource, EntityManagerFactory entityManagerFactory,
            AutogenerateProperties properties, ConfigurableApplicationContext context) {
        this.migrator = migrator;
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.getUrl() != null) {
            LOG.info("migrator autogenerate: on the scratch database " + properties.getUrl());
        }
        migrator.upgrade("heads");
        Autogenerate autogenerate = Autogenerate.create(dataSource, migrator.config()).excluding(properties.getExclude());
        SchemaDiff diff = autogenerate.compare(JpaModel.of(dataSource, entityManagerFactory));
        String message = properties.getMessage();
        if (diff.isEmpty()) {
            LOG.info("migrator autogenerate: the entities and the " + diff.dialect().name()
                    + " database agree; nothing to write");
        } else if (properties.isCheck() || message == null || message.isBlank()) {
            exitCode = 1;
            LOG.error("migrator autogenerate check: the entities and the " + diff.dialect().name()
                    + " database differ:\n" + diff.describe() + "\n\nThis revision would bring the database to the model:\n\n"
                    + autogenerate.draft(diff, "match the JPA model"));
        } else {
            Path folder = OutputFolder.of(properties.getOutput(), migrator.config().locations(), diff.dialect().name());
            Path file = autogenerate.writeRevision(diff, message, folder);
            written = file;
            LOG.info("migrator autogenerate: wrote " + file + " (" + diff.count() + "):\n"
                    + diff.describe());
        }
        if (properties.isExit()) {
            int code = exitCode;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    /** The script this run wrote, if any. */
    public @Nullable Path written() {
        return written;
    }

    /** 0, or 1 when a check found differences. */
    public int exitCode() {
        return exitCode;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
