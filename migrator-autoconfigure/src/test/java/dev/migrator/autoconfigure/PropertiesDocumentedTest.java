package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docs/properties.md names every {@code migrator.*} property of the generated metadata, and no other. */
class PropertiesDocumentedTest {

    /** Relative to the module directory, where Maven runs the tests. */
    private static final Path DOC = Path.of("..", "docs", "properties.md");

    /** A property name; not preceded by a word character or dot, so that package names (dev.migrator.x) do not count. */
    private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.-])migrator(?:\\.[a-z][a-z0-9-]*)+");

    @Test
    void docsNameEveryPropertyOfTheMetadata() throws IOException {
        Set<String> missing = metadataProperties();
        missing.removeAll(documentedProperties());
        assertThat(missing).as("properties in the configuration metadata that %s does not mention", DOC).isEmpty();
    }

    @Test
    void docsNameNoPropertyTheMetadataLacks() throws IOException {
        Set<String> stale = documentedProperties();
        stale.removeAll(metadataProperties());
        assertThat(stale).as("properties in %s that the configuration metadata does not have", DOC).isEmpty();
    }

    /** Every {@code migrator.*} property of every metadata file on the classpath (this module's, and any later one's). */
    private Set<String> metadataProperties() throws IOException {
        Set<String> names = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("migrator.")) {
                        names.add(name);
                    }
                }
            }
        }
        assertThat(names).as("migrator.* properties in the generated metadata").isNotEmpty();
        return names;
    }

    private static Set<String> documentedProperties() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PROPERTY.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
