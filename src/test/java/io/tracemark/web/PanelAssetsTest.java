package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The panel works offline: the chart library (uPlot, from its webjar) is served by the station itself,
 * and no panel file loads anything from another host.
 */
class PanelAssetsTest {

    private static final Pattern REMOTE = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//|from\\s+['\"](https?:)?//|import\\(['\"](https?:)?//");

    @Test
    void uPlotIsServedFromTheJar() throws Exception {
        try (TestStation station = new TestStation()) {
            HttpClient http = HttpClient.newHttpClient();
            for (String[] asset : List.of(new String[] {"/webjars/uplot/1.6.30/dist/uPlot.esm.js", "javascript"},
                    new String[] {"/webjars/uplot/1.6.30/dist/uPlot.min.css", "css"})) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + station.port
                        + asset[0])).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), asset[0]);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").contains(asset[1]), asset[0] + " " + r.headers());
                assertTrue(r.body().contains("uplot") || r.body().contains("uPlot"), asset[0]);
            }
        }
    }

    @Test
    void noPanelFileLoadsFromAnotherHost() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/panel"))) {
            List<String> remote = files.filter(p -> p.toString().matches(".*\\.(html|js|css)$"))
                    .filter(p -> {
                        try {
                            return REMOTE.matcher(Files.readString(p)).find();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
            assertEquals(List.of(), remote);
        }
    }
}
