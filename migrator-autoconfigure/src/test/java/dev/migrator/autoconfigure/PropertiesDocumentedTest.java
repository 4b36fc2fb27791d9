package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    @Test
    void docsGiveEachPropertyTheDefaultOfTheMetadata() throws IOException {
        // The defaults users read (docs/properties.md) against the ones the code has
        // (the metadata is generated from MigratorProperties' initialisers): one of them changed alone.
        Map<String, String> documented = new TreeMap<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|");
            if (cells.length > 4 && cells[1].trim().matches("`migrator\\.[a-z0-9.-]+`")) {
                // A default in code font is a value; prose ("from the URL") says there is none.
                String cell = cells[3].trim();
                documented.put(cells[1].trim().replace("`", ""), cell.contains("`") ? cell.replace("`", "") : "");
            }
        }
        Map<String, String> actual = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            for (JsonNode property : json.readTree(in).path("properties")) {
                JsonNode value = property.path("defaultValue");
                String shown = value.isMissingNode() || value.isNull() ? ""
                        : value.isArray() ? joined(value) : value.asString();
                actual.put(property.path("name").asString(), shown);
            }
        }
        Map<String, String> expected = new TreeMap<>(actual);
        expected.keySet().retainAll(documented.keySet());
        Map<String, String> shown = new TreeMap<>(documented);
        shown.keySet().retainAll(actual.keySet());
        assertThat(shown).as("defaults in %s (left) against the metadata's", DOC).isEqualTo(expected);
    }

    private static String joined(JsonNode array) {
        StringBuilder text = new StringBuilder();
        for (JsonNode element : array) {
            text.append(text.isEmpty() ? "" : ",").append(element.asString());
        }
        return text.toString();
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
