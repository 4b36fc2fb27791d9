package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against the running sample, JSON read back as maps and lists. */
final class SampleClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    SampleClient(int port) {
        this.port = port;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** GET {@code path}, which must answer 200 with a JSON object. */
    Map<String, Object> getObject(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return object(response.body());
    }

    /** GET {@code path}, which must answer 200 with a JSON array of objects. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> getList(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readValue(response.body(), List.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String body) {
        return json.readValue(body, Map.class);
    }

    /** The value at a path of keys through nested objects. */
    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> object, String... keys) {
        Object value = object;
        for (String key : keys) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
