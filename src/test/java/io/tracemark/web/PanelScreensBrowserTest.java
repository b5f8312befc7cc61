package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.ledger.RejectQuery;
import io.tracemark.line.LineSettings;
import io.tracemark.pack.Aggregation;
import io.tracemark.pack.SsccRange;
import io.tracemark.sim.DegradationMix;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The touch-only tour of every screen on the real simulated line ({@link PanelTouch}: DevTools touch
 * events, no click, no key sent to a field): a supervisor saves a recipe, an operator starts a job from it
 * with the on-screen keyboard, pauses, stops with its confirmation, resumes from the job list, meets a
 * printer fault with its guided recovery, reads the reject log page by page; a supervisor ends the batch
 * and sees its summary, opens the packing page and the audit trail. On every screen and dialog, at 1024×600
 * and 1280×800 (screenshots in target/screenshots/screens-*): no scrolling, every target at least 48 px,
 * on screen and not covered, and no visible zh-CN text from outside the zh-CN bundles.
 */
class PanelScreensBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();
    private static HeadlessChromium browser;
    private static PanelTouch touch;

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
        touch = new PanelTouch(browser);
    }

    @Test
    void everyScreenByTouchOnTheSimulatedLine(@TempDir Path dataDir) throws IOException {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir,
                LineFaults.parse("camera.defectRate=0.08,camera.marginalRate=0.1", DegradationMix.line(), 11),
                LineSettings.defaults().withConsecutiveRejectLimit(50)
                        .withVerdictTimeout(Duration.ofSeconds(15)), 1_000, 11, 10, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options)) {
            sim.line().recover();
            UserAccounts accounts = new UserAccounts(new SqliteUserStore(sim.database()), new PinHasher(1000),
                    Clock.systemUTC());
            accounts.ensureUser("1001", "Operator Li", Role.OPERATOR, "1234");
            accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "234567");
            try (PanelServer server = sim.station().startPanel(accounts, "127.0.0.1", 0)) {
                Aggregation packs = new Aggregation(sim.database());
                packs.addSsccRange(new SsccRange("6901234", 0, 1, 100), "test", "test");
                server.usePacking(new PackingDesk(packs, Optional.empty(), 6));
                browser.open(server.port());
                List<String> data = new ArrayList<>(List.of("Operator Li", "Supervisor Wang", SimulatedLine.PRINTER,
                        SimulatedLine.SCANNER, sim.gate().name(), "item-gs1-datamatrix"));
                sim.masterData().products().forEach(p -> {
                    data.add(p.name());
                    data.add(p.specification());
                });
                fits("screens-signin", data);

                String recipe = supervisorSavesARecipe(sim, data);
                data.add(recipe);
                operatorRunsAJobFromTheRecipe(sim, data);
                readsTheRejectLog(sim, data);
                meetsAPrinterFault(sim, data);
                touch.signOut();
                supervisorEndsTheBatch(sim, data);
                packingAndAuditPages(data);
            }
        }
    }

    private static String supervisorSavesARecipe(SimulatedLine sim, List<String> data) throws IOException {
        touch.signIn("2001", "234567");
        touch.tap(browser.tab("job"));
        browser.await(() -> !browser.driver.findElements(By.cssSelector(
                "select[name=productId] option[value='" + SampleStation.PRODUCT + "']")).isEmpty());
        choose("productId", SampleStation.PRODUCT);
        choose("traceLevel", "ITEM");
        choose("scheme", SampleStation.SCHEME);
        choose("template", "item-gs1-datamatrix");
        choose("printer", SimulatedLine.PRINTER);
        choose("scanner", SimulatedLine.SCANNER);
        touch.tapId("recipe-save");
        browser.await(() -> browser.byId("recipe-dialog").isDisplayed());
        String name = browser.byId("recipe-form").findElement(By.name("name")).getDomProperty("value");
        data.add(name);
        touch.tap(browser.byId("recipe-form").findElement(By.name("caseSize")));
        browser.await(() -> "numeric".equals(browser.byId("kbd").getDomAttribute("data-mode")));
        touch.typeOnScreenKeyboard("12");
        screen("screens-recipe-dialog", data);
        touch.tap(By.cssSelector("#kbd [data-kbd='done']"));
        touch.tapId("recipe-confirm");
        browser.await(() -> !browser.driver.findElements(By.cssSelector("#recipes [data-recipe]")).isEmpty());
        assertEquals(12, sim.masterData().recipes().all().get(0).caseSize());
        touch.signOut();
        return name;
    }

    private static void operatorRunsAJobFromTheRecipe(SimulatedLine sim, List<String> data) throws IOException {
        touch.signIn("1001", "1234");
        screen("screens-line-idle", data);
        touch.tap(browser.tab("job"));
        browser.await(() -> !browser.driver.findElements(By.cssSelector("#recipes [data-recipe]")).isEmpty());
        touch.tap(By.cssSelector("#recipes [data-recipe]"));
        assertEquals("item-gs1-datamatrix", field("template"));
        assertEquals(SimulatedLine.SCANNER, field("scanner"));
        touch.tap(jobField("batch"));
        touch.tap(By.cssSelector("#kbd [data-kbd='clear']"));
        touch.typeOnScreenKeyboard("L2612-02");
        screen("screens-keyboard", data);
        touch.tap(By.cssSelector("#kbd [data-kbd='done']"));
        assertEquals("L2612-02", field("batch"));
        touch.tap(jobField("productionDate"));
        browser.await(() -> "date".equals(browser.byId("kbd").getDomAttribute("data-mode")));
        screen("screens-date-picker", data);
        touch.tap(By.cssSelector("#kbd [data-kbd='today']"));
        touch.enter(jobField("quantity"), "600");
        screen("screens-job-recipe", data);
        touch.tapId("job-start");
        browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("运行中"));
        browser.await(Duration.ofSeconds(60), () -> sim.ledger().rejectedCount(RejectQuery.all()) >= 8
                && browser.counter("verified") >= 10);
        data.add("L2612-02");
        screen("screens-line-running", data);

        touch.tap(browser.button("pause"));
        browser.await(Duration.ofSeconds(15), () -> browser.text("status-text").equals("已暂停"));
        screen("screens-paused", data);
        touch.tap(browser.button("stop"));
        browser.await(() -> browser.byId("confirm-dialog").isDisplayed());
        screen("screens-confirm-stop", data);
        touch.tapId("confirm-yes");
        browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("已停止"));

        // resumed from the job list
        touch.tap(browser.tab("jobs"));
        browser.await(() -> !browser.driver.findElements(By.cssSelector("#jobs-rows tr.current [data-act=restart]")).isEmpty());
        data.add(sim.line().currentJobId().orElseThrow());
        screen("screens-jobs", data);
        touch.tap(By.cssSelector("#jobs-rows tr.current [data-act=restart]"));
        browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("运行中"));
        long before = browser.counter("verified");
        browser.await(Duration.ofSeconds(30), () -> browser.counter("verified") > before + 5);
    }

    /** The reject log while the line runs: summary per reason, pages, a reject's image, caption and grades. */
    private static void readsTheRejectLog(SimulatedLine sim, List<String> data) throws IOException {
        touch.tap(browser.button("pause")); // the log holds still while it is read page by page
        browser.await(Duration.ofSeconds(15), () -> browser.text("status-text").equals("已暂停"));
        browser.await(Duration.ofSeconds(30), () -> { // every label in flight judged
            var c = sim.line().snapshot().counters();
            return c.sent() == c.verified() + c.rejected() + c.voided();
        });
        touch.tap(browser.tab("rejects"));
        browser.await(() -> !browser.driver.findElements(By.cssSelector("#rejects-rows tr")).isEmpty());
        String job = sim.line().currentJobId().orElseThrow();
        assertEquals(job, new org.openqa.selenium.support.ui.Select(browser.byId("f-job")).getFirstSelectedOption()
                .getDomAttribute("value"), "the current job is chosen");
        int pageSize = browser.driver.findElements(By.cssSelector("#rejects-rows tr")).size();
        assertTrue(pageSize >= 3, "rows on a page: " + pageSize);
        // the summary counts the job's rejects per reason, as the ledger does
        browser.await(() -> {
            Map<String, Long> byReason = sim.ledger().rejectedByReason(new RejectQuery(job, null, null, null, null));
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) browser.driver.executeScript(
                    "return [...document.querySelectorAll('#rejects-summary [data-reason]')].map((b) => b.textContent);");
            List<String> expected = byReason.entrySet().stream().map(e -> reasonText(e.getKey()) + " " + e.getValue()).toList();
            return shown.equals(expected);
        });
        assertNoSerialWraps();
        long total = sim.ledger().rejectedCount(new RejectQuery(job, null, null, null, null));
        browser.await(() -> browser.text("rejects-total").equals("共 " + total + " 件剔除"));
        List<String> codes = codes();
        codes.forEach(data::add);

        // a reject the grader graded (its row shows a grade): its parameter grades beside its image
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) browser.driver.executeScript("""
                return [...document.querySelectorAll('#rejects-rows tr')].map((tr) =>
                    [tr.dataset.unit, tr.querySelector('td.serial').textContent, tr.cells[4].textContent]);""");
        String[] chosen = rows.stream().filter(r -> !r.get(2).equals("\u2014")).findFirst().orElse(rows.get(0))
                .toArray(String[]::new);
        touch.tap(By.cssSelector("#rejects-rows tr[data-unit='" + chosen[0] + "']"));
        browser.await(() -> browser.text("reject-caption").startsWith(chosen[1] + "｜"));
        assertFalse(chosen[2].equals("\u2014"), "a graded reject on the first page (seeded camera): " + rows);
        browser.await(() -> !browser.driver.findElements(By.cssSelector("#reject-params tr")).isEmpty());
        assertTrue(browser.text("reject-params").contains("符号反差"), browser.text("reject-params"));
        screen("screens-rejects", data);

        // the next page: other rejects, none repeated; then back
        touch.tapId("rejects-next");
        browser.await(() -> browser.text("rejects-page").startsWith("第 2 页"));
        try {
            browser.await(() -> !codes().isEmpty() && codes().stream().noneMatch(codes::contains));
        } catch (RuntimeException e) {
            throw new AssertionError("page 2 " + codes() + " repeats page 1 " + codes, e);
        }
        codes().forEach(data::add);
        assertNoSerialWraps();
        screen("screens-rejects-page2", data);
        touch.tapId("rejects-prev");
        browser.await(() -> browser.text("rejects-page").startsWith("第 1 页"));

        // one reason's chip filters the log to that reason
        WebElement chip = chips().get(0);
        String reason = chip.getDomAttribute("data-reason");
        touch.tap(chip);
        browser.await(() -> reason.equals(browser.byId("f-reason").getDomProperty("value")));
        browser.await(() -> browser.driver.findElements(By.cssSelector("#rejects-rows tr")).stream()
                .allMatch(r -> r.findElements(By.tagName("td")).get(3).getText().equals(reasonText(reason))));
        screen("screens-rejects-one-reason", data);
        touch.tap(browser.tab("line"));
        touch.tap(browser.button("resume"));
        browser.await(Duration.ofSeconds(15), () -> browser.text("status-text").equals("运行中"));
    }

    private static void meetsAPrinterFault(SimulatedLine sim, List<String> data) throws IOException {
        sim.virtualPrinter().setHeadOpen(true);
        browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("故障")
                && browser.byId("alarm-guide").isDisplayed());
        assertEquals("打印头打开", browser.text("alarm-cause"));
        assertTrue(browser.text("alarm-steps").contains("合上打印头"), browser.text("alarm-steps"));
        assertEquals("signout", topmostAt(browser.byId("signout")), "the alarm bar covers neither tabs nor sign-out");
        assertEquals("jobs", browser.driver.executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2).dataset.view;""",
                browser.tab("jobs")));
        screen("screens-fault", data);
        // the device page says what the printer reports and, on the simulated line, closes the head
        touch.tap(browser.tab("devices"));
        By closeHead = By.id("vbtn-" + SimulatedLine.PRINTER + "-closeHead");
        browser.await(Duration.ofSeconds(10), () -> !browser.driver.findElements(closeHead).isEmpty()
                && !browser.driver.findElements(By.cssSelector("#device-" + SimulatedLine.PRINTER
                        + "-conditions [data-condition=HEAD_OPEN]")).isEmpty());
        screen("screens-devices-head-open", data);
        touch.tap(closeHead);
        By headOpen = By.cssSelector("#device-" + SimulatedLine.PRINTER + "-conditions [data-condition=HEAD_OPEN]");
        browser.await(Duration.ofSeconds(10), () -> browser.driver.findElements(headOpen).isEmpty());
        touch.tap(browser.tab("line"));
        while (!sim.line().snapshot().alarms().isEmpty()) { // every alarm the fault raised, one by one
            long first = sim.line().snapshot().alarms().get(0).id();
            browser.await(() -> String.valueOf(first).equals(browser.byId("alarm-banner").getDomAttribute("data-alarm-id")));
            touch.tap(browser.byId("alarm-ack"));
            browser.await(() -> sim.line().snapshot().alarms().stream().noneMatch(a -> a.id() == first));
        }
        browser.await(() -> !browser.byId("alarm-banner").isDisplayed());
        browser.await(Duration.ofSeconds(20), () -> browser.button("clear").isDisplayed()); // ABORTING -> ABORTED
        screen("screens-fault-cleared", data);
        touch.tap(browser.button("clear"));
        browser.await(Duration.ofSeconds(30), () -> browser.button("restart").isDisplayed());
        touch.tap(browser.button("restart"));
        browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("运行中"));
        touch.tap(browser.button("stop"));
        browser.await(() -> browser.byId("confirm-dialog").isDisplayed());
        touch.tapId("confirm-yes");
        browser.await(Duration.ofSeconds(20), () -> browser.text("status-text").equals("已停止"));
    }

    private static void supervisorEndsTheBatch(SimulatedLine sim, List<String> data) throws IOException {
        touch.signIn("2001", "234567");
        String jobId = sim.line().currentJobId().orElseThrow();
        browser.await(() -> browser.button("end-batch").isEnabled());
        screen("screens-line-supervisor", data);
        touch.tap(browser.button("end-batch"));
        browser.await(() -> browser.byId("confirm-dialog").isDisplayed());
        assertTrue(browser.text("confirm-consequence").contains("释放回码库"), browser.text("confirm-consequence"));
        screen("screens-confirm-end-batch", data);
        touch.tapId("confirm-yes");
        browser.await(Duration.ofSeconds(20), () -> browser.byId("summary-dialog").isDisplayed());
        Reconciliation books = sim.ledger().reconcile(jobId);
        assertEquals(books.verified(), Long.parseLong(browser.driver.findElement(
                By.cssSelector("[data-book=verified]")).getText().replaceAll("[^0-9]", "")));
        assertTrue(books.balanced() && books.duplicates() == 0, books.toString());
        assertEquals("账目平衡：分配 = 合格 + 剔除 + 作废 + 在途 + 释放", browser.text("summary-balance"));
        screen("screens-summary", data);
        touch.tapId("summary-close");
        touch.tap(browser.tab("jobs"));
        browser.await(() -> browser.driver.findElements(By.cssSelector("#jobs-rows tr")).size() == 1
                && browser.driver.findElement(By.cssSelector("#jobs-rows tr")).getText().contains("已结束"));
        assertFalse(browser.driver.findElement(By.cssSelector("#jobs-rows tr")).getText().contains("恢复"));
        screen("screens-jobs-ended", data);

        touch.tap(browser.tab("trends"));
        browser.await(Duration.ofSeconds(10), () -> "true".equals(browser.byId("view-trends").getDomAttribute("data-drawn")));
        screen("screens-trends", data);
        touch.tap(browser.tab("camera"));
        browser.await(Duration.ofSeconds(10), () -> browser.byId("camera-frame").isDisplayed());
        screen("screens-camera", data);
        touch.tap(browser.tab("devices"));
        browser.await(Duration.ofSeconds(10), () -> !browser.driver.findElements(By.cssSelector("#devices-list > *")).isEmpty());
        screen("screens-devices", data);
    }

    private static void packingAndAuditPages(List<String> data) throws IOException {
        touch.tap(By.cssSelector("a.tab[href='packing.html']"));
        awaitPage("pk-main");
        touch.enter(browser.byId("pk-capacity"), "4");
        touch.tapId("pk-open-case");
        browser.await(() -> browser.text("pk-case-sscc").startsWith("06901234"));
        data.add(browser.text("pk-case-sscc"));
        assertTrue(browser.text("pk-case-count").startsWith("0/4"), browser.text("pk-case-count"));
        screen("screens-packing", data);
        touch.tap(By.cssSelector("a.tab[href='./']"));
        browser.await(Duration.ofSeconds(10), () -> "true".equals(browser.driver.findElement(By.tagName("body"))
                .getDomAttribute("data-ready")) && browser.byId("app").isDisplayed());

        touch.tap(By.cssSelector("a.audit-link"));
        awaitPage("audit-main");
        try {
            browser.await(Duration.ofSeconds(10), () -> !browser.driver.findElements(By.cssSelector("#audit-rows tr[data-id]")).isEmpty());
        } catch (RuntimeException e) {
            browser.screenshot("screens-audit-failed");
            throw new AssertionError("no audit entries shown: " + browser.text("audit-problem"), e);
        }
        touch.enter(browser.driver.findElement(By.cssSelector("#audit-filter input[name=actor]")), "2001");
        touch.tapId("audit-search");
        try {
            browser.await(Duration.ofSeconds(10), () -> browser.driver.findElements(By.cssSelector("#audit-rows tr[data-id]"))
                    .stream().allMatch(r -> r.getDomProperty("textContent").contains("2001")));
        } catch (RuntimeException e) {
            browser.screenshot("screens-audit-failed");
            throw new AssertionError("audit entries not filtered by actor: " + browser.text("audit-problem"), e);
        }
        touch.tapId("audit-verify");
        browser.await(Duration.ofSeconds(20), () -> browser.text("audit-verdict").startsWith("哈希链完整"));
        browser.driver.findElements(By.cssSelector("#audit-rows tr[data-id] td")).forEach(td -> data.add(td.getText()));
        browser.screenshot("screens-audit-1024x600");
        browser.assertVisibleTextFromBundle(data);
        touch.screenshots("screens-audit", "#audit-main .table-wrap");
    }

    private static void awaitPage(String mainId) {
        browser.await(Duration.ofSeconds(10), () -> "true".equals(browser.driver.findElement(By.tagName("body"))
                .getDomAttribute("data-ready")) && browser.byId(mainId).isDisplayed());
    }

    /** The layout rules and the zh-CN bundle check on what is on screen, with screenshots at both sizes. */
    private static void screen(String name, List<String> data) throws IOException {
        browser.screenshot(name + "-1024x600");
        browser.assertVisibleTextFromBundle(data);
        touch.screenshots(name);
    }

    private static void fits(String name, List<String> data) throws IOException {
        screen(name, data);
    }

    private static void choose(String name, String value) {
        touch.choose(jobField(name), value);
    }

    private static WebElement jobField(String name) {
        return browser.byId("job-form").findElement(By.name(name));
    }

    private static String field(String name) {
        return jobField(name).getDomProperty("value");
    }

    private static List<WebElement> chips() {
        return browser.driver.findElements(By.cssSelector("#rejects-summary [data-reason]"));
    }

    /** The serials on the page, read at once (the page may re-render between two reads). */
    @SuppressWarnings("unchecked")
    private static List<String> codes() {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('#rejects-rows td.serial')].map((td) => td.textContent);");
    }

    private static String reasonText(String reason) {
        return switch (reason) {
            case "no-read" -> "无法读取";
            case "wrong-code" -> "码内容错误";
            case "duplicate" -> "重码";
            case "low-grade" -> "打印质量不足";
            case "missing-label" -> "缺标";
            default -> reason;
        };
    }

    /** Every serial of the reject log on one line, whole (not clipped). */
    private static void assertNoSerialWraps() {
        Object wrapped = browser.driver.executeScript("""
                return [...document.querySelectorAll('#rejects-rows td.serial')].filter((td) => {
                  const range = document.createRange();
                  range.selectNodeContents(td);
                  return range.getClientRects().length > 1 || td.scrollWidth > td.clientWidth + 1;
                }).map((td) => td.textContent);""");
        assertEquals(List.of(), wrapped, "serials wrapped or clipped at " + browser.driver.executeScript("return innerWidth"));
    }

    private static String topmostAt(WebElement element) {
        return (String) browser.driver.executeScript("""
                const r = arguments[0].getBoundingClientRect();
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return top.id || top.className;""", element);
    }
}
