package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.line.Alarm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the panel in a real headless Chromium (Debian chromium + chromedriver) as an operator would.
 * Screenshots go to target/screenshots/.
 */
class PanelBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path profile;

    private static ChromeDriver driver;
    private static ChromeDriverService service;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)");
        // the explicit driver executable keeps Selenium Manager from looking for (or downloading) one
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.resolve("chromium"), "--window-size=1024,600", "--lang=zh-CN");
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
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
            assertTrue(quantityProblem.getText().startsWith("数量超出允许范围"), quantityProblem.getText());
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
            row.findElement(By.tagName("button")).click();
            await(() -> driver.findElement(By.id("img-reject")).isDisplayed());
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
            assertEquals("工号或 PIN 码错误", text("signin-message"));
            signIn("2001", "2345");
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
        signInKeys(user, pin);
        await(() -> driver.findElement(By.id("app")).isDisplayed());
    }

    private static void signInKeys(String user, String pin) {
        driver.findElement(By.id("field-user")).click();
        driver.findElement(By.cssSelector("[data-key=clear]")).click();
        user.chars().forEach(c -> driver.findElement(By.cssSelector("[data-key='" + (char) c + "']")).click());
        driver.findElement(By.id("field-pin")).click();
        driver.findElement(By.cssSelector("[data-key=clear]")).click();
        pin.chars().forEach(c -> driver.findElement(By.cssSelector("[data-key='" + (char) c + "']")).click());
        assertEquals("\u2022".repeat(pin.length()), text("pin-value"), "the PIN is never shown");
        driver.findElement(By.id("signin-submit")).click();
    }

    private static void assertLineViewFits(int width, int height) {
        JavascriptExecutor js = driver;
        Map<?, ?> fit = (Map<?, ?>) js.executeScript("""
                const d = document.documentElement;
                const r = [...document.querySelectorAll('#view-line .actions .btn, .counter, .status-light')]
                    .filter(e => !e.hidden).map(e => e.getBoundingClientRect());
                return {w: innerWidth, h: innerHeight, sh: d.scrollHeight, sw: d.scrollWidth,
                        bottom: Math.max(...r.map(x => x.bottom)), right: Math.max(...r.map(x => x.right))};""");
        long w = ((Number) fit.get("w")).longValue();
        long h = ((Number) fit.get("h")).longValue();
        assertEquals(width, w, "viewport width");
        assertEquals(height, h, "viewport height");
        assertTrue(((Number) fit.get("sh")).longValue() <= h && ((Number) fit.get("sw")).longValue() <= w, "no scrolling: " + fit);
        assertTrue(((Number) fit.get("bottom")).doubleValue() <= h && ((Number) fit.get("right")).doubleValue() <= w,
                "every counter and action button is on screen: " + fit);
    }

    private static void assertTouchTargets() {
        JavascriptExecutor js = driver;
        Object small = js.executeScript("""
                return [...document.querySelectorAll('button, select, input')]
                    .filter(e => e.offsetParent !== null)
                    .map(e => [e.id || e.dataset.cmd || e.dataset.view || e.textContent, e.getBoundingClientRect().height])
                    .filter(([n, h]) => h < 48);""");
        assertEquals(List.of(), small, "touch targets under 48 px");
    }

    private static void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        JavascriptExecutor js = driver;
        long innerW = ((Number) js.executeScript("return innerWidth")).longValue();
        long innerH = ((Number) js.executeScript("return innerHeight")).longValue();
        if (innerW != width || innerH != height) {
            driver.manage().window().setSize(new Dimension(2 * width - (int) innerW, 2 * height - (int) innerH));
        }
    }

    private static WebElement tab(String view) {
        return driver.findElement(By.cssSelector(".tab[data-view=" + view + "]"));
    }

    private static WebElement button(String cmd) {
        return driver.findElement(By.cssSelector("[data-cmd=" + cmd + "]"));
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static void await(Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(50)).until(d -> condition.get());
    }

    private static void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

}
