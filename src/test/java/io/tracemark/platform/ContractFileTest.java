package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tracemark.platform.wire.ApiError;
import io.tracemark.platform.wire.CodePattern;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.Component;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.EventBatch;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.ReturnResult;
import io.tracemark.platform.wire.ScanAlert;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UsccConfirmation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI file and the Java records say the same thing, and the served copy is the documented one. */
class ContractFileTest {

    private static final List<Class<? extends Record>> RECORDS = List.of(ApiError.class, FieldProblem.class,
            Producer.class, Product.class, Component.class, NewCodeRequest.class, CodeRequest.class, CodePattern.class,
            CodeRange.class, RangeAck.class, UnitEvent.class, EventBatch.class, EventBatchResult.class,
            DailyQuantity.class, CodeReturn.class, ReturnResult.class, CodeStatus.class, ScanAlert.class,
            UsccConfirmation.class);

    @Test
    void theBundledContractIsTheDocumentedOne() throws Exception {
        byte[] docs = Files.readAllBytes(Path.of("docs/platform-api.yaml"));
        try (InputStream in = getClass().getResourceAsStream("/platform/platform-api.yaml")) {
            assertArrayEquals(docs, in.readAllBytes(), "src/main/resources/platform/platform-api.yaml differs from docs/");
        }
    }

    @Test
    void everySchemaHasExactlyTheFieldsOfItsRecord() throws Exception {
        JsonNode schemas = new YAMLMapper().readTree(Path.of("docs/platform-api.yaml").toFile())
                .path("components").path("schemas");
        for (Class<? extends Record> type : RECORDS) {
            JsonNode schema = schemas.path(type.getSimpleName());
            assertTrue(schema.isObject(), "no schema " + type.getSimpleName());
            Set<String> documented = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> actual = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
            assertEquals(actual, documented, type.getSimpleName());
        }
    }

    @Test
    void everyStationPathIsVersioned() throws Exception {
        JsonNode root = new YAMLMapper().readTree(Path.of("docs/platform-api.yaml").toFile());
        assertTrue(root.path("servers").get(0).path("url").asText().endsWith(HttpPlatformClient.API_PATH));
        Set<String> paths = new TreeSet<>();
        root.path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.containsAll(Set.of("/producers", "/products", "/code-requests", "/ranges", "/ranges/{id}/ack",
                "/events", "/daily-quantities", "/returns", "/scan-alerts", "/admin/code-requests/{id}/audit",
                "/admin/scan-alerts", "/admin/uscc-confirmations", "/admin/uscc-confirmations/{uscc}",
                "/admin/products/{id}/serials")), paths.toString());
    }
}
