package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * A gloved finger on the panel: taps by DevTools touch events only ({@code Input.dispatchTouchEvent}:
 * touchStart and touchEnd, no mouse event, no key event), text typed by tapping the panel's on-screen
 * keyboard, and the layout rules every screen keeps — no scrolling, every target at least 48 px, every
 * target on screen and not covered (the open keyboard may cover fields: its done key closes it). Unlike {@link HeadlessChromium#tap}, a tap here never scrolls: an
 * element a finger cannot reach where it is fails the tap.
 *
 * <pre>{@code
 * PanelTouch touch = new PanelTouch(browser);
 * touch.tap(By.id("field-user"));
 * touch.typeOnScreenKeyboard("L2612-02");
 * touch.assertNoScroll();
 * touch.assertTargetsAtLeast48px();
 * touch.screenshots("screen-name"); // 1024x600 and 1280x800
 * }</pre>
 */
final class PanelTouch {

    static final int MIN_TARGET = 48;

    private final HeadlessChromium browser;

    PanelTouch(HeadlessChromium browser) {
        this.browser = browser;
    }

    HeadlessChromium browser() {
        return browser;
    }

    /** Touches the element's centre; fails when the element is off screen or something else is on top there. */
    void tap(WebElement element) {
        settle();
        Map<?, ?> spot = (Map<?, ?>) browser.driver.executeScript("""
                const e = arguments[0];
                const r = e.getBoundingClientRect();
                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                const inView = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && r.width > 0 && r.height > 0;
                const top = inView ? document.elementFromPoint(x, y) : null;
                const hit = top !== null && (top === e || e.contains(top) || top.contains(e) && top.tagName === 'LABEL');
                return {x, y, hit, top: top ? (top.id || top.className || top.tagName) : 'nothing (off screen)',
                        what: e.id || e.dataset.kbd || e.dataset.cmd || e.dataset.view || e.name || e.textContent.trim()};""",
                element);
        if (!Boolean.TRUE.equals(spot.get("hit"))) {
            throw new AssertionError("a finger cannot reach '" + spot.get("what") + "' at (" + spot.get("x") + ", "
                    + spot.get("y") + "): " + spot.get("top") + " is there");
        }
        touchAt(((Number) spot.get("x")).doubleValue(), ((Number) spot.get("y")).doubleValue());
    }

    /** Taps the element found by {@code by}, finding it anew if the page re-rendered it meanwhile. */
    void tap(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                tap(browser.driver.findElement(by));
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

    /** Waits two frames: the layout a resize or a re-render started is what the finger meets. */
    void settle() {
        browser.driver.executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    /** A touchStart and a touchEnd at a point of the viewport (CSS pixels). */
    void touchAt(double x, double y) {
        Map<String, Object> point = Map.of("x", x, "y", y, "radiusX", 4, "radiusY", 4, "force", 1, "id", 1);
        browser.driver.executeCdpCommand("Input.dispatchTouchEvent",
                Map.of("type", "touchStart", "touchPoints", List.of(point)));
        browser.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
    }

    /**
     * Types {@code text} by tapping keys of the on-screen keyboard that is open (letters, digits, space and
     * {@code - . _ /}; lower-case letters through the shift key). The keyboard stays open.
     */
    void typeOnScreenKeyboard(String text) {
        browser.await(() -> browser.byId("kbd").isDisplayed());
        boolean lower = false;
        for (char c : text.toCharArray()) {
            if (Character.isLetter(c) && Character.isLowerCase(c) != lower) {
                tap(By.cssSelector("#kbd [data-kbd='shift']"));
                lower = !lower;
            }
            String key = c == ' ' ? "space" : String.valueOf(Character.toUpperCase(c));
            tap(By.cssSelector("#kbd [data-kbd='" + key + "']"));
        }
        if (lower) {
            tap(By.cssSelector("#kbd [data-kbd='shift']"));
        }
    }

    /** Taps the field, clears it and types {@code text} on the on-screen keyboard, then taps its done key. */
    void enter(WebElement field, String text) {
        tap(field);
        browser.await(() -> browser.byId("kbd").isDisplayed());
        tap(By.cssSelector("#kbd [data-kbd='clear']"));
        typeOnScreenKeyboard(text);
        tap(By.cssSelector("#kbd [data-kbd='done']"));
        browser.await(() -> !browser.byId("kbd").isDisplayed());
    }

    /** Chooses an option of a select through the panel's choice sheet. */
    void choose(WebElement select, String value) {
        tap(select);
        browser.await(() -> browser.byId("kbd").isDisplayed());
        tap(By.cssSelector("#kbd [data-kbd='" + value + "']"));
        browser.await(() -> !browser.byId("kbd").isDisplayed());
    }

    /** Signs in on the keypad by touch; fails with the panel's message when refused. */
    void signIn(String user, String pin) {
        tapId("field-user");
        tap(By.cssSelector("[data-key=clear]"));
        user.chars().forEach(c -> tap(By.cssSelector("[data-key='" + (char) c + "']")));
        tapId("field-pin");
        tap(By.cssSelector("[data-key=clear]"));
        pin.chars().forEach(c -> tap(By.cssSelector("[data-key='" + (char) c + "']")));
        tapId("signin-submit");
        try {
            browser.await(Duration.ofSeconds(10), () -> browser.byId("app").isDisplayed());
        } catch (RuntimeException e) {
            throw new AssertionError("sign-in of " + user + " refused: " + browser.text("signin-message"), e);
        }
    }

    void signOut() {
        tapId("signout");
        browser.await(() -> browser.byId("signin-view").isDisplayed());
    }

    /**
     * The page does not scroll, and no visible element that scrolls has more content than it shows. While
     * the on-screen keyboard is open, the field being typed into is above the keys instead (the panel
     * scrolls the view for that itself).
     */
    void assertNoScroll() {
        assertNoScrollExcept();
    }

    /**
     * {@link #assertNoScroll}, but the elements matching {@code readingBoxes} (CSS selectors) may scroll
     * their content: a record to read (the audit trail's entries), never an action.
     */
    void assertNoScrollExcept(String... readingBoxes) {
        Object scrolling = browser.driver.executeScript("const allowed = arguments[0];\n" + """
                const d = document.scrollingElement || document.documentElement;
                const out = [];
                if (d.scrollHeight > innerHeight || d.scrollWidth > innerWidth)
                  out.push('page ' + d.scrollWidth + 'x' + d.scrollHeight + ' in ' + innerWidth + 'x' + innerHeight);
                // with the keyboard open the panel itself scrolls the view so the field stays above the keys:
                // the field must be there, whole; the rest of the view waits for the keyboard's done key
                const kbd = document.getElementById('kbd');
                const typing = kbd && !kbd.hidden;
                if (typing) {
                  const field = document.activeElement;
                  const r = field.getBoundingClientRect(), k = kbd.getBoundingClientRect();
                  if (field.tagName === 'INPUT' && (r.top < 0 || r.bottom > k.top + 0.5))
                    out.push('the field ' + (field.name || field.id) + ' is under the keyboard or off screen');
                }
                for (const e of document.querySelectorAll('body *')) {
                  if (!e.checkVisibility()) continue;
                  if (typing && (e.classList.contains('view') || e.tagName === 'DIALOG')) continue;
                  if (allowed.some((sel) => e.matches(sel))) continue;
                  const s = getComputedStyle(e);
                  const y = /(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
                  const x = /(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
                  if (x || y) out.push((e.id || e.className || e.tagName) + ' ' + e.scrollWidth + 'x' + e.scrollHeight
                      + ' in ' + e.clientWidth + 'x' + e.clientHeight);
                }
                return out;""", List.of(readingBoxes));
        assertEquals(List.of(), scrolling, "scrolling at " + size());
    }

    /**
     * Every visible button, link, field and keyboard key is at least 48 px high and wide, lies inside the
     * viewport and is the topmost element at its centre (not covered by a banner, a dialog or the keyboard).
     */
    void assertTargetsAtLeast48px() {
        Object bad = browser.driver.executeScript("""
                const out = [];
                const dialog = document.querySelector('dialog[open]');
                const kbd = document.getElementById('kbd');
                for (const e of document.querySelectorAll('button, a[href], select, input, [data-kbd]')) {
                  if (!e.checkVisibility() || e.disabled) continue;
                  if (dialog && !dialog.contains(e)) continue; // behind a modal dialog: not a target now
                  const r = e.getBoundingClientRect();
                  const name = e.id || e.dataset.kbd || e.dataset.cmd || e.dataset.view || e.name || e.textContent.trim();
                  if (r.height < 48 || r.width < 48) { out.push(name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); continue; }
                  const x = r.left + r.width / 2, y = r.top + r.height / 2;
                  if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
                    out.push(name + ' off screen'); continue;
                  }
                  const top = document.elementFromPoint(x, y);
                  if (top && kbd && !kbd.hidden && kbd.contains(top) && !kbd.contains(e)) continue; // under the keyboard, which closes with its done key
                  if (!top || !(top === e || e.contains(top) || top.contains(e) && top.tagName === 'LABEL'))
                    out.push(name + ' covered by ' + (top ? top.id || top.className || top.tagName : 'nothing'));
                }
                return out;""");
        assertEquals(List.of(), bad, "touch targets under 48 px, off screen or covered at " + size());
    }

    /** Both layout rules at once. */
    void assertFits() {
        assertNoScroll();
        assertTargetsAtLeast48px();
    }

    /**
     * Screenshots at 1024×600 and 1280×800 under target/screenshots/ ({@code name-1024x600.png},
     * {@code name-1280x800.png}), the layout rules checked at each size; the viewport ends at 1024×600.
     */
    void screenshots(String name, String... readingBoxes) throws IOException {
        browser.screenshot(name + "-1024x600"); // before the checks: a failing screen is seen as it was
        assertNoScrollExcept(readingBoxes);
        assertTargetsAtLeast48px();
        browser.viewport(1280, 800);
        browser.screenshot(name + "-1280x800");
        try {
            assertNoScrollExcept(readingBoxes);
            assertTargetsAtLeast48px();
        } finally {
            browser.viewport(1024, 600);
            settle();
        }
    }

    private String size() {
        return browser.driver.executeScript("return innerWidth + 'x' + innerHeight").toString();
    }
}
