package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Product recipes over the API: saved by a supervisor with every problem named, listed, removed, audited. */
class RecipeApiTest {

    private final TestStation station = new TestStation();
    private final ApiClient admin = station.signedIn("9001", "999999");
    private final ApiClient supervisor = station.signedIn("2001", "234567");
    private final ApiClient operator = station.signedIn("1001", "1234");

    @AfterEach
    void stop() {
        station.close();
    }

    static Map<String, Object> recipe() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", "电热水壶 一物一码");
        r.put("productId", "P-KETTLE");
        r.put("template", "item-gs1-datamatrix");
        r.put("printer", "printer-1");
        r.put("scanner", "scanner-1");
        r.put("scheme", "gs1");
        r.put("minimumGrade", "B");
        r.put("caseSize", 12);
        r.put("traceLevel", "ITEM");
        return r;
    }

    @Test
    void aSupervisorSavesARecipeEveryoneListsItAndItIsAudited() {
        assertEquals(200, admin.send("PUT", "/master/producers/PR-1", MasterDataApiTest.producer()).status());
        assertEquals(200, admin.send("PUT", "/master/products/P-KETTLE", MasterDataApiTest.product()).status());
        ApiClient.Response saved = supervisor.send("PUT", "/recipes/R-1", recipe());
        assertEquals(200, saved.status(), saved.text());

        JsonNode list = operator.get("/recipes").json();
        assertEquals(1, list.size());
        JsonNode r = list.get(0);
        assertEquals("R-1", r.get("id").asText());
        assertEquals("P-KETTLE", r.get("productId").asText());
        assertEquals(12, r.get("caseSize").asInt());
        assertEquals("B", r.get("minimumGrade").asText());
        assertEquals("ITEM", r.get("traceLevel").asText());

        Map<String, Object> changed = recipe();
        changed.put("caseSize", null);
        assertEquals(200, supervisor.send("PUT", "/recipes/R-1", changed).status());
        assertTrue(operator.get("/recipes").json().get(0).get("caseSize").isNull());

        assertEquals(403, operator.send("PUT", "/recipes/R-2", recipe()).status(), "operators choose, not edit");
        assertEquals(204, supervisor.delete("/recipes/R-1").status());
        assertEquals(404, supervisor.delete("/recipes/R-1").status());
        assertEquals(0, operator.get("/recipes").json().size());
        assertTrue(station.auditActions().containsAll(List.of("2001 recipe.save", "2001 recipe.remove")),
                station.auditActions().toString());
    }

    @Test
    void aBadRecipeIsRefusedWithEveryProblemAndNothingIsStored() {
        station.badRequestsOnPurpose();
        Map<String, Object> bad = recipe();
        bad.put("name", " ");
        bad.put("productId", "NO-SUCH");
        bad.put("caseSize", 0);
        bad.put("minimumGrade", "F");
        bad.put("traceLevel", "COMBINED");
        ApiClient.Response refused = supervisor.send("PUT", "/recipes/bad%20id", bad);
        assertEquals(400, refused.status(), refused.text());
        List<String> keys = refused.json().get("problems").findValuesAsText("messageKey");
        assertEquals(List.of("id.format", "field.required", "range.between", "grade.format", "level.unknown",
                "product.unknown"), keys);
        bad.put("caseSize", "twelve");
        assertEquals("number.format", supervisor.send("PUT", "/recipes/R-3", bad).json().get("problems").get(0)
                .get("messageKey").asText());
        assertEquals(0, operator.get("/recipes").json().size());
    }
}
