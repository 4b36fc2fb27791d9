package dev.migrator.autoconfigure.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.tool.schema.spi.SchemaManagementException;
import static org.assertj.core.api.Assertions.assertThatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/**
 * A runner-phase service whose Hibernate validated the old schema is told to migrate during
 * initialization. {@code MigratorHibernateTests} produces the real failure.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorRunnerPhaseSchemaValidationTests {

    private final Throwable failure = new BeanCreationException("entityManagerFactory", "failed",
            new IllegalStateException("wrapped", new SchemaManagementException(
                    "Schema-validation: missing table [note]")));

    @Test
    void pointsARunnerPhaseServiceAtTheInitializationPhase() {
        FailureAnalysis analysis = new RunnerPhaseSchemaValidationFailureAnalyzer(new MockEnvironment())
                .analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("missing table [note]", "migrator.phase=runner");
        assertThat(analysis.getAction()).contains("migrator.phase=initialization");
    }

    @Test
    void staysQuietInTheInitializationPhaseOrWhenDisabled() {
        assertThat(new RunnerPhaseSchemaValidationFailureAnalyzer(new MockEnvironment()
                .withProperty("migrator.phase", "initialization")).analyze(failure)).isNull();
        assertThat(new RunnerPhaseSchemaValidationFailureAnalyzer(new MockEnvironment()
                .withProperty("migrator.enabled", "false")).analyze(failure)).isNull();
        assertThat(new RunnerPhaseSchemaValidationFailureAnalyzer(new MockEnvironment())
                .analyze(new IllegalStateException("other"))).isNull();
    }

    @Test
    void bootReportsTheAnalysisWhenAnApplicationFailsThisWay(CapturedOutput output) {
        assertThatException().isThrownBy(() -> new SpringApplicationBuilder(ValidatingApplication.class)
                .web(WebApplicationType.NONE).properties("spring.main.banner-mode=off").run().close());
        assertThat(output).contains("APPLICATION FAILED TO START", "missing table [note]",
                "Set migrator.phase=initialization");
    }

    @Configuration(proxyBeanMethods = false)
    static class ValidatingApplication {

        @Bean
        Object entityManagerFactory() {
            throw new SchemaManagementException("Schema-validation: missing table [note]");
        }
    }
}
