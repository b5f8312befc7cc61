package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.app.LineEvents;
import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.line.LineSettings;
import io.tracemark.sim.DegradationMix;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The PLC's own reject count of the job on the line, beside the station's reject count on the line
 * view (zh-CN, then English): the simulated line's gate has a reject counter that counts its first
 * pulse twice (fault plan {@code gate.extraAt=1}), so the two numbers differ by one and the panel shows
 * the PLC's, as the station read it back; a third of the labels are missing from the camera's view,
 * so those units are rejected. At job end the mismatch is an alarm on the panel. The panel is the
 * station's own ({@code Station.startPanel}).
 */
class PanelPlcCountBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @Test
    void theLineViewShowsThePlcRejectCountOfTheRunningJobBesideTheStations(HeadlessChromium browser,
                                                                          @TempDir Path dataDir) throws IOException {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir,
                LineFaults.parse("camera.missingRate=0.3,gate.confirms=false,gate.extraAt=1", DegradationMix.none(), 7),
                LineSettings.defaults().withChallengeAtStart(false).withConsecutiveRejectLimit(100)
                        .withVerdictTimeout(Duration.ofSeconds(30)), 2_000, 7, 0, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options);
             PanelServer panel = sim.station().startPanel("432100")) {
            browser.open(panel.port());
            browser.signIn("9001", "432100");
            assertTrue(browser.byId("cnt-plc").getAttribute("hidden") != null, "no job on the line: no PLC count");

            sim.line().start(SampleStation.itemJob(40, LocalDate.now()), "9001");
            LineEvents.awaitThat(sim.line(), "3 rejected", () -> sim.line().snapshot().counters().rejected() >= 3);
            sim.line().stop("9001"); // the job stays on the line, its counts stand still
            long rejected = sim.line().snapshot().counters().rejected();
            long plc = rejected + 1; // the gate counted its first pulse twice

            browser.await(Duration.ofSeconds(30), () -> browser.text("cnt-plc").equals("PLC 计数 " + plc)
                    && browser.counter("rejected") == rejected);
            assertEquals(plc, sim.gate().plcRejectCount(), "the count shown is the gate's own");
            browser.screenshot("line-plc-count-zh-1024x600");
            browser.assertLineViewFits(1024, 600);

            browser.driver.findElement(By.cssSelector("#app .lang-switch")).click();
            browser.await(() -> browser.text("cnt-plc").equals("PLC counted " + plc));
            browser.driver.findElement(By.cssSelector("#app .lang-switch")).click();
            browser.await(() -> browser.text("cnt-plc").equals("PLC 计数 " + plc));

            // at job end the station compares the counts: the PLC counted one reject it was not told to make
            sim.line().endBatch("9001");
            browser.await(Duration.ofSeconds(30), () -> !browser.byId("cnt-plc").isDisplayed()
                    && browser.byId("alarm-banner").isDisplayed());
            assertEquals("PLC 剔除计数与本站不一致", browser.text("alarm-cause"));
            assertFalse(browser.text("alarm-steps").isBlank(), "the alarm says what to do");
            browser.byId("alarm-ack").click();
            browser.await(Duration.ofSeconds(10), () -> !browser.byId("alarm-banner").isDisplayed());
            browser.signOut();
        }
    }
}
