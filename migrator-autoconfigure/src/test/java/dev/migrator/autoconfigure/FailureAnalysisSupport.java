package dev.migrator.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Runs a failure through migrator's analyzers as registered in its spring.factories, as Boot would. */
final class FailureAnalysisSupport {

    private FailureAnalysisSupport() {
    }

    static @Nullable FailureAnalysis analyze(Throwable failure) {
        Properties factories = new Properties();
        try (InputStream in = MigratorAutoConfiguration.class.getResourceAsStream("/META-INF/spring.factories")) {
            factories.load(in);
            for (String name : factories.getProperty(FailureAnalyzer.class.getName()).split(",")) {
                Constructor<?> constructor = Class.forName(name.trim()).getDeclaredConstructors()[0];
                constructor.setAccessible(true);
                // Boot hands analyzers the Environment when they ask for it; an empty one will do here.
                Object[] args = constructor.getParameterCount() == 0 ? new Object[0]
                        : new Object[] {new org.springframework.mock.env.MockEnvironment()};
                FailureAnalysis analysis = ((FailureAnalyzer) constructor.newInstance(args)).analyze(failure);
                if (analysis != null) {
                    return analysis;
                }
            }
            return null;
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
