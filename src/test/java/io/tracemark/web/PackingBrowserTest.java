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
 * partial case closes only with a reason; the case goes onto a pallet; the pallet ships to a buyer (a shipment
 * with the buyer, the pallet scanned with the hand scanner, closed after a confirmation) and the books show it.
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
            io.tracemark.pack.Shipping shipping = new io.tracemark.pack.Shipping(station.db, station.db,
                    java.time.Clock.systemUTC(), false);
            station.server.usePacking(new PackingDesk(packs, Optional.empty(), 6, Optional.of(shipping), Optional.empty()));

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

            // the pallet (partial: a supervisor, with the reason still typed) closes, then ships to a buyer
            String pallet = text("pk-pallet-sscc");
            browser.driver.findElement(By.id("pk-close-pallet")).click();
            browser.await(() -> text("pk-pallet-count").contains("已关闭"));
            browser.driver.findElement(By.id("pk-order")).sendKeys("SO-2026-0042");
            browser.driver.findElement(By.id("pk-buyer-name")).sendKeys("广州市越秀电器销售有限公司");
            browser.driver.findElement(By.id("pk-buyer-address")).sendKeys("广州市越秀区中山五路 1 号");
            browser.driver.findElement(By.id("pk-buyer-contact")).sendKeys("13800138000");
            browser.driver.findElement(By.id("pk-ship-create")).click();
            browser.await(() -> text("pk-ship-order").equals("SO-2026-0042"));
            assertTrue(text("pk-ship-buyer").contains("13800138000"), "a supervisor sees the buyer's contact: " + text("pk-ship-buyer"));
            browser.driver.findElement(By.id("pk-ship-scan")).click();
            wedge(codes.get(2)); // a loose verified unit ships too
            browser.await(() -> text("pk-ship-count").startsWith("1 "));
            wedge(pallet);
            browser.await(() -> text("pk-ship-count").startsWith("2 "));
            assertTrue(text("pk-ship-count").contains("3 "), "the pallet ships with its case's 2 units: " + text("pk-ship-count"));
            wedge(pallet);
            browser.await(() -> text("pk-message").contains("重复扫描"));
            browser.driver.findElement(By.id("pk-ship-close")).click();
            browser.await(() -> browser.driver.findElement(By.id("confirm-dialog")).isDisplayed());
            assertTrue(text("confirm-text").contains("SO-2026-0042"), text("confirm-text"));
            browser.assertTouchTargets();
            browser.screenshot("shipping-confirm-1280x800");
            browser.driver.findElement(By.id("confirm-yes")).click();
            browser.await(() -> text("pk-ship-count").contains("已出厂"));

            var shipment = shipping.shipment("SO-2026-0042").orElseThrow();
            assertEquals("CLOSED", shipment.state());
            assertEquals(3, shipment.units());
            assertEquals(3, station.db.count("SELECT count(*) FROM shipped_units WHERE shipment_id = ?", shipment.id()));
            assertEquals(io.tracemark.pack.ParentState.SHIPPED, packs.parent(box.sscc()).orElseThrow().state());
            assertEquals(io.tracemark.pack.ParentState.SHIPPED, packs.parent(io.tracemark.pack.Sscc.parse(pallet)).orElseThrow().state());
            assertEquals(3, station.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.shipped' "
                    + "AND payload LIKE '%SO-2026-0042%'"), "each unit's SHIPPED event with the order, for the platform");
            assertEquals(1, station.db.count("SELECT count(*) FROM audit_log WHERE action = 'shipment.close' AND actor = '2001'"));
            assertEquals(0, station.db.count("SELECT count(*) FROM audit_log WHERE detail LIKE '%13800138000%'"),
                    "the buyer's contact is never in the audit log (7.1.4)");
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
