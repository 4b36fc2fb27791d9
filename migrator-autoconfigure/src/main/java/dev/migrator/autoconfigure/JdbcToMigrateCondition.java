package dev.migrator.autoconfigure;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Something to migrate over JDBC: a DataSource bean, JDBC connection details, or {@code migrator.url}.
 * The JDBC auto-configuration needs it; the R2DBC one needs its opposite ({@link Absent}), so JDBC
 * wins in a service that has both.
 */
final class JdbcToMigrateCondition extends AnyNestedCondition {

    JdbcToMigrateCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    private static final class DataSourceBeanCondition {
    }

    @ConditionalOnBean(JdbcConnectionDetails.class)
    private static final class JdbcConnectionDetailsCondition {
    }

    @ConditionalOnProperty("migrator.url")
    private static final class MigratorUrlCondition {
    }

    /** Nothing to migrate over JDBC. */
    static final class Absent extends SpringBootCondition implements ConfigurationCondition {

        private final JdbcToMigrateCondition jdbc = new JdbcToMigrateCondition();

        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.REGISTER_BEAN;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionOutcome outcome = jdbc.getMatchOutcome(context, metadata);
            return new ConditionOutcome(!outcome.isMatch(), outcome.getConditionMessage());
        }
    }
}
