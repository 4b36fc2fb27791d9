package dev.migrator.samplejpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.autogenerate.SchemaDrift;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The check that fails a build when an entity changes without a revision: the service starts on a
 * fresh database of each kind (migrator upgrades it to its scripts' heads, Hibernate validates it),
 * and the entities must match the migrated schema, checks and keys included.
 */
class SchemaDriftTests {

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void theEntitiesMatchTheSchemaTheScriptsMake(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind);
                ConfigurableApplicationContext context = new SpringApplicationBuilder(PetClinicApplication.class)
                        .web(WebApplicationType.NONE)
                        .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                                "--spring.datasource.password=" + db.password())) {
            assertThat(db.tableNames()).contains("owners", "pets", "visits", "vet_specialties", "migrator_version");

            SchemaDrift.assertNone(context.getBean(DataSource.class), context.getBean(EntityManagerFactory.class));
        }
    }
}
