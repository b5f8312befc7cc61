package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every field by touch: the on-screen keyboard (letters, digits, the symbols of batch numbers), the
 * numeric pad, the date picker and the choice sheet of a select, driven by touch events only; a hand
 * scanner (keyboard wedge) still types into the focused field; the production date defaults to the
 * station's date in its own time zone.
 */
class PanelKeyboardBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();
    private static HeadlessChromium browser;

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void aJobIsSetUpByTouchAlone() throws IOException {
        try (TestStation station = new TestStation()) {
            browser.open(station.port);
            tapSignIn("1001", "1234");
            browser.tap(browser.tab("job"));
            WebElement form = browser.byId("job-form");
            browser.await(() -> !form.findElements(By.cssSelector("select[name=productId] option[value='P-001']")).isEmpty());
            String today = LocalDate.now(station.clock.withZone(ZoneId.systemDefault())).toString();
            assertEquals(today, form.findElement(By.name("productionDate")).getDomProperty("value"),
                    "the production date defaults to the station's date in its time zone");

            browser.tap(form.findElement(By.name("productId")));
            awaitSheet("choice");
            browser.tap(By.cssSelector("#kbd [data-kbd='P-001']"));
            browser.await(() -> browser.byId("kbd").getDomAttribute("hidden") != null);
            assertEquals("P-001", form.findElement(By.name("productId")).getDomProperty("value"));

            browser.tap(form.findElement(By.name("batch")));
            awaitSheet("text");
            browser.assertTouchTargets();
            browser.assertVisibleTextFromBundle(List.of());
            browser.screenshot("keyboard-text-1024x600");
            for (String key : List.of("L", "2", "6", "0", "3", "-", "A", "back", "B", "/", "7")) {
                browser.tap(By.cssSelector("#kbd [data-kbd='" + key + "']"));
            }
            assertEquals("L2603-B/7", form.findElement(By.name("batch")).getDomProperty("value"));
            new Actions(browser.driver).sendKeys("X9").perform(); // a hand scanner types into the focused field
            assertEquals("L2603-B/7X9", form.findElement(By.name("batch")).getDomProperty("value"));
            browser.await(() -> browser.byId("kbd").getDomAttribute("hidden") != null); // keys from a keyboard: it steps aside

            browser.tap(form.findElement(By.name("quantity")));
            awaitSheet("numeric");
            browser.screenshot("keyboard-numeric-1024x600");
            for (String key : List.of("1", "2", "0", "back", "0", "0")) {
                browser.tap(By.cssSelector("#kbd [data-kbd='" + key + "']"));
            }
            assertEquals("1200", form.findElement(By.name("quantity")).getDomProperty("value"));
            browser.tap(By.cssSelector("#kbd [data-kbd='done']"));

            browser.tap(form.findElement(By.name("expiryDate")));
            awaitSheet("date");
            browser.assertTouchTargets();
            browser.screenshot("datepicker-1024x600");
            browser.tap(By.cssSelector("#kbd [data-kbd='next-year']"));
            LocalDate day = LocalDate.parse(today).plusYears(1).withDayOfMonth(15);
            browser.tap(By.cssSelector("#kbd [data-kbd='" + day + "']"));
            browser.await(() -> browser.byId("kbd").getDomAttribute("hidden") != null);
            assertEquals(day.toString(), form.findElement(By.name("expiryDate")).getDomProperty("value"));

            browser.tap(form.findElement(By.name("traceLevel")));
            awaitSheet("choice");
            browser.tap(By.cssSelector("#kbd [data-kbd='ITEM']"));
            browser.tap(browser.byId("job-validate"));
            browser.await(() -> browser.text("job-message").equals("检查通过，可以开始"));
            browser.assertVisibleTextFromBundle(List.of("Mineral water 550 ml", "550 ml", "Helmet", "L",
                    "Operator Li", "carton-100x60", "printer-1", "scanner-1"));
            browser.viewport(1280, 800);
            browser.tap(form.findElement(By.name("batch")));
            awaitSheet("text");
            browser.screenshot("keyboard-text-1280x800");
            browser.tap(By.cssSelector("#kbd [data-kbd='done']"));
            browser.viewport(1024, 600);
            browser.tap(browser.byId("job-start"));
            browser.await(() -> browser.text("status-text").equals("运行中"));
            assertEquals(List.of("start 1001 L2603-B/7X9"), station.line.calls());
        }
    }

    @Test
    void theVoidDialogTakesItsKeyboardAlong() throws IOException {
        try (TestStation station = new TestStation()) {
            station.signedIn("1001", "1234").post("/line/start", LineApiTest.job());
            browser.open(station.port);
            tapSignIn("2001", "234567");
            browser.await(() -> browser.button("void").isEnabled());
            browser.tap(browser.button("void"));
            browser.await(() -> browser.byId("void-dialog").isDisplayed());
            WebElement code = browser.byId("void-form").findElement(By.name("code"));
            browser.tap(code);
            awaitSheet("text");
            assertTrue(browser.byId("kbd").findElement(By.xpath("..")).getTagName().equals("dialog"),
                    "inside a modal dialog the keyboard is part of it, or it could not be touched");
            browser.tap(By.cssSelector("#kbd [data-kbd='X']"));
            assertEquals("X", code.getDomProperty("value"));
            browser.screenshot("keyboard-dialog-1024x600");
            browser.tap(By.cssSelector("#kbd [data-kbd='done']"));
            browser.tap(browser.byId("void-cancel"));
            assertFalse(browser.byId("void-dialog").isDisplayed());
        }
    }

    private static void tapSignIn(String user, String pin) {
        browser.tap(browser.byId("field-user"));
        browser.tap(By.cssSelector("[data-key=clear]"));
        user.chars().forEach(c -> browser.tap(By.cssSelector("[data-key='" + (char) c + "']")));
        browser.tap(browser.byId("field-pin"));
        pin.chars().forEach(c -> browser.tap(By.cssSelector("[data-key='" + (char) c + "']")));
        browser.tap(browser.byId("signin-submit"));
        browser.await(() -> browser.byId("app").isDisplayed());
    }

    private static void awaitSheet(String mode) {
        browser.await(() -> browser.byId("kbd").isDisplayed() && mode.equals(browser.byId("kbd").getDomAttribute("data-mode")));
    }
}
