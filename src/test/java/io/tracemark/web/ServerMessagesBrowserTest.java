package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.line.LineSettings;
import io.tracemark.sim.DegradationMix;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every error the API can return on the real simulated line (bad job requests field by field,
 * every command in a state that refuses it, unknown things, bad bodies, refused sign-ins and roles,
 * bad master data), then has the panel itself (its messages.js, in Chromium) render each reply in
 * zh-CN and English: every reply must have its own key (not only its category), every text must be an
 * entry of the bundle with its placeholders filled, and no English original may show through.
 */
class ServerMessagesBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    private static final Set<String> CATEGORIES = Set.of("invalid", "state", "notFound", "device", "internal",
            "http", "required", "format", "range", "unknown", "codes");

    @Test
    void everyErrorOfTheApiIsRenderedFromTheBundles(@TempDir Path dataDir) {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir,
                LineFaults.parse("", DegradationMix.line(), 7), LineSettings.defaults(), 200, 7, 40, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options)) {
            sim.line().recover();
            UserAccounts accounts = new UserAccounts(new SqliteUserStore(sim.database()), new PinHasher(1000),
                    Clock.systemUTC());
            accounts.ensureUser("1001", "Operator Li", Role.OPERATOR, "1234");
            accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "234567");
            accounts.ensureUser("9001", "Admin Zhao", Role.ADMIN, "999999");
            PanelServices services = new PanelServices(accounts,
                    new StationAuditTrail(sim.database(), sim.ledger().audit()), new LedgerUnitLookup(sim.ledger()),
                    List.of(), Map::of).withMasterData(sim.masterData());
            try (PanelServer server = new PanelServer(sim.line(), services, PanelSettings.defaults())) {
                int port = server.start(0);
                Map<String, JsonNode> replies = provoke(port, sim);
                HeadlessChromium browser = CHROMIUM.browser();
                browser.open(port);
                for (String lang : List.of("zh-CN", "en")) {
                    checkRendered(browser, replies, lang);
                }
            }
        }
    }

    @Test
    void everyKeyOfTheCatalogueIsInBothBundles() {
        for (String lang : List.of("zh-CN", "en")) {
            BundleText bundle = BundleText.of(lang);
            List<String> missing = MessageKeys.keys().stream().filter(k -> !bundle.has("msg." + k)).toList();
            assertEquals(List.of(), missing, lang);
        }
    }

    /** Every error reply, by what was done to get it. */
    private static Map<String, JsonNode> provoke(int port, SimulatedLine sim) {
        Map<String, JsonNode> replies = new LinkedHashMap<>();
        ApiClient anonymous = new ApiClient(port);
        ApiClient op = signedIn(port, "1001", "1234");
        ApiClient sup = signedIn(port, "2001", "234567");
        ApiClient adm = signedIn(port, "9001", "999999");
        LocalDate today = LocalDate.now();
        String product = SampleStation.PRODUCT;

        expect(replies, "signin wrong pin", anonymous.post("/session", Map.of("user", "1001", "pin", "0000")), 401);
        expect(replies, "not signed in", anonymous.get("/status"), 401);
        expect(replies, "operator on a supervisor route", op.post("/line/end-batch", null), 403);
        expect(replies, "validate empty", op.post("/jobs/validate", Map.of()), 200);
        expect(replies, "validate unreadable", op.post("/jobs/validate", Map.of("productionDate", "2026-13-01",
                "traceLevel", "SOMETIMES", "quantity", "many")), 200);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("productId", "NO-SUCH");
        bad.put("batch", "L 26/03!");
        bad.put("productionDate", today.plusDays(10).toString());
        bad.put("expiryDate", today.toString());
        bad.put("traceLevel", "COMBINED");
        bad.put("scheme", "no-such-scheme");
        bad.put("template", "no-such-template");
        bad.put("printer", "no-such-printer");
        bad.put("scanner", "no-such-scanner");
        bad.put("quantity", "0");
        bad.put("minimumGrade", "F");
        expect(replies, "validate wrong values", op.post("/jobs/validate", bad), 200);
        expect(replies, "validate grade", op.post("/jobs/validate", Map.of("minimumGrade", "Z")), 200);
        Map<String, Object> tooMany = new LinkedHashMap<>(job(product, today, 1_000_000));
        expect(replies, "validate too many", op.post("/jobs/validate", tooMany), 200);
        expect(replies, "start invalid", op.post("/line/start", bad), 400);
        expect(replies, "pause stopped", op.post("/line/pause", null), 409);
        expect(replies, "resume stopped", op.post("/line/resume", null), 409);
        expect(replies, "stop stopped", op.post("/line/stop", null), 409);
        expect(replies, "clear without fault", op.post("/line/clear", null), 409);
        expect(replies, "restart without job", op.post("/line/restart", null), 409);
        expect(replies, "end batch without job", sup.post("/line/end-batch", null), 409);
        expect(replies, "suspend without job", sup.post("/line/suspend", null), 409);
        expect(replies, "resume unknown job", sup.post("/jobs/J-NOPE/resume", null), 409);
        expect(replies, "challenge without job", sup.post("/line/challenge", null), 409);
        expect(replies, "void unknown code", sup.post("/units/NOPE/void", Map.of("reason", "damaged")), 409);
        expect(replies, "void without reason", sup.post("/units/NOPE/void", Map.of()), 400);
        expect(replies, "rejects limit 0", op.get("/rejects?limit=0"), 400);
        expect(replies, "rejects limit text", op.get("/rejects?limit=ten"), 400);
        expect(replies, "rejects from not a time", op.get("/rejects?from=yesterday"), 400);
        expect(replies, "rejects page cursor", op.get("/rejects?after=page2"), 400);
        expect(replies, "unknown unit", op.get("/units/NOPE"), 404);
        expect(replies, "no label yet", op.get("/images/last-label"), 404);
        expect(replies, "no reject image", op.get("/rejects/999/image"), 404);
        expect(replies, "reject image id", op.get("/rejects/abc/image"), 400);
        expect(replies, "unknown alarm", op.post("/alarms/99/ack", null), 404);
        expect(replies, "no reconciliation", op.get("/jobs/last-reconciliation"), 404);
        expect(replies, "body not json", op.post("/jobs/validate", "{nope"), 400);
        expect(replies, "body not object", op.post("/jobs/validate", "[1]"), 400);
        expect(replies, "producer missing fields", adm.send("PUT", "/master/producers/PR-X", Map.of()), 400);
        expect(replies, "producer bad id", adm.send("PUT", "/master/producers/bad%20id!", Map.of("name", "x")), 400);
        expect(replies, "product of unknown producer", adm.send("PUT", "/master/products/P-X",
                Map.of("producer", "PR-NONE", "name", "x")), 400);
        expect(replies, "producer bad uscc", adm.send("PUT", "/master/producers/PR-Y", Map.of("name", "厂",
                "uscc", "91440000MA4X00000X", "address", "a", "contact", "c", "businessLicence", "b")), 400);

        expect(replies, "start", op.post("/line/start", job(product, today, 150)), 200);
        expect(replies, "start while running", op.post("/line/start", job(product, today, 10)), 409);
        expect(replies, "resume while running", op.post("/line/resume", null), 409);
        expect(replies, "end batch while running", sup.post("/line/end-batch", null), 409);
        expect(replies, "stop", op.post("/line/stop", null), 200);
        expect(replies, "start while another is open", op.post("/line/start", job(product, today, 10)), 409);
        expect(replies, "suspend, then resume an unknown job", sup.post("/line/suspend", null), 200);
        expect(replies, "resume a job that is no job", sup.post("/jobs/"
                + sim.line().currentJobId().orElse("none") + "-X/resume", null), 409);
        return replies;
    }

    private static Map<String, Object> job(String product, LocalDate today, int quantity) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("productId", product);
        job.put("batch", "L260301");
        job.put("productionDate", today.toString());
        job.put("traceLevel", "ITEM");
        job.put("scheme", SampleStation.SCHEME);
        job.put("template", "item-gs1-datamatrix");
        job.put("printer", SimulatedLine.PRINTER);
        job.put("scanner", SimulatedLine.SCANNER);
        job.put("quantity", Integer.toString(quantity));
        return job;
    }

    private static ApiClient signedIn(int port, String user, String pin) {
        ApiClient client = new ApiClient(port);
        ApiClient.Response r = client.signIn(user, pin);
        assertEquals(201, r.status(), r.toString());
        return client;
    }

    private static void expect(Map<String, JsonNode> replies, String what, ApiClient.Response r, int status) {
        assertEquals(status, r.status(), what + ": " + r);
        JsonNode body = r.json();
        if (status >= 400 || body.has("problems") && body.get("problems").size() > 0) {
            replies.put(what, body);
        }
    }

    private static void checkRendered(HeadlessChromium browser, Map<String, JsonNode> replies, String lang) {
        browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/i18n.js').then((m) => m.loadLanguage(arguments[0])).then(() => done(true));""", lang);
        BundleText bundle = BundleText.of(lang);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> reply : replies.entrySet()) {
            JsonNode body = reply.getValue();
            List<JsonNode> messages = new ArrayList<>();
            if (body.has("problems") && body.get("problems").size() > 0) {
                body.get("problems").forEach(messages::add);
            } else {
                messages.add(body);
            }
            for (JsonNode message : messages) {
                String key = message.path("messageKey").asText("");
                if (key.isEmpty() || CATEGORIES.contains(key)) {
                    wrong.add(reply.getKey() + ": no key of its own for '" + message.path("message").asText(
                            message.path("error").asText()) + "' (" + key + ")");
                    continue;
                }
                String text = (String) browser.driver.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const m = JSON.parse(arguments[0]);
                        import('/messages.js').then((x) => done(m.field !== undefined && m.messageKey !== undefined
                            && !m.error ? x.problemText(m) : x.messageText(m)));""", message.toString());
                String original = message.path("message").asText(message.path("error").asText(""));
                if (!bundle.isEntry(text) || text.contains("{") || text.contains("(unknown)")
                        || text.contains("（未知）") || !original.isEmpty() && text.contains(original)) {
                    wrong.add(reply.getKey() + " [" + lang + "]: '" + text + "' for '" + original + "'");
                }
                if (lang.equals("zh-CN") && !BundleText.CJK.matcher(text).find()) {
                    wrong.add(reply.getKey() + " [zh-CN]: not Chinese: '" + text + "'");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertFalse(replies.isEmpty());
        assertTrue(replies.size() >= 39, "replies walked: " + replies.size());
    }
}
