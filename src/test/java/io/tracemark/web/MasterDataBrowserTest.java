package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An admin registers a producer and a product in the panel (headless Chromium), Chinese first. */
class MasterDataBrowserTest {

    private static HeadlessChromium browser;

    @RegisterExtension
    static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();

    @BeforeAll
    static void takeBrowser() {
        browser = CHROMIUM.browser();
    }

    @Test
    void anAdminRegistersAProducerAndAProductAndMissingFieldsAreNamedInChinese() throws IOException {
        try (TestStation station = new TestStation()) {
            browser.viewport(1280, 800);
            browser.driver.get("http://127.0.0.1:" + station.port + "/");
            browser.await(() -> "true".equals(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.signIn("9001", "999999");
            assertEquals("主数据", browser.tab("master").getText());
            browser.tab("master").click();
            browser.await(() -> browser.driver.findElement(By.id("producer-rows")).getText().contains("尚无主数据"));

            WebElement producer = browser.driver.findElement(By.id("producer-form"));
            fill(producer, Map.of("id", "PR-1", "name", "广州示例电器有限公司", "address", "广州市黄埔区示例路 1 号",
                    "contact", "020-12345678", "businessLicence", "营业执照 91440101MA59TM0023"));
            browser.driver.findElement(By.id("producer-save")).click();
            WebElement usccProblem = producer.findElement(By.cssSelector("[data-field=uscc] .problem"));
            browser.await(() -> !usccProblem.getText().isEmpty());
            assertTrue(usccProblem.getText().startsWith("统一社会信用代码为必填项"), usccProblem.getText());
            browser.screenshot("master-problems-1280x800");

            fill(producer, Map.of("uscc", "91440101MA59TM0023"));
            browser.driver.findElement(By.id("producer-save")).click();
            browser.await(() -> browser.driver.findElement(By.id("producer-rows")).getText().contains("PR-1"));
            assertEquals("", usccProblem.getText(), "problems cleared once the producer is saved");

            WebElement product = browser.driver.findElement(By.id("product-form"));
            browser.await(() -> !product.findElements(By.cssSelector("select[name=producer] option[value='PR-1']")).isEmpty());
            new Select(product.findElement(By.name("producer"))).selectByValue("PR-1");
            fill(product, Map.of("id", "P-KETTLE", "name", "电热水壶", "type", "家用电器", "specification", "SK-1500",
                    "mandatoryStandard", "GB 4706.1-2005", "inspectionReport", "QJ-2025-0001", "gtin", "06901234000016"));
            browser.driver.findElement(By.id("product-save")).click();
            browser.await(() -> browser.driver.findElement(By.id("product-rows")).getText().contains("P-KETTLE"));
            assertTrue(station.auditActions().contains("9001 producer.save"));
            assertTrue(station.auditActions().contains("9001 product.save"));
            browser.assertTouchTargets();
            browser.screenshot("master-1280x800");

            browser.driver.findElement(By.cssSelector("#app .lang-switch")).click();
            browser.await(() -> browser.tab("master").getText().equals("Master data"));
            assertEquals("Register or change a producer",
                    browser.driver.findElements(By.cssSelector("#view-master .admin-col:nth-child(2) h2")).get(0).getText());
            browser.driver.findElement(By.cssSelector("#app .lang-switch")).click();
            browser.await(() -> browser.tab("master").getText().equals("主数据"));
        }
    }

    private static void fill(WebElement form, Map<String, String> values) {
        values.forEach((name, value) -> {
            WebElement input = form.findElement(By.name(name));
            input.clear();
            input.sendKeys(value);
        });
    }
}
