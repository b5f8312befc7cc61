package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.codes.ElementString;
import io.tracemark.codes.ElementStringScheme;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.ledger.SchemeValidator;
import io.tracemark.line.PackMlState;
import io.tracemark.master.Producer;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.UnitEventType;
import io.tracemark.sim.DegradationMix;
import io.tracemark.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole simulated line with its codes from the in-process reference platform: every unit
 * reported exactly once, the daily quantity, the public page of a verified unit, and a job that
 * never takes another product's codes.
 */
class PlatformLineTest {

    private static final int UNITS = 60;
    private static final String HELMET_GTIN = "06901234000092";

    @TempDir
    Path dir;

    @Test
    void everyVerifiedUnitReachesThePlatformOnceAndItsPublicPageShowsItProduced() throws Exception {
        importHelmetCodesFirst(dir, 100);
        SimulatedLine.Options o = new SimulatedLine.Options(dir, LineFaults.parse("camera.defectRate=0.1",
                DegradationMix.line(), 11), LineRig.quick().withConsecutiveRejectLimit(20), 200, 3, 0, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(o)) {
            DemoRun.Outcome outcome = DemoRun.run(sim, UNITS, 5, Duration.ofSeconds(120));
            Reconciliation r = outcome.books().orElseThrow(() -> new AssertionError("no job: " + outcome));
            assertEquals(UNITS, r.verified(), r.toString());
            assertTrue(r.rejected() > 0, "the camera's defects made some rejects: " + r);
            DemoPlatform.Report report = sim.platform().finish(r.job(), Duration.ofSeconds(30));
            ReferencePlatform platform = sim.platform().platform();

            assertEquals(0, report.backlog(), "outbox drained");
            List<String> verified = codes(sim.database(), r.job(), "VERIFIED");
            assertEquals(UNITS, verified.size());
            for (String code : verified) {
                CodeStatus status = platform.codeStatus(code).orElseThrow(() -> new AssertionError(code + " unknown"));
                assertEquals(UnitEventType.VERIFIED, status.lastEvent(), code);
                assertEquals(1, status.eventCount(), code + " held once");
                assertEquals(SampleData.KETTLE, status.productId());
            }
            long verdicts = sim.database().count("SELECT count(*) FROM units WHERE job_id = ? AND state <> 'SENT'", r.job());
            assertEquals(verdicts, platform.eventCount(), "every verdict (verified, rejected, voided) exactly once");
            assertEquals(0, sim.database().count("SELECT count(*) FROM units u JOIN codes c ON c.id = u.code_id"
                    + " WHERE u.job_id = ? AND c.code LIKE ?", r.job(), "%" + HELMET_GTIN + "%"), "no helmet code on a kettle");

            LocalDate today = LocalDate.now(ZoneId.systemDefault());
            assertEquals(UNITS, platform.dailyQuantity(SampleData.KETTLE, today).orElseThrow().quantity());
            assertEquals(UNITS, report.dailyQuantity().get(SampleData.KETTLE));

            URI page = report.publicPage().orElseThrow();
            assertEquals(platform.publicPage(verified.get(0)), page);
            HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, got.statusCode());
            Producer producer = sim.masterData().product(SampleData.KETTLE).orElseThrow().producer();
            assertTrue(got.body().contains("已生产（出厂检验合格）"), got.body());
            assertTrue(got.body().contains("电热水壶"), got.body());
            assertTrue(got.body().contains(producer.name()), "the producer is public (5.3.3.1): " + got.body());
            assertTrue(got.body().contains("data-verdict=\"passed\""), got.body());
        }
    }

    @Test
    void restartOnTheSameDataPullsAndReportsNothingTwice() {
        SimulatedLine.Options o = new SimulatedLine.Options(dir, LineFaults.parse("", DegradationMix.none(), 1),
                LineRig.quick(), 150, 3, 0, "zt411-203");
        long codes;
        long events;
        try (SimulatedLine sim = SimulatedLine.start(o)) {
            Reconciliation r = DemoRun.run(sim, 20, 0, Duration.ofSeconds(60)).books().orElseThrow();
            sim.platform().finish(r.job(), Duration.ofSeconds(30));
            codes = sim.database().count("SELECT count(*) FROM codes");
            events = sim.platform().platform().eventCount();
            assertEquals(20, events);
        }
        try (SimulatedLine sim = SimulatedLine.start(o.withCodes(130))) {
            assertEquals(codes, sim.database().count("SELECT count(*) FROM codes"), "buffer still full: nothing pulled");
            assertEquals(1, sim.database().count("SELECT count(*) FROM code_packages"));
            assertEquals(events, sim.platform().platform().eventCount());
            assertTrue(sim.platform().platform().ranges().size() == 1, "one range ever issued");
        }
    }

    /** A helmet range with GS1 codes, imported before the platform's kettle codes (so it comes first by age). */
    private static void importHelmetCodesFirst(Path dir, int n) {
        try (Database db = Database.open(dir)) {
            List<String> codes = IntStream.range(0, n).mapToObj(i -> ElementString.of("01", HELMET_GTIN, "21",
                    String.format("H%06d", i)).toBracketed()).toList();
            new CodeLedger(db).importCodes(codes, "platform:" + SampleData.HELMET + ":R-H", "gs1", SampleData.HELMET,
                    SchemeValidator.of(new ElementStringScheme()), "tester");
        }
    }

    private static List<String> codes(Database db, String job, String state) {
        return db.read(conn -> {
            List<String> out = new ArrayList<>();
            try (var ps = conn.prepareStatement("SELECT c.code FROM units u JOIN codes c ON c.id = u.code_id"
                    + " WHERE u.job_id = ? AND u.state = ? ORDER BY u.id")) {
                ps.setString(1, job);
                ps.setString(2, state);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }
}
