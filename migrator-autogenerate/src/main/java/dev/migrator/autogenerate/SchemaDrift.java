package dev.migrator.autogenerate;

import dev.migrator.autogenerate.schema.Schema;
import dev.migrator.config.MigratorConfig;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;

/**
 * The check, for tests: fails when the model and the migrated database differ, with the changes
 * and the revision that would fix them in the message.
 *
 * <pre>{@code
 * @Test
 * void entitiesMatchTheMigratedSchema(@Autowired DataSource dataSource, @Autowired EntityManagerFactory emf) {
 *     SchemaDrift.assertNone(dataSource, emf);
 * }
 * }</pre>
 */
public final class SchemaDrift {

    private SchemaDrift() {
    }

    /** For a Spring Boot (or any JPA) application: its persistence unit against its database, default tables. */
    public static void assertNone(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
        assertNone(Autogenerate.create(dataSource, MigratorConfig.defaults()), JpaModel.of(dataSource, entityManagerFactory));
    }

    public static void assertNone(DataSource dataSource, Class<?>... entities) {
        assertNone(Autogenerate.create(dataSource, MigratorConfig.defaults()), JpaModel.of(dataSource, entities));
    }

    /** The check with a configured comparison (another version table, exclusions). */
    public static void assertNone(Autogenerate autogenerate, Schema model) {
        SchemaDiff diff = autogenerate.compare(model);
        if (!diff.isEmpty()) {
            String revision = autogenerate.draft(diff, "match the JPA model");
            throw new AssertionError("The JPA model and the " + diff.dialect().name() + " database differ ("
                    + diff.count() + "):\n" + diff.describe()
                    + "\n\nThis revision would bring the database to the model:\n\n" + revision);
        }
    }
}
