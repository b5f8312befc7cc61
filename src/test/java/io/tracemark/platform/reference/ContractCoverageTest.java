package io.tracemark.platform.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tracemark.platform.HttpPlatformClient;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract documents exactly the routes the reference platform serves under
 * {@code /api/platform/v1}, the station's and the operator's ({@code /admin/…}) alike, so the
 * contract-validating proxy can judge every exchange a test makes.
 */
class ContractCoverageTest {

    @TempDir
    Path dir;

    @Test
    void everyServedRouteIsInTheContractAndNoOther() throws Exception {
        Set<String> served = new TreeSet<>();
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir, true)) {
            for (String route : platform.routes()) {
                String[] methodAndPath = route.split(" ", 2);
                if (methodAndPath[1].startsWith(HttpPlatformClient.API_PATH + "/")) {
                    served.add(methodAndPath[0] + " " + methodAndPath[1].substring(HttpPlatformClient.API_PATH.length()));
                }
            }
        }
        JsonNode paths = new YAMLMapper().readTree(Path.of("docs/platform-api.yaml").toFile()).path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.equals("parameters")) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        assertEquals(documented, served);
    }
}
