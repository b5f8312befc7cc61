package io.tracemark.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both OpenAPI documents are valid OpenAPI 3 for a standard parser (swagger-parser), not just YAML. */
class OpenApiDocumentsTest {

    @Test
    void thePlatformContractIsValidOpenApi() {
        assertEquals(List.of(), OpenApiContract.documentProblems(OpenApiContract.PLATFORM));
    }

    @Test
    void thePanelApiIsValidOpenApi() {
        assertEquals(List.of(), OpenApiContract.documentProblems(OpenApiContract.PANEL));
    }

    @Test
    void theSiteApiIsValidOpenApi() {
        assertEquals(List.of(), OpenApiContract.documentProblems(OpenApiContract.SITE));
    }

    @Test
    void theParserDoesReportABrokenDocument(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(OpenApiContract.PLATFORM).replace(
                "idempotencyKey: {type: string, minLength: 1, description: \"unique per event, stable across retries\"}",
                "idempotencyKey: {type: string, minLength: 1, description: unique per event, stable across retries}"));
        assertFalse(OpenApiContract.documentProblems(broken).isEmpty(), "the stray key of a split description");
    }
}
