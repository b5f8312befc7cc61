package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.pack.Aggregation;
import io.tracemark.pack.SsccRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A supervisor packs a partial case at the panel (headless Chromium) with a hand scanner: a keyboard wedge types
 * each code into the focused scan field and presses Enter; a repeat scan is refused with the rule's message; the
 * partial case closes only with a reason; the case goes onto a pallet.
 */
class PackingBrowserTest {

    private static HeadlessChromium browser;

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void aSupervisorPacksAPartialCaseWithTheHandScannerAndPutsItOnAPallet() throws Exception {
        try (TestStation station = new TestStation()) {
            List<String> codes = verifiedUnits(station, 3);
            Aggregation packs = new Aggregation(station.db);
            packs.addSsccRange(new SsccRange("6901234", 0, 1, 100), "test", "test");
            station.server.usePacking(new PackingDesk(packs, Optional.empty(), 6));

            browser.viewport(1280, 800);
            browser.driver.get("http://127.0.0.1:" + station.port + "/");
            browser.await(() -> "true".equals(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.signIn("2001", "234567");
            WebElement tab = browser.driver.findElement(By.cssSelector("a.tab[href='packing.html']"));
            assertEquals("装箱", tab.getText());
            tab.click();
            browser.await(() -> "true".equals(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertEquals("6", browser.driver.findElement(By.id("pk-capacity")).getDomProperty("value"), "the station's case size");

            browser.driver.findElement(By.id("pk-open-case")).click();
            browser.await(() -> text("pk-case-sscc").startsWith("06901234"));
            String sscc = text("pk-case-sscc");
            WebElement scan = browser.driver.findElement(By.id("pk-scan"));
            browser.await(() -> scan.equals(browser.driver.switchTo().activeElement()));
            // the wedge types what the scanner decoded, then CR: bracketed, and raw GS1 as a DataMatrix gives it
            wedge(codes.get(0));
            browser.await(() -> text("pk-case-count").startsWith("1/6"));
            wedge("010690123400001621PACK2");
            browser.await(() -> text("pk-case-count").startsWith("2/6"));
            wedge(codes.get(0));
            browser.await(() -> text("pk-message").contains("scanned twice"));
            assertTrue(browser.driver.findElement(By.cssSelector("#pk-log li.refused")).getText().contains(codes.get(0)));
            assertTrue(text("pk-case-count").startsWith("2/6"), "the refused scan changed nothing");

            browser.driver.findElement(By.id("pk-close-case")).click();
            browser.await(() -> text("pk-message").contains("needs a reason"));
            browser.driver.findElement(By.id("pk-reason")).sendKeys("batch end");
            browser.driver.findElement(By.id("pk-close-case")).click();
            browser.await(() -> text("pk-case-count").contains("已关闭"));
            browser.assertTouchTargets();
            browser.screenshot("packing-1280x800");

            browser.driver.findElement(By.id("pk-open-pallet")).click();
            browser.await(() -> text("pk-pallet-sscc").startsWith("06901234"));
            browser.driver.findElement(By.id("pk-put-case")).click();
            browser.await(() -> text("pk-pallet-count").startsWith("1/"));

            var box = packs.parent(io.tracemark.pack.Sscc.parse(sscc)).orElseThrow();
            assertEquals(2, box.children());
            assertEquals(Optional.of(io.tracemark.pack.Sscc.parse(text("pk-pallet-sscc"))), box.palletSscc());
            assertEquals(List.of(codes.get(0), codes.get(1)), packs.codesIn(box.sscc()));
            assertEquals(1, station.db.count("SELECT count(*) FROM audit_log WHERE action = 'pack.close-partial' "
                    + "AND actor = '2001' AND detail LIKE '%2 of 6: batch end'"));
        }
    }

    private static void wedge(String code) {
        browser.driver.switchTo().activeElement().sendKeys(code + Keys.ENTER);
    }

    private static String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private static List<String> verifiedUnits(TestStation station, int n) {
        CodeLedger ledger = new CodeLedger(station.db);
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            codes.add("(01)06901234000016(21)PACK" + i);
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
