package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The platform's consumer page in real Chromium at a phone's size (390×844 CSS px): the verdict is
 * the first thing on screen, red for a rejected, recalled or never-issued code, green for a good
 * unit; nothing is wider than the phone; the text is large enough to read. Screenshots go to
 * target/screenshots/public-*.png.
 */
class PublicPageBrowserTest {

    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;

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
    void theConsumerPageReadsWellOnAPhoneAndWarnsInRed() throws Exception {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir, true)) {
            List<String> codes = platform.activateCodes(SampleData.KETTLE, 3);
            platform.client().postEvents(List.of(
                    event(codes.get(0), UnitEventType.VERIFIED), event(codes.get(1), UnitEventType.REJECTED),
                    event(codes.get(2), UnitEventType.VERIFIED)));
            recall(platform, codes.get(2));
            browser.viewport(WIDTH, HEIGHT);

            open(platform.publicPage(codes.get(0)));
            assertVerdict("passed", "rgba(31, 138, 76, 1)", "已通过出厂检验");
            assertTrue(browser.byId("producer").getText().contains("广州市示例电器有限公司"));
            assertTrue(browser.byId("product").getText().contains("电热水壶"));
            assertFitsThePhone();
            browser.screenshot("public-passed-390x844");

            open(platform.publicPage(codes.get(1)));
            assertVerdict("rejected", "rgba(198, 40, 40, 1)", "该产品未通过出厂检验");
            assertFitsThePhone();
            browser.screenshot("public-rejected-390x844");

            open(platform.publicPage(codes.get(2)));
            assertVerdict("recalled", "rgba(198, 40, 40, 1)", "该产品已被召回");
            assertTrue(browser.byId("recall-reason").getText().contains("温控器存在过热风险"));
            assertFitsThePhone();
            browser.screenshot("public-recalled-390x844");

            open(URI.create(platform.baseUrl() + "/01/06901234000016/21/FAKE0001"));
            assertVerdict("never_issued", "rgba(198, 40, 40, 1)", "未查到该追溯码");
            assertTrue(browser.driver.findElements(By.id("product")).isEmpty(), "no product card for a fake");
            assertFitsThePhone();
            browser.screenshot("public-never-issued-390x844");
        }
    }

    private static void open(URI page) {
        browser.driver.get(page.toString());
        browser.await(() -> !browser.driver.findElements(By.id("verdict")).isEmpty());
    }

    /** The verdict in its colour, at the top of the first screen, its title in large type. */
    private static void assertVerdict(String verdict, String colour, String title) {
        WebElement box = browser.byId("verdict");
        assertEquals(verdict, box.getDomAttribute("data-verdict"));
        assertEquals(colour, box.getCssValue("background-color"));
        WebElement heading = box.findElement(By.tagName("h2"));
        assertTrue(heading.getText().contains(title), heading.getText());
        assertTrue(Double.parseDouble(heading.getCssValue("font-size").replace("px", "")) >= 22, heading.getCssValue("font-size"));
        assertTrue(box.getRect().getY() + box.getRect().getHeight() < HEIGHT / 2,
                "the verdict is in the upper half of the first screen: " + box.getRect());
        assertEquals("rgba(255, 255, 255, 1)", heading.getCssValue("color"));
    }

    private static void assertFitsThePhone() {
        assertEquals(Boolean.TRUE, browser.driver.executeScript(
                "return document.documentElement.scrollWidth <= innerWidth && innerWidth === " + WIDTH),
                "nothing wider than the phone");
        Number smallest = (Number) browser.driver.executeScript("let min = 99; for (const e of document.querySelectorAll"
                + "('dt, dd, p')) { if (e.textContent.trim()) min = Math.min(min, parseFloat(getComputedStyle(e).fontSize)); }"
                + " return min;");
        assertTrue(smallest.doubleValue() >= 13, "smallest text " + smallest + " px");
    }

    private static UnitEvent event(String code, UnitEventType type) {
        return new UnitEvent("b-" + code, code, SampleData.KETTLE, type, Instant.parse("2026-03-01T02:00:00Z"), "J1",
                type == UnitEventType.REJECTED ? "grade D" : null, null, Map.of("batch", "L260301"));
    }

    private static void recall(ReferencePlatform platform, String code) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.baseUrl() + HttpPlatformClient.API_PATH + "/admin/recalls"))
                .header("Authorization", "Bearer " + platform.adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"productId\":\"" + SampleData.KETTLE + "\",\"codes\":[\""
                        + code.replace("\\", "\\\\").replace("\"", "\\\"") + "\"],\"reason\":\"温控器存在过热风险\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }
}
