package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.line.CodeBox;
import io.tracemark.line.LineSettings;
import io.tracemark.sim.DegradationMix;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The live view, the device page, the trends and the camera set-up in real Chromium on the simulated
 * line, driven by touch events only (DevTools Input.dispatchTouchEvent): the label, frame and verdict
 * shown belong to one unit; a paper-out fault is recovered with the device page's "reload paper" on
 * the virtual printer and then cleared with 清除故障; the trends draw; a supervisor draws the code box
 * on a live frame with a finger and it is stored. Screenshots in target/screenshots/.
 */
class LiveDevicesBrowserTest {

    private static HeadlessChromium browser;

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void aSupervisorWatchesTheLineRecoversPaperOutReadsTrendsAndDrawsTheCodeBox(@TempDir Path dataDir) throws IOException {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir,
                LineFaults.parse("printer.paperOutAfter=60", DegradationMix.none(), 7),
                LineSettings.defaults().withChallengeAtStart(false), 1_000, 7, 0, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options)) {
            UserAccounts accounts = new UserAccounts(new SqliteUserStore(sim.database()), new PinHasher(1000),
                    Clock.systemUTC());
            accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "234567");
            try (PanelServer server = sim.station().startPanel(accounts, "127.0.0.1", 0)) {
                browser.open(server.port());
                signInByTouch("2001", "234567");
                sim.line().start(SampleStation.itemJob(400, LocalDate.now()), "2001");

                // live view: label, frame and verdict of one unit
                browser.await(Duration.ofSeconds(30), () -> browser.byId("img-label").isDisplayed()
                        && browser.byId("img-frame").isDisplayed() && !browser.text("verdict").isEmpty());
                Map<?, ?> units = (Map<?, ?>) browser.driver.executeScript("""
                        return {label: document.getElementById('img-label').dataset.unit,
                                frame: document.getElementById('img-frame').dataset.unit,
                                verdict: document.getElementById('verdict').dataset.unit,
                                caption: document.getElementById('live-unit').textContent};""");
                assertEquals(units.get("label"), units.get("frame"), "label and frame of one unit: " + units);
                assertEquals(units.get("label"), units.get("verdict"), "verdict of that unit: " + units);
                assertTrue(String.valueOf(units.get("caption")).startsWith("第 "), units.toString());
                browser.assertLineViewFits(1024, 600);
                browser.screenshot("live-1024x600");

                // paper out: the line stops; the device page says so and reloads paper at the virtual printer
                browser.await(Duration.ofSeconds(40), () -> browser.text("status-text").equals("故障"));
                browser.tap(browser.tab("devices"));
                By paperOut = By.cssSelector("#device-printer-1-conditions [data-condition=PAPER_OUT]");
                browser.await(Duration.ofSeconds(10), () -> !browser.driver.findElements(paperOut).isEmpty());
                assertEquals("缺纸", browser.driver.findElement(paperOut).getText());
                assertEquals("在线", browser.text("device-printer-1-link"));
                assertTrue(browser.byId("vbtn-printer-1-reloadPaper").isDisplayed());
                browser.assertTouchTargets();
                browser.assertVisibleTextFromBundle(List.of(SimulatedLine.PRINTER, SimulatedLine.SCANNER,
                        sim.gate().name()));
                browser.screenshot("devices-paper-out-1024x600");
                browser.tapId("vbtn-printer-1-reloadPaper");
                browser.await(Duration.ofSeconds(10), () -> browser.driver.findElements(paperOut).isEmpty());
                browser.screenshot("devices-paper-reloaded-1024x600");

                // then 清除故障 on the line view, and the job resumes
                browser.tap(browser.tab("line"));
                browser.await(() -> browser.byId("alarm-ack").isDisplayed());
                browser.tapId("alarm-ack");
                browser.await(() -> browser.button("clear").isDisplayed());
                browser.tap(browser.button("clear"));
                browser.await(Duration.ofSeconds(10), () -> browser.button("restart").isDisplayed());
                long before = browser.counter("verified");
                browser.tap(browser.button("restart"));
                browser.await(Duration.ofSeconds(15), () -> browser.text("status-text").equals("运行中"));
                browser.await(Duration.ofSeconds(30), () -> browser.counter("verified") > before + 10);

                // trends: rate, yield and reject causes drawn by uPlot from the jar
                browser.tap(browser.tab("trends"));
                browser.await(Duration.ofSeconds(10), () -> "true".equals(browser.byId("view-trends").getDomAttribute("data-drawn")));
                for (String chart : List.of("trend-rate", "trend-yield", "trend-reasons")) {
                    WebElement canvas = browser.driver.findElement(By.cssSelector("#" + chart + " canvas"));
                    assertTrue(canvas.getSize().getWidth() > 300 && canvas.getSize().getHeight() > 40,
                            chart + " drawn: " + canvas.getSize());
                }
                assertTrue(browser.text("trends-summary").startsWith("合格 "), browser.text("trends-summary"));
                browser.assertVisibleTextFromBundle(List.of());
                browser.screenshot("trends-1024x600");

                // camera set-up: a finger draws the code box on the live frame
                browser.tap(browser.tab("camera"));
                browser.await(Duration.ofSeconds(10), () -> browser.byId("camera-frame").isDisplayed());
                WebElement frame = browser.byId("camera-frame");
                int w = frame.getSize().getWidth();
                int h = frame.getSize().getHeight();
                drag(frame, 0.10, 0.15, 0.80, 0.85);
                browser.await(() -> browser.byId("camera-save").isEnabled());
                assertTrue(browser.byId("camera-box").isDisplayed());
                browser.screenshot("camera-box-drawn-1024x600");
                // In headless Chromium the first tap after a CDP-dispatched drag arrives as pointerdown/pointerup on the
                // button but produces no click (seen 2026-12-02; a touch on the message line first ends that gesture).
                // Whether a real touch panel does the same is not known here: see the session-7 closing note.
                PanelTouch touch = new PanelTouch(browser);
                touch.tapId("camera-message");
                touch.tapId("camera-save");
                browser.await(Duration.ofSeconds(15), () -> sim.line().codeBox(SimulatedLine.SCANNER).isPresent()
                        || browser.byId("toast").isDisplayed() && browser.byId("toast").getDomAttribute("class").contains("error"));
                browser.screenshot("camera-box-saved-1024x600");
                assertTrue(sim.line().codeBox(SimulatedLine.SCANNER).isPresent(), "stored; toast: " + browser.text("toast-text"));
                CodeBox box = sim.line().codeBox(SimulatedLine.SCANNER).orElseThrow();
                double scale = box.frameWidth() / (double) w;
                assertEquals(0.10 * w * scale, box.box().x, 0.02 * box.frameWidth(), box.toString());
                assertEquals(0.70 * w * scale, box.box().width, 0.03 * box.frameWidth(), box.toString());
                assertEquals(0.70 * h * scale, box.box().height, 0.03 * box.frameHeight(), box.toString());
                assertEquals("2001", box.setBy());
                browser.await(() -> browser.text("camera-current").startsWith("当前区域"));
                browser.assertTouchTargets();
                browser.screenshot("camera-box-saved-1024x600");
                sim.line().stop("2001");
            }
        }
    }

    private static void signInByTouch(String user, String pin) {
        browser.tapId("field-user");
        browser.tap(By.cssSelector("[data-key=clear]"));
        user.chars().forEach(c -> browser.tap(By.cssSelector("[data-key='" + (char) c + "']")));
        browser.tapId("field-pin");
        browser.tap(By.cssSelector("[data-key=clear]"));
        pin.chars().forEach(c -> browser.tap(By.cssSelector("[data-key='" + (char) c + "']")));
        browser.tapId("signin-submit");
        browser.await(() -> browser.byId("app").isDisplayed());
    }

    /** A finger put down at one point of the element (fractions of its size), moved, and lifted at another. */
    private static void drag(WebElement element, double fx0, double fy0, double fx1, double fy1) {
        Map<?, ?> r = (Map<?, ?>) browser.driver.executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return {x: r.left, y: r.top, w: r.width, h: r.height};""", element);
        double x = ((Number) r.get("x")).doubleValue();
        double y = ((Number) r.get("y")).doubleValue();
        double w = ((Number) r.get("w")).doubleValue();
        double h = ((Number) r.get("h")).doubleValue();
        touch("touchStart", x + fx0 * w, y + fy0 * h);
        for (int i = 1; i <= 5; i++) {
            double f = i / 5.0;
            touch("touchMove", x + (fx0 + (fx1 - fx0) * f) * w, y + (fy0 + (fy1 - fy0) * f) * h);
        }
        browser.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    private static void touch(String type, double x, double y) {
        Map<String, Object> point = Map.of("x", x, "y", y, "radiusX", 4, "radiusY", 4, "force", 1, "id", 1);
        browser.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", List.of(point)));
    }
}
