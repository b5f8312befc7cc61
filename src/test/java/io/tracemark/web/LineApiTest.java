package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.core.DeviceException;
import io.tracemark.line.Alarm;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LineApiTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    private final TestStation station = new TestStation();
    private final ApiClient operator = station.signedIn("1001", "1234");

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void statusCarriesStateCountersAlarmsAndExtraSections() {
        SessionApiTest.startJob(station, operator);
        station.line.produce(7);
        station.line.reject("low-grade", "D");
        JsonNode status = operator.get("/status").json();
        assertEquals("EXECUTE", status.get("state").asText());
        assertEquals("running", status.get("status").asText());
        assertEquals("B1", status.get("job").get("batch").asText());
        assertEquals("2026-03-01", status.get("job").get("productionDate").asText());
        assertEquals(8, status.get("counters").get("sent").asInt());
        assertEquals(7, status.get("counters").get("verified").asInt());
        assertEquals(93, status.get("counters").get("remaining").asInt());
        assertEquals("low-grade", status.get("lastVerdict").get("reason").asText());
        assertEquals(3, status.get("platform").get("outboxBacklog").asInt());
        assertTrue(status.get("alarms").isArray());
    }

    @Test
    void setupOptionsListWhatJobSetUpOffers() {
        JsonNode options = operator.get("/setup-options").json();
        assertEquals("P-001", options.get("products").get(0).get("id").asText());
        assertEquals("printer-1", options.get("printers").get(0).asText());
    }

    @Test
    void validateNamesEveryBadFieldWithAKey() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        JsonNode r = operator.post("/jobs/validate", Map.of("productId", "P-404", "productionDate", "2026-02-30",
                "quantity", "lots", "traceLevel", "ITEM")).json();
        assertFalse(r.get("ok").asBoolean());
        assertEquals(List.of("productionDate", "quantity"), SessionApiTest.fields(r),
                "unreadable values first; the line is asked only once the request can be read");
        assertEquals("format", r.get("problems").get(0).get("key").asText());

        JsonNode line = operator.post("/jobs/validate", Map.of("productId", "P-404", "quantity", 0)).json();
        assertEquals(List.of("productId", "batch", "productionDate", "traceLevel", "quantity"), SessionApiTest.fields(line));
        assertEquals(List.of("unknown", "required", "required", "required", "range"),
                line.get("problems").findValuesAsText("key"));

        JsonNode ok = operator.post("/jobs/validate", job()).json();
        assertTrue(ok.get("ok").asBoolean(), ok.toString());
    }

    @Test
    void previewIsAPngOrEveryProblem() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        ApiClient.Response png = operator.post("/jobs/preview", job());
        assertEquals(200, png.status());
        assertEquals("image/png", png.header("Content-Type").get(0));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png.bytes(), 4));
        ApiClient.Response bad = operator.post("/jobs/preview", Map.of("batch", "B1"));
        assertEquals(400, bad.status());
        assertTrue(SessionApiTest.fields(bad.json()).contains("productId"));
        assertEquals(400, operator.post("/jobs/preview", "[1,2]").status());
        assertEquals(400, operator.post("/jobs/preview", "{not json").status());
    }

    @Test
    void startRunsTheJobAndAnInvalidStartChangesNothing() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        Map<String, Object> bad = new HashMap<>(job());
        bad.put("quantity", 0);
        ApiClient.Response refused = operator.post("/line/start", bad);
        assertEquals(400, refused.status());
        assertEquals(List.of("quantity"), SessionApiTest.fields(refused.json()));
        assertEquals(List.of(), station.line.calls());
        assertEquals("STOPPED", station.line.snapshot().state().name());

        ApiClient.Response started = operator.post("/line/start", job());
        assertEquals(200, started.status(), started.toString());
        assertEquals("EXECUTE", started.json().get("state").asText());
        assertEquals(List.of("start 1001 B1"), station.line.calls());
    }

    @Test
    void commandsNotAllowedInTheStateAnswer409AndChangeNothing() {
        assertEquals(409, operator.post("/line/pause", null).status(), "nothing running");
        operator.post("/line/start", job());
        long version = station.line.snapshot().version();
        ApiClient.Response again = operator.post("/line/start", job());
        assertEquals(409, again.status());
        assertEquals("state", again.json().get("key").asText());
        assertTrue(again.json().get("error").asText().contains("EXECUTE"), again.toString());
        assertEquals(version, station.line.snapshot().version());
        assertEquals(List.of("start 1001 B1"), station.line.calls());
    }

    @Test
    void pauseResumeStopAsOperator() {
        operator.post("/line/start", job());
        assertEquals("paused", operator.post("/line/pause", null).json().get("status").asText());
        assertEquals("running", operator.post("/line/resume", null).json().get("status").asText());
        assertEquals("stopped", operator.post("/line/stop", null).json().get("status").asText());
        assertEquals(List.of("start 1001 B1", "pause 1001", "resume 1001", "stop 1001"), station.line.calls());
    }

    @Test
    void endBatchAndChallengeAsSupervisor() {
        operator.post("/line/start", job());
        ApiClient supervisor = station.signedIn("2001", "234567");
        JsonNode challenge = supervisor.post("/line/challenge", null).json();
        assertTrue(challenge.get("passed").asBoolean());
        assertTrue(challenge.get("gateFired").asBoolean());
        ApiClient.Response running = supervisor.post("/line/end-batch", null);
        assertEquals(409, running.status(), "a running line is paused or stopped before its batch ends: " + running);
        assertEquals("state.endOnlyStopped", running.json().get("messageKey").asText());
        operator.post("/line/pause", null);
        assertEquals("stopped", supervisor.post("/line/end-batch", null).json().get("status").asText());
        assertEquals(List.of("start 1001 B1", "challenge 2001", "pause 1001", "end-batch 2001"), station.line.calls());
    }

    @Test
    void aStoppedJobIsResumableAndRestartResumesIt() {
        assertFalse(operator.get("/status").json().get("resumable").asBoolean(), "no job yet");
        operator.post("/line/start", job());
        station.line.produce(5);
        assertFalse(operator.get("/status").json().get("resumable").asBoolean(), "running");
        JsonNode stopped = operator.post("/line/stop", null).json();
        assertEquals("STOPPED", stopped.get("state").asText());
        assertTrue(stopped.get("resumable").asBoolean(), stopped.toString());
        String jobId = stopped.get("job").get("jobId").asText();

        ApiClient.Response restarted = operator.post("/line/restart", null);
        assertEquals(200, restarted.status(), restarted.toString());
        assertEquals("EXECUTE", restarted.json().get("state").asText());
        assertEquals(jobId, restarted.json().get("job").get("jobId").asText(), "the same job");
        assertFalse(restarted.json().get("resumable").asBoolean());
        assertEquals(List.of("start 1001 B1", "stop 1001", "restart 1001 " + jobId), station.line.calls());
    }

    @Test
    void aFaultIsClearedAndTheJobResumed() {
        operator.post("/line/start", job());
        station.line.produce(3);
        Alarm fault = station.line.fault("printer.headOpen", "printer-1: print head open");
        JsonNode aborted = operator.get("/status").json();
        assertEquals("ABORTED", aborted.get("state").asText());
        assertEquals("fault", aborted.get("status").asText());
        assertTrue(aborted.get("resumable").asBoolean(), "restart may clear and resume at once");

        for (String path : List.of("/line/clear", "/line/restart")) {
            ApiClient.Response unseen = operator.post(path, null);
            assertEquals(409, unseen.status(), path + ": " + unseen);
            assertTrue(unseen.json().get("error").asText().contains("acknowledge the alarm first (alarm " + fault.id()
                    + ", printer.headOpen"), unseen.toString());
        }
        assertEquals("ABORTED", operator.get("/status").json().get("state").asText(), "refused: still aborted");
        assertEquals(200, operator.post("/alarms/" + fault.id() + "/ack", null).status());

        ApiClient.Response cleared = operator.post("/line/clear", null);
        assertEquals(200, cleared.status(), cleared.toString());
        assertEquals("STOPPED", cleared.json().get("state").asText());
        assertTrue(cleared.json().get("resumable").asBoolean());
        assertEquals(409, operator.post("/line/clear", null).status(), "cleared already");

        JsonNode running = operator.post("/line/restart", null).json();
        assertEquals("EXECUTE", running.get("state").asText());
        assertEquals(1, running.get("counters").get("voided").asInt(), "the unit in flight at the fault stays voided");
        assertEquals(List.of("start 1001 B1", "ack 1001 " + fault.id(), "clear 1001",
                        "restart 1001 " + running.get("job").get("jobId").asText()),
                station.line.calls());
    }

    @Test
    void clearAndRestartRefusedInTheWrongStateAnswer409AndChangeNothing() {
        ApiClient.Response noJob = operator.post("/line/restart", null);
        assertEquals(409, noJob.status());
        assertEquals("state", noJob.json().get("key").asText());
        assertTrue(noJob.json().get("error").asText().contains("no unfinished job"), noJob.toString());
        ApiClient.Response notAborted = operator.post("/line/clear", null);
        assertEquals(409, notAborted.status());
        assertTrue(notAborted.json().get("error").asText().contains("STOPPED"), notAborted.toString());

        operator.post("/line/start", job());
        long version = station.line.snapshot().version();
        assertEquals(409, operator.post("/line/clear", null).status(), "running: nothing to clear");
        ApiClient.Response running = operator.post("/line/restart", null);
        assertEquals(409, running.status(), "running: nothing to resume");
        assertTrue(running.json().get("error").asText().contains("EXECUTE"), running.toString());
        assertEquals(version, station.line.snapshot().version());

        ApiClient supervisor = station.signedIn("2001", "234567");
        operator.post("/line/stop", null);
        supervisor.post("/line/end-batch", null);
        assertFalse(operator.get("/status").json().get("resumable").asBoolean(), "an ended batch is not resumable");
        assertEquals(409, operator.post("/line/restart", null).status(), "the batch has ended");
        assertEquals(List.of("start 1001 B1", "stop 1001", "end-batch 2001"), station.line.calls());
    }

    @Test
    void clearAndRestartNeedASignInAndASameSiteRequest() {
        operator.post("/line/start", job());
        operator.post("/line/stop", null);
        List<String> before = station.line.calls();
        for (String path : List.of("/line/clear", "/line/restart")) {
            ApiClient.Response anonymous = station.client().post(path, null);
            assertEquals(401, anonymous.status(), path);
            assertEquals("signin.required", anonymous.json().get("key").asText());

            ApiClient noToken = station.signedIn("1001", "1234");
            noToken.csrf = null;
            ApiClient.Response csrf = noToken.post(path, null);
            assertEquals(403, csrf.status(), path + ": " + csrf);
            assertEquals("csrf", csrf.json().get("key").asText());

            ApiClient foreign = station.signedIn("1001", "1234");
            foreign.headers.put("Origin", "http://evil.example");
            assertEquals(403, foreign.post(path, null).status(), path);
        }
        assertEquals(before, station.line.calls(), "nothing changed");
        assertTrue(operator.get("/status").json().get("resumable").asBoolean());
        assertEquals(200, operator.post("/line/restart", null).status());
    }

    @Test
    void lastReconciliationIsThatOfTheLastBatchEnded() {
        ApiClient.Response none = operator.get("/jobs/last-reconciliation");
        assertEquals(404, none.status());
        assertEquals("notFound", none.json().get("key").asText());
        assertEquals(401, station.client().get("/jobs/last-reconciliation").status());

        String jobId = operator.post("/line/start", job()).json().get("job").get("jobId").asText();
        station.line.produce(6);
        station.line.reject("no-read", "F");
        operator.post("/line/stop", null);
        station.signedIn("2001", "234567").post("/line/end-batch", null);
        JsonNode r = operator.get("/jobs/last-reconciliation").json();
        assertEquals(jobId, r.get("job").asText());
        assertEquals("ENDED", r.get("state").asText());
        assertEquals(7, r.get("sent").asInt());
        assertEquals(6, r.get("verified").asInt());
        assertEquals(1, r.get("rejected").asInt());
        assertEquals(93, r.get("released").asInt());
        assertTrue(r.get("balanced").asBoolean(), r.toString());
    }

    @Test
    void alarmsAreListedAndAcknowledged() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        Alarm alarm = station.line.raiseAlarm(Alarm.Severity.FAULT, "printer.paperOut", "printer-1 out of labels");
        JsonNode alarms = operator.get("/alarms").json();
        assertEquals("printer.paperOut", alarms.get(0).get("cause").asText());
        assertEquals(404, operator.post("/alarms/999/ack", null).status());
        assertEquals(400, operator.post("/alarms/abc/ack", null).status());
        assertEquals(List.of(), station.line.calls());
        ApiClient.Response acked = operator.post("/alarms/" + alarm.id() + "/ack", null);
        assertEquals(200, acked.status());
        assertEquals(0, acked.json().get("alarms").size());
        assertEquals(List.of("ack 1001 " + alarm.id()), station.line.calls());
    }

    @Test
    void failuresMapToStatusCodes() {
        station.line.failNext(new DeviceException("printer-1", "no answer on tcp://127.0.0.1:9100 after 2000 ms"));
        ApiClient.Response device = operator.post("/line/start", job());
        assertEquals(503, device.status());
        assertTrue(device.json().get("error").asText().contains("printer-1"));
        station.line.failNext(new IllegalStateException("bug"));
        ApiClient.Response bug = operator.post("/line/start", job());
        assertEquals(500, bug.status());
        assertEquals("internal", bug.json().get("key").asText());
        assertEquals(List.of(), station.line.calls());
    }

    static Map<String, Object> job() {
        return Map.of("productId", "P-001", "batch", "B1", "productionDate", "2026-03-01", "traceLevel", "ITEM",
                "quantity", 100, "printer", "printer-1", "scanner", "scanner-1", "minimumGrade", "C");
    }
}
