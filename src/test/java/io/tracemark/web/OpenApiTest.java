package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI file is served and documents exactly the routes the server has. */
class OpenApiTest {

    @Test
    void servedFileDocumentsEveryRouteAndNoOther() throws Exception {
        try (TestStation station = new TestStation()) {
            ApiClient.Response r = station.client().get("/openapi.yaml");
            assertEquals(200, r.status());
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(r.bytes());
            assertTrue(doc.get("openapi").asText().startsWith("3."));
            assertEquals("/api/v1", doc.get("servers").get(0).get("url").asText());
            TreeSet<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (!method.equals("parameters")) {
                        documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
            TreeSet<String> served = new TreeSet<>();
            station.server.routes().forEach(route -> served.add(route.method().name() + " " + route.path()));
            assertEquals(served, documented);
        }
    }
}
