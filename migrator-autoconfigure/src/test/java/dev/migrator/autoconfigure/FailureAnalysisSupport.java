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
                Constructor<?> constructor = Class.forName(name.trim()).getDeclaredConstructor();
                constructor.setAccessible(true);
                FailureAnalysis analysis = ((FailureAnalyzer) constructor.newInstance()).analyze(failure);
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
