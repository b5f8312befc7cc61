package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A supervisor opens the audit trail from the panel (headless Chromium), filters it, checks the chain and finds a tampered entry. */
class AuditBrowserTest {

    private static HeadlessChromium browser;

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void aSupervisorFiltersTheTrailAndSeesTheFirstBrokenEntry() throws java.io.IOException {
        try (TestStation station = new TestStation()) {
            station.signedIn("1001", "1234");
            station.signedIn("1001", "1234");
            browser.viewport(1280, 800);
            browser.driver.get("http://127.0.0.1:" + station.port + "/");
            browser.await(() -> "true".equals(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.signIn("2001", "2345");
            WebElement link = browser.driver.findElement(By.cssSelector("a.audit-link"));
            assertEquals("审计记录", link.getText());
            link.click();
            browser.await(() -> "true".equals(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.await(() -> rows().size() == 3);
            assertTrue(rows().get(0).getText().contains("2001"), rows().get(0).getText());

            WebElement actor = browser.driver.findElement(By.cssSelector("#audit-filter input[name=actor]"));
            actor.sendKeys("1001");
            browser.driver.findElement(By.id("audit-search")).click();
            browser.await(() -> rows().size() == 2 && rows().stream().allMatch(r -> r.getText().contains("1001")));

            browser.driver.findElement(By.id("audit-verify")).click();
            browser.await(() -> browser.driver.findElement(By.id("audit-verdict")).getText().startsWith("哈希链完整"));
            assertTrue(browser.driver.findElement(By.id("audit-verdict")).getText().contains("3 条记录"));

            station.db.inTransaction(conn -> {
                try (Statement st = conn.createStatement()) {
                    return st.executeUpdate("UPDATE audit_log SET actor = '9001' WHERE id = 2");
                }
            });
            actor.clear();
            browser.driver.findElement(By.id("audit-verify")).click();
            browser.await(() -> browser.driver.findElement(By.id("audit-verdict")).getText().startsWith("哈希链在第 2 条记录处断裂"));
            browser.await(() -> !browser.driver.findElements(By.cssSelector("tr.audit-broken[data-id='2']")).isEmpty());
            browser.assertTouchTargets();
            browser.screenshot("audit-1280x800");

            browser.driver.findElement(By.cssSelector(".audit-head .lang-switch")).click();
            browser.await(() -> browser.driver.findElement(By.cssSelector(".audit-head h1")).getText().equals("Audit trail"));
        }
    }

    @Test
    void withoutASessionThePageAsksToSignIn() {
        try (TestStation station = new TestStation()) {
            browser.driver.manage().deleteAllCookies();
            browser.driver.get("http://127.0.0.1:" + station.port + "/audit.html");
            browser.await(() -> "true".equals(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertTrue(browser.driver.findElement(By.id("audit-signin")).isDisplayed());
            assertEquals(false, browser.driver.findElement(By.id("audit-main")).isDisplayed());
        }
    }

    private static List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#audit-rows tr[data-id]"));
    }
}
