package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.site.SiteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** site.yaml: the shipped example loads; every problem of a bad one is named with its key path, together. */
class SiteConfigReaderTest {

    @Test
    void theShippedSiteYamlLoads() {
        SiteConfig c = new SiteConfigReader(Map.of("TRACEMARK_SITE_ADMIN_TOKEN", "t0ken")).read(Path.of("site.yaml"));
        assertEquals("site-1", c.siteId());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/tracemark", c.database().url());
        assertEquals(3, c.stations().size());
        assertEquals("t0ken", c.adminToken());
        assertEquals(8090, c.listen().port());
        assertEquals(20_000, c.pool().codesPerProduct());
        assertEquals(null, c.mqtt());
    }

    @Test
    void everyProblemIsNamedWithItsKey() {
        String yaml = """
                site: {id: s, adminToken: "env:NOT_SET_ANYWHERE"}
                database: {url: "jdbc:sqlite:x.db", user: u, password: p, poolSize: 1}
                platform: {url: "http://127.0.0.1:8080"}
                stations:
                  - {id: a, token: aaaaaaaaaaaaaaaaaaaa}
                  - {id: a, token: short, colour: red}
                mqtt: {topicRoot: x}
                """;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new SiteConfigReader(Map.of()).parse(yaml, "site.yaml"));
        List<String> where = e.problems().stream().map(Problem::where).sorted().toList();
        assertEquals(List.of("database.poolSize", "database.url", "mqtt.broker", "platform.token", "site.adminToken",
                "stations[1].colour", "stations[1].id", "stations[1].token"), where, e.problems().toString());
    }
}
