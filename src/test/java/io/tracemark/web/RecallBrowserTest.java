package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.pack.RecallFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The recall page in headless Chromium: a supervisor opens it from the panel's tab, types a batch on the on-screen
 * keyboard, sees the counts, buyers (with contact), pallets, cases and units; a bad code is refused with the
 * bundle's text; a pallet scanned by a hand scanner (keyboard wedge); the recall notice after the confirm dialog.
 * An operator sees the refusal only.
 */
class RecallBrowserTest {

    private static HeadlessChromium browser;

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void aSupervisorRecallsABatchAtThePanelAndSendsTheNotice() throws Exception {
        try (TestStation station = new TestStation()) {
            RecallFixture r = RecallApiTest.fixture(station);
            browser.viewport(1280, 800);
            browser.driver.get("http://127.0.0.1:" + station.port + "/");
            awaitReady();
            browser.signIn("2001", "234567");
            WebElement tab = browser.driver.findElement(By.cssSelector("a.tab[href='recall.html']"));
            browser.await(tab::isDisplayed);
            assertEquals("召回", tab.getText());
            tab.click();
            awaitReady();

            browser.tap(browser.driver.findElement(By.id("rc-batch")));
            browser.await(() -> browser.byId("kbd").getDomAttribute("hidden") == null);
            for (String key : List.of("B", "1")) {
                browser.tap(By.cssSelector("#kbd [data-kbd='" + key + "']"));
            }
            browser.tap(By.cssSelector("#kbd [data-kbd='done']"));
            assertEquals("B1", browser.driver.findElement(By.id("rc-batch")).getDomProperty("value"));
            browser.tap(browser.driver.findElement(By.id("rc-search")));
            browser.await(() -> "13".equals(text("rc-n-units")));
            assertEquals("11", text("rc-n-shipped"));
            assertEquals("2", text("rc-n-factory"));
            assertEquals("3", text("rc-n-cases"));
            assertEquals("1", text("rc-n-pallets"));
            assertEquals("2", text("rc-n-buyers"));
            List<WebElement> buyers = browser.driver.findElements(By.cssSelector("#rc-buyers tr"));
            assertEquals(2, buyers.size());
            assertTrue(buyers.get(0).getText().contains(RecallFixture.FIRST.name()), buyers.get(0).getText());
            assertTrue(buyers.get(0).getText().contains(RecallFixture.FIRST.contact()), "a supervisor sees the contact");
            assertTrue(buyers.get(0).getText().endsWith("8"), buyers.get(0).getText());
            assertEquals(13, browser.driver.findElements(By.cssSelector("#rc-units tr")).size());
            assertTrue(browser.driver.findElements(By.cssSelector("#rc-units tr")).get(12).getText().contains("剔除"));
            assertEquals(3, browser.driver.findElements(By.cssSelector("#rc-cases tr")).size());
            assertTrue(text("rc-message").contains("找到 13 个产品单元"), text("rc-message"));
            browser.assertTouchTargets();
            browser.screenshot("recall-1280x800");

            // a hand scanner types a pallet's SSCC into the code field and ends it with Enter
            browser.driver.findElement(By.id("rc-batch")).clear();
            WebElement code = browser.driver.findElement(By.id("rc-code"));
            browser.tap(code);
            code.sendKeys("NOPE" + Keys.ENTER);
            browser.await(() -> text("rc-message").contains("既不是本工作站的产品码"));
            code.clear();
            code.sendKeys("(00)" + r.ssccs().get(3) + Keys.ENTER);
            browser.await(() -> "8".equals(text("rc-n-units")));
            assertEquals("0", text("rc-n-factory"));

            browser.driver.findElement(By.id("rc-reason")).sendKeys("温控器存在过热风险");
            browser.tap(browser.driver.findElement(By.id("rc-notify")));
            browser.await(() -> browser.byId("confirm-dialog").isDisplayed());
            assertTrue(text("confirm-text").contains("8"), text("confirm-text"));
            browser.tap(browser.driver.findElement(By.id("confirm-yes")));
            browser.await(() -> text("rc-message").contains("召回 1 已记录"));
            assertEquals(8, station.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.recalled'"));
            assertEquals(1, station.db.count("SELECT count(*) FROM audit_log WHERE action = 'recall.notify' AND actor = '2001'"));

            browser.tap(browser.driver.findElement(By.id("rc-lang")));
            browser.await(() -> "Units".equals(browser.driver.findElement(By.cssSelector("#rc-counts dt")).getText()));
        }
    }

    @Test
    void anOperatorIsToldRecallIsForSupervisors() {
        try (TestStation station = new TestStation()) {
            RecallApiTest.fixture(station);
            browser.viewport(1280, 800);
            browser.driver.get("http://127.0.0.1:" + station.port + "/");
            awaitReady();
            browser.signIn("1001", "1234");
            assertTrue(browser.driver.findElements(By.cssSelector("a.tab[href='recall.html']")).stream()
                    .noneMatch(WebElement::isDisplayed), "no recall tab for an operator");
            browser.driver.get("http://127.0.0.1:" + station.port + "/recall.html");
            awaitReady();
            assertTrue(browser.byId("rc-forbidden").isDisplayed());
            assertEquals("召回仅限主管或管理员。", text("rc-forbidden"));
            assertTrue(!browser.byId("rc-main").isDisplayed());
        }
    }

    private static void awaitReady() {
        browser.await(() -> "true".equals(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private static String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }
}
