package dev.migrator.autogenerate.boot;

import dev.migrator.Migrator;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The generate run (present only when {@code migrator.autogenerate.message} is set) and the check
 * ({@code migrator.autogenerate.check=true}), each in
 * place of serving (see {@link AutogenerateEnvironment}). It uses the application's own
 * {@link Migrator}, {@link DataSource} and persistence unit, so the model is mapped with the
 * application's settings and naming strategies.
 */
@AutoConfiguration(afterName = {"dev.migrator.autoconfigure.MigratorAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnExpression("'${migrator.autogenerate.message:}' != '' or '${migrator.autogenerate.check:false}' == 'true'")
@ConditionalOnBean({Migrator.class, DataSource.class, EntityManagerFactory.class})
@EnableConfigurationProperties(AutogenerateProperties.class)
public final class AutogenerateAutoConfiguration {

    @Bean
    AutogenerateRunner migratorAutogenerateRunner(Migrator migrator, DataSource dataSource,
            EntityManagerFactory entityManagerFactory, AutogenerateProperties properties,
            ConfigurableApplicationContext context) {
        return new AutogenerateRunner(migrator, dataSource, entityManagerFactory, properties, context);
    }
}
