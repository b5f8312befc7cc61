package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.pack.Aggregation;
import io.tracemark.pack.Parent;
import io.tracemark.pack.Shipping;
import io.tracemark.pack.SsccRange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Shipments over the API (guideline 5.3.3.4 flow information, 7.1.4 confidentiality): a supervisor opens one with
 * the buyer and sees the buyer's contact, an operator sees it masked and may only scan; every refusal is a 409
 * with the rule's key and params and changes nothing; and the buyer's contact appears in no log line, at any
 * level, while a shipment is made, refused and closed.
 */
class ShipmentApiTest {

    static final String CONTACT = "13912345678";

    private final TestStation station = new TestStation();
    private final ApiClient supervisor = station.signedIn("2001", "234567");
    private final ApiClient operator = station.signedIn("1001", "1234");

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void theBuyerContactIsShownOnlyToSupervisorsAndNeverLogged() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
        try {
            shipACase();
        } finally {
            root.setLevel(level);
            root.detachAppender(logs);
        }
        assertFalse(logs.list.isEmpty(), "the capture saw the station's log lines");
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(line.contains(CONTACT) || line.contains("12345678"), "the buyer's contact in a log line: " + line);
        }
        assertEquals(0, station.db.count("SELECT count(*) FROM audit_log WHERE detail LIKE '%" + CONTACT + "%'"));
    }

    private void shipACase() {
        List<String> codes = verifiedUnits(3);
        Aggregation packs = new Aggregation(station.db);
        packs.addSsccRange(new SsccRange("6901234", 0, 1, 100), "test", "test");
        Shipping shipping = new Shipping(station.db, station.db, Clock.systemUTC(), false);
        station.server.usePacking(new PackingDesk(packs, Optional.empty(), 6, Optional.of(shipping), Optional.empty()));
        Parent box = packs.openCase(2, null, null, false, "test");
        packs.pack(box.sscc(), codes.get(0), "test");
        packs.pack(box.sscc(), codes.get(1), "test");
        Parent open = packs.openCase(2, null, null, false, "test");
        packs.close(box.sscc(), "test", null);

        Map<String, Object> order = Map.of("orderNumber", "SO-1", "saleTime", "2026-12-02T08:00:00Z",
                "buyer", Map.of("name", "广州市越秀电器销售有限公司", "address", "广州市越秀区中山五路 1 号", "contact", CONTACT));
        assertEquals(403, operator.post("/shipments", order).status(), "an operator does not open shipments");
        ApiClient.Response created = supervisor.post("/shipments", order);
        assertEquals(201, created.status(), created.text());
        assertEquals(CONTACT, created.json().get("buyer").get("contact").asText());
        assertFalse(created.json().get("buyer").get("contactMasked").asBoolean());

        JsonNode seen = operator.get("/shipments/SO-1").json();
        assertEquals("139******78", seen.get("buyer").get("contact").asText(), "an operator sees the contact masked");
        assertTrue(seen.get("buyer").get("contactMasked").asBoolean());
        assertEquals("广州市越秀电器销售有限公司", seen.get("buyer").get("name").asText());
        assertFalse(operator.get("/shipments").text().contains(CONTACT));
        assertTrue(supervisor.get("/shipments").text().contains(CONTACT));

        refused(supervisor.post("/shipments", order), "pack.ORDER_EXISTS", "order", "SO-1");
        JsonNode added = operator.post("/shipments/SO-1/items", Map.of("code", box.sscc().digits())).json();
        assertEquals(2, added.get("units").asInt());
        assertEquals("139******78", added.get("buyer").get("contact").asText());
        refused(operator.post("/shipments/SO-1/items", Map.of("code", box.sscc().digits())), "pack.SCANNED_TWICE", "order", "SO-1");
        refused(operator.post("/shipments/SO-1/items", Map.of("code", open.sscc().digits())), "pack.CASE_OPEN", "what", "case " + open.sscc().digits());
        refused(operator.post("/shipments/SO-1/items", Map.of("code", "NOPE")), "pack.UNKNOWN_CODE", "code", "NOPE");
        refused(operator.post("/shipments/SO-2/items", Map.of("code", codes.get(2))), "pack.UNKNOWN_SHIPMENT", "order", "SO-2");
        assertEquals(403, operator.post("/shipments/SO-1/close", null).status(), "a supervisor closes a shipment");
        JsonNode closed = supervisor.post("/shipments/SO-1/close", null).json();
        assertEquals("CLOSED", closed.get("state").asText());
        refused(operator.post("/shipments/SO-1/items", Map.of("code", codes.get(2))), "pack.SHIPMENT_CLOSED", "order", "SO-1");
        assertEquals(List.of("case " + box.sscc().digits()), shipping.items("SO-1"));
        assertEquals(2, station.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.shipped'"));
    }

    private void refused(ApiClient.Response r, String key, String param, String value) {
        assertEquals(409, r.status(), r.text());
        assertEquals(key, r.json().get("key").asText(), r.text());
        if (param != null) {
            assertEquals(value, r.json().get("params").get(param).asText(), r.text());
        }
    }

    private List<String> verifiedUnits(int n) {
        CodeLedger ledger = new CodeLedger(station.db);
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            codes.add("(01)06901234000016(21)SHIP" + i);
        }
        ledger.importCodes(codes, "test", "gs1", code -> Optional.empty(), "test");
        ledger.createJob("J1", TraceLevel.ITEM, n, "test");
        ledger.allocate("J1", n, "test");
        for (String code : codes) {
            Unit unit = ledger.markSent("J1", code, "line");
            ledger.verify(unit.id(), "A", "camera");
        }
        return codes;
    }
}
