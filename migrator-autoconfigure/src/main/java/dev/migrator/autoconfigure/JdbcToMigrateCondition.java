package dev.migrator.autoconfigure;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Something to migrate over JDBC: a DataSource bean, JDBC connection details, or {@code migrator.url}.
 * The JDBC auto-configuration needs it; the R2DBC one needs its opposite ({@link Absent}), so JDBC
 * wins in a service that has both. Names its JDBC types by name: a reactive service without Spring's
 * JDBC support evaluates it too.
 */
final class JdbcToMigrateCondition extends AnyNestedCondition {

    JdbcToMigrateCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    private static final class DataSourceBeanCondition {
    }

    @ConditionalOnBean(type = MigratorAutoConfiguration.SPRING_BOOT_JDBC)
    private static final class JdbcConnectionDetailsCondition {
    }

    @ConditionalOnProperty("migrator.url")
    private static final class MigratorUrlCondition {
    }

    /** Nothing to migrate over JDBC, or no Spring JDBC support to migrate with ({@code migrator-starter-r2dbc}). */
    static final class Absent extends SpringBootCondition implements ConfigurationCondition {

        private final JdbcToMigrateCondition jdbc = new JdbcToMigrateCondition();

        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.REGISTER_BEAN;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            for (String type : new String[] {MigratorAutoConfiguration.SPRING_BOOT_JDBC, MigratorAutoConfiguration.SPRING_JDBC}) {
                if (!ClassUtils.isPresent(type, context.getClassLoader())) {
                    return ConditionOutcome.match("no JDBC support: " + type + " is not on the class path");
                }
            }
            ConditionOutcome outcome = jdbc.getMatchOutcome(context, metadata);
            return new ConditionOutcome(!outcome.isMatch(), outcome.getConditionMessage());
        }
    }
}
