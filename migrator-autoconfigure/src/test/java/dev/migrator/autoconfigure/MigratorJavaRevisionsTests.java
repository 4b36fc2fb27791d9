package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.java.JavaRevision;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Java revisions in a service: one the application declares as a bean, one the bean factory creates
 * with the application's services, both at a real boot on H2 and PostgreSQL.
 */
class MigratorJavaRevisionsTests {

    @TempDir
    Path dir;

    /** An application service a data migration needs. */
    static final class MailDomains {
        private final String domain;

        MailDomains(String domain) {
            this.domain = domain;
        }

        String move(String email) {
            return email.substring(0, email.indexOf('@') + 1) + domain;
        }
    }

    /** Declared as a bean by the application, with the service. */
    public static final class MoveMailDomain implements JavaRevision {
        private final MailDomains domains;

        MoveMailDomain(MailDomains domains) {
            this.domains = domains;
        }

        @Override
        public void upgrade(Connection connection) throws Exception {
            List<String> emails = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT email FROM person")) {
                while (rows.next()) {
                    emails.add(rows.getString(1));
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE person SET email = ? WHERE email = ?")) {
                for (String email : emails) {
                    update.setString(1, domains.move(email));
                    update.setString(2, email);
                    update.executeUpdate();
                }
            }
        }
    }

    /** No bean: the bean factory creates it, injecting the service into its constructor. */
    public static final class AddPostmaster implements JavaRevision {
        private final MailDomains domains;

        public AddPostmaster(MailDomains domains) {
            this.domains = domains;
        }

        @Override
        public void upgrade(Connection connection) throws Exception {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO person (email) VALUES (?)")) {
                insert.setString(1, domains.move("postmaster@"));
                insert.executeUpdate();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Application {

        @Bean
        MailDomains mailDomains() {
            return new MailDomains("new.example");
        }

        @Bean
        MoveMailDomain moveMailDomain(MailDomains domains) {
            return new MoveMailDomain(domains);
        }
    }

    private void scripts() throws Exception {
        Files.writeString(dir.resolve("a_person.sql"), """
                -- migrator:revision a
                -- migrator:upgrade
                CREATE TABLE person (email varchar(100));
                INSERT INTO person (email) VALUES ('ann@old.example');
                """);
        javaScript("b", "a", MoveMailDomain.class);
        javaScript("c", "b", AddPostmaster.class);
    }

    private void javaScript(String id, String parent, Class<? extends JavaRevision> type) throws Exception {
        Files.writeString(dir.resolve(id + "_java.sql"), "-- migrator:revision " + id + "\n-- migrator:down " + parent
                + "\n-- migrator:java " + type.getName() + "\n-- migrator:java-version 1\n-- migrator:upgrade\n");
    }

    private ApplicationContextRunner runner(TestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        MigratorAutoConfiguration.class, MigratorStartupAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "migrator.locations=filesystem:" + dir,
                        "migrator.phase=initialization");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL"})
    void aBeanAndAClassTheBeanFactoryCreatesMigrateWithTheApplicationsServices(DatabaseKind kind) throws Exception {
        scripts();
        try (TestDatabase db = TestDatabase.create(kind)) {
            runner(db).withUserConfiguration(Application.class).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(emails(db)).containsExactly("ann@new.example", "postmaster@new.example");
                // Created for the run, not registered: the application's beans stay its own.
                assertThat(context).doesNotHaveBean(AddPostmaster.class);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL"})
    void aJavaRevisionWhoseDependencyIsMissingFailsTheBootBeforeAnythingIsApplied(DatabaseKind kind)
            throws Exception {
        scripts();
        try (TestDatabase db = TestDatabase.create(kind)) {
            runner(db).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasStackTraceContaining("Java revision b (")
                        .hasStackTraceContaining("Spring could not create " + MoveMailDomain.class.getName())
                        .hasStackTraceContaining("Nothing was applied");
                assertThat(db.tableNames()).doesNotContain("person", "migrator_version");
            });
        }
    }

    private static List<String> emails(TestDatabase db) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT email FROM person ORDER BY email")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
