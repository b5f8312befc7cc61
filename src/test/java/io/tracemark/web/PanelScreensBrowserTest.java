package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.LineSettings;
import io.tracemark.sim.DegradationMix;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Every operator screen on the real simulated line, by touch events only, at 1024×600 (and the line
 * view at 1280×800): a supervisor saves a recipe, an operator starts a job from it with the on-screen
 * keyboard, pauses, stops with its confirmation, resumes from the job list, meets a printer fault with
 * its guided recovery, and a supervisor ends the batch and sees its summary. Every screen: no visible
 * zh-CN text outside the zh-CN bundle, touch targets of 48 px or more, no scrolling for the line view.
 */
class PanelScreensBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();
    private static HeadlessChromium browser;

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void aShiftOnTheSimulatedLineByTouch(@TempDir Path dataDir) throws IOException {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir,
                LineFaults.parse("camera.defectRate=0.05", DegradationMix.line(), 11), LineSettings.defaults(),
                1_000, 11, 40, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options)) {
            sim.line().recover();
            UserAccounts accounts = new UserAccounts(new SqliteUserStore(sim.database()), new PinHasher(1000),
                    Clock.systemUTC());
            accounts.ensureUser("1001", "Operator Li", Role.OPERATOR, "1234");
            accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "234567");
            PanelServices services = new PanelServices(accounts,
                    new StationAuditTrail(sim.database(), sim.ledger().audit()), new LedgerUnitLookup(sim.ledger()),
                    List.of(new DeviceInfo(SimulatedLine.PRINTER, "printer", "sim://printer-1")), Map::of)
                    .withMasterData(sim.masterData());
            try (PanelServer server = new PanelServer(sim.line(), services, PanelSettings.defaults())) {
                browser.open(server.start(0));
                List<String> data = new ArrayList<>(List.of("Operator Li", "Supervisor Wang", SimulatedLine.PRINTER,
                        SimulatedLine.SCANNER, "item-gs1-datamatrix"));
                sim.masterData().products().forEach(p -> {
                    data.add(p.name());
                    data.add(p.specification());
                });

                // a supervisor saves the set-up as a recipe
                signIn("2001", "234567");
                browser.tap(browser.tab("job"));
                browser.await(() -> !browser.driver.findElements(By.cssSelector(
                        "select[name=productId] option[value='" + SampleStation.PRODUCT + "']")).isEmpty());
                choose("productId", SampleStation.PRODUCT);
                choose("traceLevel", "ITEM");
                choose("scheme", SampleStation.SCHEME);
                choose("template", "item-gs1-datamatrix");
                choose("printer", SimulatedLine.PRINTER);
                choose("scanner", SimulatedLine.SCANNER);
                browser.tapId("recipe-save");
                browser.await(() -> browser.byId("recipe-dialog").isDisplayed());
                String recipeName = browser.byId("recipe-form").findElement(By.name("name")).getDomProperty("value");
                data.add(recipeName);
                browser.tap(browser.byId("recipe-form").findElement(By.name("caseSize")));
                browser.await(() -> "numeric".equals(browser.byId("kbd").getDomAttribute("data-mode")));
                browser.screenshot("screens-recipe-dialog-1024x600");
                type("1", "2");
                browser.tap(By.cssSelector("#kbd [data-kbd='done']"));
                browser.tapId("recipe-confirm");
                browser.await(() -> !browser.driver.findElements(By.cssSelector("#recipes [data-recipe]")).isEmpty());
                assertEquals(12, sim.masterData().recipes().all().get(0).caseSize());
                browser.tap(browser.byId("signout"));
                browser.await(() -> browser.byId("signin-view").isDisplayed());

                // an operator starts a job from the recipe, typing on the on-screen keyboard
                signIn("1001", "1234");
                browser.tap(browser.tab("job"));
                browser.await(() -> !browser.driver.findElements(By.cssSelector("#recipes [data-recipe]")).isEmpty());
                browser.tap(By.cssSelector("#recipes [data-recipe]"));
                assertEquals("item-gs1-datamatrix", field("template"));
                assertEquals(SimulatedLine.SCANNER, field("scanner"));
                browser.tap(browser.byId("job-form").findElement(By.name("batch")));
                type("L", "2", "6", "1", "2", "0", "2");
                browser.tap(By.cssSelector("#kbd [data-kbd='done']")); // the keys cover the lower fields
                browser.tap(browser.byId("job-form").findElement(By.name("quantity")));
                type("6", "0", "0");
                browser.tap(By.cssSelector("#kbd [data-kbd='done']"));
                browser.assertVisibleTextFromBundle(data);
                browser.assertTouchTargets();
                browser.screenshot("screens-job-recipe-1024x600");
                browser.tapId("job-start");
                browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("运行中"));
                browser.await(Duration.ofSeconds(30), () -> browser.counter("verified") >= 10);
                data.add("L261202");
                fits("screens-line-running");

                browser.tap(browser.button("pause"));
                browser.await(Duration.ofSeconds(15), () -> browser.text("status-text").equals("已暂停"));
                browser.screenshot("screens-paused-1024x600");
                browser.tap(browser.button("stop"));
                browser.await(() -> browser.byId("confirm-dialog").isDisplayed());
                browser.assertVisibleTextFromBundle(data);
                browser.screenshot("screens-confirm-stop-1024x600");
                browser.tapId("confirm-yes");
                browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("已停止"));

                // resumed from the job list
                browser.tap(browser.tab("jobs"));
                browser.await(() -> !browser.driver.findElements(By.cssSelector("#jobs-rows tr.current [data-act=restart]")).isEmpty());
                browser.assertVisibleTextFromBundle(data);
                browser.assertTouchTargets();
                browser.screenshot("screens-jobs-1024x600");
                browser.tap(By.cssSelector("#jobs-rows tr.current [data-act=restart]"));
                browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("运行中"));
                long before = browser.counter("verified");
                browser.await(Duration.ofSeconds(30), () -> browser.counter("verified") > before + 5);

                // a printer fault, with its guided recovery
                sim.virtualPrinter().setHeadOpen(true);
                browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("故障")
                        && browser.byId("alarm-guide").isDisplayed());
                assertEquals("打印头打开", browser.text("alarm-cause"));
                assertTrue(browser.text("alarm-steps").contains("合上打印头"), browser.text("alarm-steps"));
                assertTrue(browser.tab("jobs").isDisplayed() && browser.byId("signout").isDisplayed());
                assertEquals("signout", topmostAt(browser.byId("signout")), "the alarm bar covers neither tabs nor sign-out");
                fits("screens-fault");
                sim.fixDevices(); // at the machine: close the head
                while (!sim.line().snapshot().alarms().isEmpty()) { // every alarm the fault raised, one by one
                    long first = sim.line().snapshot().alarms().get(0).id();
                    browser.await(() -> String.valueOf(first).equals(browser.byId("alarm-banner").getDomAttribute("data-alarm-id")));
                    browser.tap(browser.byId("alarm-ack"));
                    browser.await(() -> sim.line().snapshot().alarms().stream().noneMatch(a -> a.id() == first));
                }
                browser.await(() -> !browser.byId("alarm-banner").isDisplayed());
                browser.await(Duration.ofSeconds(20), () -> browser.button("clear").isDisplayed()); // ABORTING -> ABORTED
                browser.tap(browser.button("clear"));
                browser.await(Duration.ofSeconds(30), () -> browser.button("restart").isDisplayed());
                browser.tap(browser.button("restart"));
                browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("运行中"));
                browser.tap(browser.button("stop"));
                browser.await(() -> browser.byId("confirm-dialog").isDisplayed());
                browser.tapId("confirm-yes");
                browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("已停止"));
                browser.tap(browser.byId("signout"));

                // a supervisor ends the batch and reads its books
                signIn("2001", "234567");
                String jobId = sim.line().currentJobId().orElseThrow();
                browser.await(() -> browser.button("end-batch").isEnabled());
                browser.tap(browser.button("end-batch"));
                browser.await(() -> browser.byId("confirm-dialog").isDisplayed());
                assertTrue(browser.text("confirm-consequence").contains("释放回码库"), browser.text("confirm-consequence"));
                browser.tapId("confirm-yes");
                browser.await(Duration.ofSeconds(20), () -> browser.byId("summary-dialog").isDisplayed());
                Reconciliation books = sim.ledger().reconcile(jobId);
                assertEquals(books.verified(), Long.parseLong(browser.driver.findElement(
                        By.cssSelector("[data-book=verified]")).getText().replaceAll("[^0-9]", "")));
                assertTrue(books.balanced() && books.duplicates() == 0, books.toString());
                assertEquals("账目平衡：分配 = 合格 + 剔除 + 作废 + 在途 + 释放", browser.text("summary-balance"));
                browser.assertVisibleTextFromBundle(data);
                browser.screenshot("screens-summary-1024x600");
                browser.tapId("summary-close");
                browser.tap(browser.tab("jobs"));
                browser.await(() -> browser.driver.findElements(By.cssSelector("#jobs-rows tr")).size() == 1
                        && browser.driver.findElement(By.cssSelector("#jobs-rows tr")).getText().contains("已结束"));
                assertFalse(browser.driver.findElement(By.cssSelector("#jobs-rows tr")).getText().contains("恢复"));
            }
        }
    }

    private static void signIn(String user, String pin) {
        browser.tap(browser.byId("field-user"));
        browser.tap(By.cssSelector("[data-key=clear]"));
        user.chars().forEach(c -> browser.tap(By.cssSelector("[data-key='" + (char) c + "']")));
        browser.tap(browser.byId("field-pin"));
        browser.tap(By.cssSelector("[data-key=clear]"));
        pin.chars().forEach(c -> browser.tap(By.cssSelector("[data-key='" + (char) c + "']")));
        browser.tap(browser.byId("signin-submit"));
        try {
            browser.await(() -> browser.byId("app").isDisplayed());
        } catch (RuntimeException e) {
            throw new AssertionError("sign-in of " + user + " refused: " + browser.text("signin-message"), e);
        }
    }

    private static void choose(String name, String value) {
        browser.tap(browser.byId("job-form").findElement(By.name(name)));
        browser.await(() -> browser.byId("kbd").isDisplayed());
        browser.tap(By.cssSelector("#kbd [data-kbd='" + value + "']"));
        browser.await(() -> !browser.byId("kbd").isDisplayed());
    }

    private static void type(String... keys) {
        browser.await(() -> browser.byId("kbd").isDisplayed());
        for (String key : keys) {
            browser.tap(By.cssSelector("#kbd [data-kbd='" + key + "']"));
        }
    }

    private static String field(String name) {
        return browser.byId("job-form").findElement(By.name(name)).getDomProperty("value");
    }

    private static String topmostAt(org.openqa.selenium.WebElement element) {
        return (String) browser.driver.executeScript("""
                const r = arguments[0].getBoundingClientRect();
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return top.id || top.className;""", element);
    }

    private static void fits(String name) throws IOException {
        browser.assertLineViewFits(1024, 600);
        browser.assertTouchTargets();
        browser.screenshot(name + "-1024x600");
        browser.viewport(1280, 800);
        browser.assertLineViewFits(1280, 800);
        browser.screenshot(name + "-1280x800");
        browser.viewport(1024, 600);
    }
}
