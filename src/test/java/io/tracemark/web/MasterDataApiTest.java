package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An admin enters producer and product master data at the panel: mandatory fields named, saves audited. */
class MasterDataApiTest {

    private final TestStation station = new TestStation();
    private final ApiClient admin = station.signedIn("9001", "999999");

    @AfterEach
    void stop() {
        station.close();
    }

    static Map<String, Object> producer() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "广州示例电器有限公司");
        p.put("uscc", "91440101MA59TM0023");
        p.put("address", "广州市黄埔区示例路 1 号");
        p.put("contact", "020-12345678");
        p.put("businessLicence", "营业执照 91440101MA59TM0023");
        return p;
    }

    static Map<String, Object> product() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("producer", "PR-1");
        p.put("name", "电热水壶");
        p.put("type", "家用电器");
        p.put("specification", "SK-1500");
        p.put("mandatoryStandard", "GB 4706.1-2005");
        p.put("inspectionReport", "QJ-2025-0001");
        p.put("gtin", "06901234000016");
        return p;
    }

    @Test
    void producersAndProductsAreSavedListedAndAudited() {
        ApiClient.Response saved = admin.send("PUT", "/master/producers/PR-1", producer());
        assertEquals(200, saved.status(), saved.text());
        assertEquals(200, admin.send("PUT", "/master/products/P-KETTLE", product()).status());
        JsonNode products = admin.get("/master/products").json();
        assertEquals("PR-1", products.get(0).get("producer").asText());
        assertEquals("06901234000016", products.get(0).get("gtin").asText());
        assertEquals("91440101MA59TM0023", admin.get("/master/producers").json().get(0).get("uscc").asText());

        Map<String, Object> moved = producer();
        moved.put("address", "佛山市顺德区示例路 2 号");
        assertEquals(200, admin.send("PUT", "/master/producers/PR-1", moved).status());
        assertTrue(station.auditActions().containsAll(List.of("9001 producer.save", "9001 product.save")),
                station.auditActions().toString());
        assertTrue(auditDetails().contains("PR-1 广州示例电器有限公司 (changed: address)"), auditDetails().toString());
    }

    @Test
    void everyMissingMandatoryFieldIsNamedAndNothingIsSaved() {
        station.badRequestsOnPurpose();
        Map<String, Object> bad = producer();
        bad.remove("uscc");
        bad.put("contact", " ");
        ApiClient.Response r = admin.send("PUT", "/master/producers/PR-1", bad);
        assertEquals(400, r.status());
        assertEquals(List.of("producer.uscc", "producer.contact"), SessionApiTest.fields(r.json()));
        assertEquals("required", r.json().get("problems").get(0).get("key").asText());

        ApiClient.Response orphan = admin.send("PUT", "/master/products/P-1", product());
        assertEquals(400, orphan.status());
        assertEquals(List.of("product.producer"), SessionApiTest.fields(orphan.json()));
        assertEquals(0, admin.get("/master/producers").json().size());
        assertEquals(0, admin.get("/master/products").json().size());
    }

    @Test
    void anEarlyCreditCodeIsSavedOnlyOnceAPersonConfirmedIt() {
        station.badRequestsOnPurpose();
        Map<String, Object> early = producer();
        early.put("uscc", "91350100M000100Y44"); // its check character fails; some early codes were issued so
        ApiClient.Response refused = admin.send("PUT", "/master/producers/PR-E", early);
        assertEquals(400, refused.status());
        assertEquals(List.of("producer.uscc"), SessionApiTest.fields(refused.json()));
        assertEquals(List.of("confirmedBy"), SessionApiTest.fields(admin.post("/master/uscc-confirmations",
                Map.of("uscc", "91350100M000100Y44", "confirmedBy", " ")).json()));

        ApiClient.Response confirmed = admin.post("/master/uscc-confirmations",
                Map.of("uscc", "91350100M000100Y44", "confirmedBy", "张三（市场监管局电话核实）"));
        assertEquals(201, confirmed.status(), confirmed.text());
        assertEquals(200, admin.send("PUT", "/master/producers/PR-E", early).status());
        assertTrue(station.auditActions().contains("9001 uscc.confirm"), station.auditActions().toString());
        var listed = admin.get("/master/producers").json().get(0).get("usccConfirmation");
        assertEquals("张三（市场监管局电话核实）", listed.get("confirmedBy").asText(), "shown beside the code");
        assertTrue(listed.get("confirmedOn").isNull(), "confirmed at this station, not on a platform");
    }

    @Test
    void onlyAnAdminMayEnterMasterData() {
        station.badRequestsOnPurpose();
        ApiClient supervisor = station.signedIn("2001", "234567");
        assertEquals(403, supervisor.send("PUT", "/master/producers/PR-1", producer()).status());
        assertEquals(403, supervisor.get("/master/products").status());
    }

    private List<String> auditDetails() {
        return station.db.read(conn -> {
            List<String> rows = new java.util.ArrayList<>();
            try (var st = conn.createStatement(); var rs = st.executeQuery("SELECT detail FROM audit_log ORDER BY id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        });
    }
}
