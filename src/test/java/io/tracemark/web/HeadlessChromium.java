package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromedriver, headless, driving the panel like an operator. The driver path
 * is given explicitly, so Selenium Manager never looks for (or downloads) a driver. Screenshots go to
 * target/screenshots/.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Starts the browser. A missing Chromium or ChromeDriver fails the calling test (the browser tests
     * skip nothing: {@code .ci/run} installs both).
     */
    static HeadlessChromium start(Path profile) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the panel's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.resolve("chromium"), "--window-size=1024,600", "--lang=zh-CN");
        Files.createDirectories(SCREENSHOTS);
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    void open(int port) {
        viewport(1024, 600);
        driver.get("http://127.0.0.1:" + port + "/");
        await(() -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    void signIn(String user, String pin) {
        signInKeys(user, pin);
        await(() -> driver.findElement(By.id("app")).isDisplayed());
    }

    void signInKeys(String user, String pin) {
        driver.findElement(By.id("field-user")).click();
        driver.findElement(By.cssSelector("[data-key=clear]")).click();
        user.chars().forEach(c -> driver.findElement(By.cssSelector("[data-key='" + (char) c + "']")).click());
        driver.findElement(By.id("field-pin")).click();
        driver.findElement(By.cssSelector("[data-key=clear]")).click();
        pin.chars().forEach(c -> driver.findElement(By.cssSelector("[data-key='" + (char) c + "']")).click());
        assertEquals("\u2022".repeat(pin.length()), text("pin-value"), "the PIN is never shown");
        driver.findElement(By.id("signin-submit")).click();
    }

    void signOut() {
        driver.findElement(By.id("signout")).click();
        await(() -> driver.findElement(By.id("signin-view")).isDisplayed());
    }

    /** Asserts that the line view needs no scrolling and every counter and action button is on screen. */
    void assertLineViewFits(int width, int height) {
        Map<?, ?> fit = (Map<?, ?>) driver.executeScript("""
                const d = document.documentElement;
                const r = [...document.querySelectorAll('#view-line .actions .btn, .counter, .status-light')]
                    .filter(e => !e.hidden).map(e => e.getBoundingClientRect());
                return {w: innerWidth, h: innerHeight, sh: d.scrollHeight, sw: d.scrollWidth,
                        bottom: Math.max(...r.map(x => x.bottom)), right: Math.max(...r.map(x => x.right))};""");
        long w = ((Number) fit.get("w")).longValue();
        long h = ((Number) fit.get("h")).longValue();
        assertEquals(width, w, "viewport width");
        assertEquals(height, h, "viewport height");
        assertTrue(((Number) fit.get("sh")).longValue() <= h && ((Number) fit.get("sw")).longValue() <= w,
                "no scrolling: " + fit);
        assertTrue(((Number) fit.get("bottom")).doubleValue() <= h && ((Number) fit.get("right")).doubleValue() <= w,
                "every counter and action button is on screen: " + fit);
    }

    void assertTouchTargets() {
        Object small = driver.executeScript("""
                return [...document.querySelectorAll('button, select, input')]
                    .filter(e => e.offsetParent !== null)
                    .map(e => [e.id || e.dataset.cmd || e.dataset.view || e.textContent, e.getBoundingClientRect().height])
                    .filter(([n, h]) => h < 48);""");
        assertEquals(List.of(), small, "touch targets under 48 px");
    }

    /**
     * Fails when a visible text in zh-CN mode is not from the zh-CN bundle (see {@link BundleText}); the
     * data shown (product names, codes) is given.
     */
    void assertVisibleTextFromBundle(java.util.Collection<String> data) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) driver.executeScript("""
                const out = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const p = n.parentElement;
                  const text = n.textContent.trim();
                  if (!text || !p || p.closest('script,style')) continue;
                  const visible = p.closest('option') ? p.closest('select').checkVisibility() : p.checkVisibility();
                  if (visible) out.push(text);
                }
                document.querySelectorAll('input').forEach((i) => { if (i.checkVisibility() && i.value) out.push(i.value); });
                return out;""");
        BundleText zh = BundleText.ofAllPages("zh-CN");
        List<String> foreign = texts.stream().map(t -> zh.foreignPart(t, data)).filter(f -> !f.isEmpty()).toList();
        assertEquals(List.of(), foreign, "visible text that is not from the zh-CN bundle");
    }

    /** A tap: touchStart and touchEnd at the element's centre (DevTools Input.dispatchTouchEvent), no mouse, no keys. */
    void tap(WebElement element) {
        Map<?, ?> box = (Map<?, ?>) driver.executeScript("""
                arguments[0].scrollIntoView({block: 'nearest'});
                const r = arguments[0].getBoundingClientRect();
                return {x: r.left + r.width / 2, y: r.top + r.height / 2};""", element);
        double x = ((Number) box.get("x")).doubleValue();
        double y = ((Number) box.get("y")).doubleValue();
        Map<String, Object> point = Map.of("x", x, "y", y, "radiusX", 4, "radiusY", 4, "force", 1, "id", 1);
        driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchStart", "touchPoints", List.of(point)));
        driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    /** Taps the element found by {@code by}, finding it anew if the page re-rendered it meanwhile. */
    void tap(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                tap(driver.findElement(by));
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    void tapId(String id) {
        tap(By.id(id));
    }

    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerW = ((Number) driver.executeScript("return innerWidth")).longValue();
        long innerH = ((Number) driver.executeScript("return innerHeight")).longValue();
        if (innerW != width || innerH != height) {
            driver.manage().window().setSize(new Dimension(2 * width - (int) innerW, 2 * height - (int) innerH));
        }
    }

    WebElement tab(String view) {
        return driver.findElement(By.cssSelector(".tab[data-view=" + view + "]"));
    }

    WebElement button(String cmd) {
        return driver.findElement(By.cssSelector("[data-cmd=" + cmd + "]"));
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** The number shown in a counter, without grouping separators. */
    long counter(String name) {
        String shown = text("cnt-" + name).replaceAll("[^0-9]", "");
        return shown.isEmpty() ? -1 : Long.parseLong(shown);
    }

    void await(Supplier<Boolean> condition) {
        await(Duration.ofSeconds(5), condition);
    }

    /**
     * Waits until the condition holds, re-checking it every 50 ms. A condition that met an element the
     * page has just re-rendered (stale) is checked again, finding the element anew.
     */
    void await(Duration within, Supplier<Boolean> condition) {
        new WebDriverWait(driver, within, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.get());
    }

    /** Waits until the page has re-rendered {@code old}: it is no longer in the document. */
    void awaitReplaced(WebElement old, Duration within) {
        new WebDriverWait(driver, within, Duration.ofMillis(50)).until(ExpectedConditions.stalenessOf(old));
    }

    void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
