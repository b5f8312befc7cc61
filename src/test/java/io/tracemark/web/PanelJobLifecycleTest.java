package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.app.LineEvents;
import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.LineSettings;
import io.tracemark.line.PackMlState;
import io.tracemark.sim.DegradationMix;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The job lifecycle on the panel, on the simulated line: a start refused because another job is
 * still OPEN offers to resume, end or suspend that job (zh-CN); suspending it lets the new job start;
 * the suspended job is listed and resumed from the panel, where it left off.
 */
class PanelJobLifecycleTest {

    private static HeadlessChromium browser;

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void aStartRefusedByAnOpenJobOffersToSuspendItAndTheSuspendedJobIsResumed(@TempDir Path dataDir)
            throws IOException {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir,
                LineFaults.parse("", DegradationMix.none(), 7), LineSettings.defaults().withChallengeAtStart(false),
                2_000, 7, 0, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options)) {
            UserAccounts accounts = new UserAccounts(new SqliteUserStore(sim.database()), new PinHasher(1000),
                    Clock.systemUTC());
            accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "567890");
            PanelServices services = new PanelServices(accounts, new StationAuditTrail(sim.database(),
                    sim.ledger().audit()), new LedgerUnitLookup(sim.ledger()), List.of(), Map::of);
            // job A runs a little and is stopped, not ended: it stays OPEN
            sim.line().start(SampleStation.itemJob(400, LocalDate.now()), "2001");
            String jobA = sim.line().currentJobId().orElseThrow();
            awaitVerified(sim, 5);
            sim.line().stop("2001");
            try (PanelServer server = new PanelServer(sim.line(), services, PanelSettings.defaults())) {
                browser.open(server.start(0));
                browser.signIn("2001", "567890");

                browser.tab("job").click();
                fillJob(browser.byId("job-form"), "L260302", "300");
                browser.byId("job-start").click();
                browser.await(Duration.ofSeconds(10), () -> browser.byId("job-open").isDisplayed());
                String offer = browser.text("job-open-text");
                assertTrue(offer.contains(jobA) && offer.contains("尚未结束"), offer);
                assertEquals("恢复该任务", browser.byId("job-open-resume").getText());
                assertEquals("结束该任务", browser.byId("job-open-end").getText());
                assertEquals("挂起该任务", browser.byId("job-open-suspend").getText());
                assertTrue(browser.byId("job-open-end").isDisplayed() && browser.byId("job-open-suspend").isDisplayed(),
                        "job A is the current job: it can be ended or suspended here");
                assertEquals(PackMlState.STOPPED, sim.line().snapshot().state(), "nothing started");
                browser.screenshot("job-open-refused-1024x600");

                browser.byId("job-open-suspend").click();
                browser.await(() -> browser.byId("confirm-dialog").isDisplayed());
                browser.byId("confirm-yes").click();
                browser.await(Duration.ofSeconds(10), () -> !browser.byId("job-open").isDisplayed()
                        && browser.byId("jobs-suspended").isDisplayed());
                WebElement listed = browser.byId("jobs-suspended-list").findElement(
                        By.cssSelector("li[data-job='" + jobA + "']"));
                assertTrue(listed.getText().contains(jobA), listed.getText());
                assertTrue(browser.text("job-message").contains("已挂起"), browser.text("job-message"));

                browser.byId("job-start").click();
                browser.await(Duration.ofSeconds(15), () -> browser.text("status-text").equals("运行中"));
                String jobB = sim.line().currentJobId().orElseThrow();
                assertTrue(!jobB.equals(jobA), "a new job started");
                awaitVerified(sim, 3);
                sim.line().stop("2001");
                sim.line().endBatch("2001");

                // the list is still the one rendered at the suspend; opening the tab lists the OPEN jobs anew
                WebElement before = browser.byId("jobs-suspended-list").findElement(
                        By.cssSelector("li[data-job='" + jobA + "']"));
                browser.tab("job").click();
                browser.awaitReplaced(before, Duration.ofSeconds(15));
                browser.await(Duration.ofSeconds(10), () -> browser.byId("jobs-suspended").isDisplayed());
                WebElement resume = browser.byId("jobs-suspended-list").findElement(
                        By.cssSelector("li[data-job='" + jobA + "'] button"));
                assertEquals("恢复该任务", resume.getText());
                long verifiedBefore = sim.ledger().reconcile(jobA).verified();
                resume.click();
                browser.await(Duration.ofSeconds(15), () -> browser.text("status-text").equals("运行中")
                        && browser.text("job-id").equals(jobA));
                awaitVerified(sim, verifiedBefore + 3);
                sim.line().stop("2001");
                Reconciliation a = sim.ledger().reconcile(jobA);
                assertTrue(a.balanced(), a.toString());
                assertEquals(0, a.duplicates(), a.toString());
                assertTrue(sim.line().openJobs().stream().noneMatch(j -> j.suspended()), "job A no longer suspended");
                browser.signOut();
            }
        }
    }

    private static void fillJob(WebElement form, String batch, String quantity) {
        String product = SampleStation.PRODUCT;
        browser.await(() -> !form.findElements(By.cssSelector("select[name=productId] option[value='" + product
                + "']")).isEmpty());
        new Select(form.findElement(By.name("productId"))).selectByValue(product);
        form.findElement(By.name("batch")).sendKeys(batch);
        new Select(form.findElement(By.name("traceLevel"))).selectByValue("ITEM");
        new Select(form.findElement(By.name("scheme"))).selectByValue(SampleStation.SCHEME);
        new Select(form.findElement(By.name("template"))).selectByValue("item-gs1-datamatrix");
        new Select(form.findElement(By.name("printer"))).selectByValue(SimulatedLine.PRINTER);
        new Select(form.findElement(By.name("scanner"))).selectByValue(SimulatedLine.SCANNER);
        form.findElement(By.name("quantity")).sendKeys(quantity);
    }

    /** Waits on the line's own change events until the current job has {@code n} units verified. */
    private static void awaitVerified(SimulatedLine sim, long n) {
        LineEvents.awaitThat(sim.line(), n + " verified", () -> sim.line().snapshot().counters().verified() >= n);
    }
}
