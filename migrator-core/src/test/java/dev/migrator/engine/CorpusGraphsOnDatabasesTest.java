package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.Corpora;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three real-world graphs, each revision creating one small table: upgrade heads, then
 * downgrade base, on PostgreSQL and MariaDB.
 */
class CorpusGraphsOnDatabasesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} on {1} over {2}")
    @CsvSource({
        "truenas__middleware, POSTGRESQL, JDBC", "openstack__neutron, POSTGRESQL, JDBC",
        "cds-snc__notification-api, POSTGRESQL, JDBC", "truenas__middleware, MARIADB, JDBC",
        "openstack__neutron, MARIADB, JDBC", "cds-snc__notification-api, MARIADB, JDBC",
        "truenas__middleware, POSTGRESQL, R2DBC", "openstack__neutron, POSTGRESQL, R2DBC",
        "cds-snc__notification-api, POSTGRESQL, R2DBC", "truenas__middleware, MARIADB, R2DBC",
        "openstack__neutron, MARIADB, R2DBC", "cds-snc__notification-api, MARIADB, R2DBC"})
    void upgradeHeadsThenDowngradeBase(String corpus, DatabaseKind kind, Transport transport) throws Exception {
        List<String> ids = CorpusScripts.write(Corpora.file("alembic-graphs/" + corpus + ".tsv"), dir);
        Set<String> heads = CorpusScripts.heads(Corpora.file("alembic-graphs/" + corpus + ".tsv"));
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = transport.migrator(db, MigratorConfig.builder().locations("filesystem:" + dir).build());
            assertThat(migrator.upgrade("heads").stepsRun()).isEqualTo(ids.size());
            assertThat(Databases.versionRows(db)).isEqualTo(new TreeSet<>(heads));
            assertThat(db.tableNames().stream().filter(t -> t.startsWith("t_")).count()).isEqualTo(ids.size());

            assertThat(migrator.downgrade("base").stepsRun()).isEqualTo(ids.size());
            assertThat(Databases.versionRows(db)).isEmpty();
            assertThat(db.tableNames().stream().filter(t -> t.startsWith("t_"))).isEmpty();
        }
    }

}
