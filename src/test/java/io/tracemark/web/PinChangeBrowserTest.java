package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A supervisor whose 4-digit PIN dates from before the 6-digit rule signs in at the panel and is led,
 * on the same keypad, to choose a new PIN before the line view opens; every text comes from the bundle.
 */
class PinChangeBrowserTest {

    private static HeadlessChromium browser;

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void aShortSupervisorPinIsReplacedOnTheKeypadAtSignIn() throws Exception {
        try (TestStation station = new TestStation()) {
            new SqliteUserStore(station.db).insert(new UserAccount("2009", "Sup Old", Role.SUPERVISOR, true,
                    new PinHasher(1000).hash("4444"), Instant.parse("2025-01-01T00:00:00Z")));
            browser.open(station.port);
            browser.signInKeys("2009", "4444");
            browser.await(() -> browser.text("signin-message").startsWith("您的 PIN 码位数不足"));
            assertEquals("您的 PIN 码位数不足，请设置至少 6 位数字的新 PIN 码", browser.text("signin-message"));
            assertEquals("新 PIN 码", label("field-user"));
            assertEquals("再次输入新 PIN 码", label("field-pin"));
            assertEquals("设置 PIN 码", browser.byId("signin-submit").getText());
            assertTrue(!browser.byId("app").isDisplayed(), "the line view stays closed");
            browser.screenshot("pin-change-1024x600");

            browser.signInKeys("55555", "55555");
            browser.await(() -> browser.text("signin-message").contains("位数字"));
            assertEquals("新 PIN 码须为 6–12 位数字", browser.text("signin-message"));

            browser.signInKeys("555555", "555556");
            browser.await(() -> browser.text("signin-message").startsWith("两次输入不一致"));

            browser.signInKeys("555555", "555555");
            browser.await(() -> browser.byId("app").isDisplayed());
            browser.signOut();
            assertEquals("工号", label("field-user"), "the sign-in view is itself again");
            browser.signIn("2009", "555555");
            assertTrue(station.auditActions().contains("2009 pin.change"));
        }
    }

    private static String label(String field) {
        return browser.byId(field).findElement(By.className("entry-label")).getText();
    }
}
