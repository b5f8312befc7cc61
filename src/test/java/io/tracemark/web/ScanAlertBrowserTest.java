package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.app.Station;
import io.tracemark.app.StationConfigReader;
import io.tracemark.core.CounterfeitAlert;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.sim.FaultPlan;
import io.tracemark.sim.VirtualPrinter;
import io.tracemark.verify.FakeGate;
import io.tracemark.verify.FakeReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A buyer scans a code the platform never issued, and a copied code again and again, on the reference
 * platform's public page (loopback HTTP); the station built from {@code station.yaml} (as {@code run}
 * builds it, platform by URL and token) pulls the platform's alerts and its panel, in headless
 * Chromium, shows them in Chinese with an English switch; a signed-in user acknowledges one, which
 * is audited with who and when and survives a restart of the station. The producer's USCC, whose check
 * character fails, was confirmed by a person on the platform: the master-data view says who, when and where.
 */
class ScanAlertBrowserTest {

    private static final String EARLY = "91350100M000100Y44";
    private static final String FAKE = "(01)" + "06901234000016" + "(21)" + "FAKE0001";

    @TempDir
    Path dir;

    private static HeadlessChromium browser;

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void theStationShowsThePlatformsAlertsAndAUserAcknowledgesOne() throws Exception {
        PrinterProfile printerProfile = PrinterProfiles.load("zt411-203");
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
             VirtualPrinter printer = new VirtualPrinter(new VirtualPrinter.Settings("printer-1", 0, printerProfile, 100,
                     FaultPlan.NONE, null, null)); // no job runs here: the printer need not draw
             FakeReader reader = new FakeReader();
             FakeGate gate = new FakeGate(unit -> true)) {
            printer.start();
            confirmEarlyUsccOnThePlatform(platform);
            String copied = platform.activateCodes(SampleData.KETTLE, 1).get(0);
            Path yaml = stationYaml(platform, printer.port(), reader.port(), gate.port());
            try (Station station = Station.builder(new StationConfigReader().read(yaml)).start();
                 PanelServer panel = station.startPanel("432100")) {
                scan(platform.baseUrl() + "/01/06901234000016/21/FAKE0001");
                for (int i = 0; i < 20; i++) {
                    scan(platform.publicPage(copied).toString());
                }

                browser.viewport(1280, 800);
                browser.driver.get("http://127.0.0.1:" + panel.port() + "/");
                browser.await(() -> "true".equals(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
                browser.signIn("9001", "432100");
                WebElement tab = browser.tab("alerts");
                browser.await(Duration.ofSeconds(60), () -> tab.isDisplayed() && "2".equals(browser.text("alerts-badge")));
                assertTrue(tab.getText().startsWith("防伪告警"), tab.getText());
                tab.click();
                browser.await(Duration.ofSeconds(10), () -> rows().size() == 2);
                String fake = rowText(FAKE);
                assertTrue(fake.contains("从未发放（疑似假冒）"), fake);
                assertTrue(fake.contains(SampleData.KETTLE), "the product whose GTIN it imitates: " + fake);
                String copy = rowText(copied);
                assertTrue(copy.contains("查询次数异常（可能被复制）"), copy);
                assertTrue(copy.contains("20"), copy);
                browser.assertTouchTargets();
                browser.screenshot("scan-alerts-1280x800");
                browser.viewport(1024, 600);
                assertEquals(Boolean.TRUE, browser.driver.executeScript("const t = document.querySelector('.topbar');"
                        + " return document.documentElement.scrollWidth <= innerWidth && t.scrollWidth <= t.clientWidth;"),
                        "an admin's six tabs fit the 1024 px top bar");
                browser.screenshot("scan-alerts-1024x600");
                browser.viewport(1280, 800);

                browser.driver.executeScript("[...document.querySelectorAll('#alerts-rows tr')]"
                        + ".find(x => x.dataset.code === arguments[0]).querySelector('.btn-ack-alert').click()", FAKE);
                browser.await(Duration.ofSeconds(10), () -> rowText(FAKE).contains("已由 9001 于"));
                browser.await(Duration.ofSeconds(10), () -> "1".equals(browser.text("alerts-badge")));
                assertEquals(1, station.database().count("SELECT count(*) FROM audit_log WHERE actor = '9001'"
                        + " AND action = 'scan-alert.ack' AND detail LIKE ?", "never-issued " + FAKE + "%"));

                browser.driver.findElement(By.cssSelector("#app .lang-switch")).click();
                browser.await(() -> browser.tab("alerts").getText().startsWith("Counterfeit alerts"));
                assertTrue(rowText(FAKE).contains("Acknowledged by 9001 at"), rowText(FAKE));
                assertTrue(rowText(copied).contains("Scanned unusually often"), rowText(copied));
                browser.driver.findElement(By.cssSelector("#app .lang-switch")).click();
                browser.await(() -> browser.tab("alerts").getText().startsWith("防伪告警"));
                browser.tab("master").click();
                browser.await(Duration.ofSeconds(10), () -> browser.text("producer-rows").contains(EARLY));
                String producer = browser.text("producer-rows");
                assertTrue(producer.contains("校验位不符，已由 王工 于") && producer.contains("在追溯平台（reference platform "
                        + platform.baseUrl() + "）核实"), producer);
                browser.screenshot("master-uscc-confirmed-on-platform");
                browser.signOut();
            }
            try (Station again = Station.builder(new StationConfigReader().read(yaml)).start()) {
                List<CounterfeitAlert> kept = again.platform().orElseThrow().scanAlerts().all();
                assertEquals(2, kept.size(), kept.toString());
                CounterfeitAlert acked = kept.stream().filter(a -> a.code().equals(FAKE)).findFirst().orElseThrow();
                assertEquals("9001", acked.acknowledgedBy(), "the acknowledgement is kept across a restart");
            }
        }
    }

    /** A person confirms an early USCC on the platform, and the sample producer is registered with it. */
    private static void confirmEarlyUsccOnThePlatform(ReferencePlatform platform) throws Exception {
        assertEquals(201, admin(platform, "POST", "/admin/uscc-confirmations",
                "{\"uscc\": \"" + EARLY + "\", \"confirmedBy\": \"王工\"}").statusCode());
        io.tracemark.platform.wire.Producer sample = platform.client().producers().get(0);
        platform.putProducer(new io.tracemark.platform.wire.Producer(sample.id(), sample.name(), EARLY, sample.address(),
                sample.contact(), sample.businessLicence()));
    }

    private static HttpResponse<String> admin(ReferencePlatform platform, String method, String path, String body)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/platform/v1"
                        + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + platform.adminToken())
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#alerts-rows tr"));
    }

    /** The text of the alert row of {@code code} as shown now (read in one script: the list re-renders on every push). */
    private static String rowText(String code) {
        Object text = browser.driver.executeScript("const r = [...document.querySelectorAll('#alerts-rows tr')]"
                + ".find(x => x.dataset.code === arguments[0]); return r ? r.innerText : null;", code);
        if (text == null) {
            throw new AssertionError("no row for " + code);
        }
        return text.toString();
    }

    /** A station on real protocols over loopback (printer, reader, gate), linked to the platform by URL and token. */
    private Path stationYaml(ReferencePlatform platform, int printerPort, int readerPort, int gatePort) throws IOException {
        Path yaml = dir.resolve("station.yaml");
        Files.writeString(yaml, """
                station:
                  name: alert-line
                  data: data
                  templates: %s
                panel:
                  host: 127.0.0.1
                  port: 0
                printers:
                  - name: printer-1
                    uri: tcp://127.0.0.1:%d
                    profile: zt411-203
                scanners:
                  - name: scanner-1
                    uri: tcp://127.0.0.1:%d
                    profile: generic
                rejectGates:
                  - name: gate-1
                    uri: tcp://127.0.0.1:%d?confirm=OK%%20%%7Bunit%%7D&timeoutMs=2000
                platform:
                  url: %s
                  token: %s
                  pullIntervalSeconds: 1
                """.formatted(Path.of("templates").toAbsolutePath(), printerPort, readerPort, gatePort, platform.baseUrl(),
                platform.stationToken()));
        return yaml;
    }

    private static void scan(String page) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 404, page + " → " + r.statusCode());
    }
}
