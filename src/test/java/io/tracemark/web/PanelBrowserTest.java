package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.line.Alarm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Drives the panel in a real headless Chromium (Debian chromium + chromedriver) as an operator would.
 * Screenshots go to target/screenshots/.
 */
class PanelBrowserTest {

    private static HeadlessChromium browser;
    private static ChromeDriver driver;

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
        driver = browser.driver;
    }

    @Test
    void anOperatorRunsAJobFromThePanel() throws IOException {
        try (TestStation station = new TestStation()) {
            viewport(1024, 600);
            driver.get("http://127.0.0.1:" + station.port + "/");
            await(() -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            screenshot("signin-1024x600");

            signIn("1001", "1234");
            assertEquals("产线", tab("line").getText());
            assertTrue(driver.findElement(By.cssSelector("[data-view=admin]")).getAttribute("hidden") != null,
                    "operators do not see the users page");
            assertTrue(button("end-batch").getAttribute("hidden") != null, "supervisor actions hidden for operators");

            tab("job").click();
            WebElement form = driver.findElement(By.id("job-form"));
            await(() -> !form.findElements(By.cssSelector("select[name=productId] option[value='P-001']")).isEmpty());
            new Select(form.findElement(By.name("productId"))).selectByValue("P-001");
            form.findElement(By.name("batch")).sendKeys("B20260301");
            new Select(form.findElement(By.name("traceLevel"))).selectByValue("ITEM");
            form.findElement(By.name("quantity")).sendKeys("0");
            driver.findElement(By.id("job-validate")).click();
            WebElement quantityProblem = form.findElement(By.cssSelector("[data-field=quantity] .problem"));
            await(() -> !quantityProblem.getText().isEmpty());
            assertEquals("须在 1 到 100000 之间（当前：0）", quantityProblem.getText());
            screenshot("job-problems-1024x600");

            form.findElement(By.name("quantity")).clear();
            form.findElement(By.name("quantity")).sendKeys("100");
            driver.findElement(By.id("job-preview")).click();
            await(() -> driver.findElement(By.id("img-preview")).isDisplayed());
            assertEquals("", quantityProblem.getText(), "problems cleared once the request is fine");
            driver.findElement(By.id("job-start")).click();
            await(() -> text("status-text").equals("运行中"));
            assertEquals("B20260301", text("job-batch"));
            assertEquals(List.of("start 1001 B20260301"), station.line.calls());

            station.line.produce(12);
            await(() -> text("cnt-verified").equals("12"));
            assertEquals("88", text("cnt-remaining"));
            await(() -> driver.findElement(By.id("img-label")).isDisplayed());
            station.line.reject("low-grade", "D");
            await(() -> text("cnt-rejected").equals("1"));
            await(() -> text("verdict").contains("打印质量不足"));
            assertLineViewFits(1024, 600);
            screenshot("line-1024x600");
            viewport(1280, 800);
            assertLineViewFits(1280, 800);
            screenshot("line-1280x800");
            viewport(1024, 600);

            tab("rejects").click();
            await(() -> !driver.findElements(By.cssSelector("#rejects-rows tr")).isEmpty());
            WebElement row = driver.findElement(By.cssSelector("#rejects-rows tr"));
            assertTrue(row.getText().contains("打印质量不足"), row.getText());
            row.click(); // a row is the target: its image, caption and grades show beside the log
            await(() -> driver.findElement(By.id("img-reject")).isDisplayed());
            assertTrue(text("reject-caption").contains("打印质量不足"), text("reject-caption"));
            screenshot("rejects-1024x600");
            tab("line").click();

            Alarm alarm = station.line.raiseAlarm(Alarm.Severity.FAULT, "printer.paperOut", "printer-1: out of labels after 512 labels");
            await(() -> driver.findElement(By.id("alarm-banner")).isDisplayed());
            assertEquals("打印机缺纸", text("alarm-cause"));
            screenshot("alarm-1024x600");
            driver.findElement(By.id("alarm-ack")).click();
            await(() -> !driver.findElement(By.id("alarm-banner")).isDisplayed());
            assertTrue(station.line.calls().contains("ack 1001 " + alarm.id()));

            button("stop").click();
            await(() -> driver.findElement(By.id("confirm-dialog")).isDisplayed());
            assertEquals("没有在途标签。任务可稍后恢复。", text("confirm-consequence"), "every label sent was judged");
            screenshot("confirm-stop-1024x600");
            driver.findElement(By.id("confirm-yes")).click();
            await(() -> text("status-text").equals("已停止"));
            assertTrue(station.line.calls().contains("stop 1001"));

            driver.findElement(By.cssSelector("#app .lang-switch")).click();
            await(() -> tab("line").getText().equals("Line"));
            assertEquals("STOPPED", text("status-text"));
            assertTouchTargets();
            screenshot("line-en-1024x600");

            driver.findElement(By.id("signout")).click();
            await(() -> driver.findElement(By.id("signin-view")).isDisplayed());
            assertTrue(station.auditActions().contains("1001 signout"));
            driver.findElement(By.cssSelector("#signin-view .lang-switch")).click();
        }
    }

    @Test
    void aSupervisorSeesTheSupervisorActionsAndAWrongPinIsExplained() throws IOException {
        try (TestStation station = new TestStation()) {
            viewport(1024, 600);
            driver.get("http://127.0.0.1:" + station.port + "/");
            await(() -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            signInKeys("2001", "0000");
            await(() -> !text("signin-message").isEmpty());
            assertEquals("工号或 PIN 码错误，还可再试 4 次", text("signin-message"));
            signIn("2001", "234567");
            assertTrue(button("end-batch").isDisplayed());
            assertTrue(button("challenge").isDisplayed());
            button("challenge").click();
            await(() -> driver.findElement(By.id("toast")).isDisplayed());
            assertEquals("剔除测试通过", text("toast-text"));
            assertTrue(station.line.calls().contains("challenge 2001"));
            screenshot("line-supervisor-1024x600");
            driver.findElement(By.id("signout")).click();
            await(() -> driver.findElement(By.id("signin-view")).isDisplayed());
        }
    }

    private static void signIn(String user, String pin) {
        browser.signIn(user, pin);
    }

    private static void signInKeys(String user, String pin) {
        browser.signInKeys(user, pin);
    }

    private static void assertLineViewFits(int width, int height) {
        browser.assertLineViewFits(width, height);
    }

    private static void assertTouchTargets() {
        browser.assertTouchTargets();
    }

    private static void viewport(int width, int height) {
        browser.viewport(width, height);
    }

    private static WebElement tab(String view) {
        return browser.tab(view);
    }

    private static WebElement button(String cmd) {
        return browser.button(cmd);
    }

    private static String text(String id) {
        return browser.text(id);
    }

    private static void await(Supplier<Boolean> condition) {
        browser.await(condition);
    }

    private static void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
