package dev.policygate.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policygate.Corpus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The remediation and comparison pieces of the portal in a real headless Chromium: the model clause beside a
 * finding and its copy button (the clipboard then holds the clause), the compare page with both texts side by
 * side, the changed sentences marked and the flipped obligations linked to them, and an app's history with its
 * score over time. Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
public class RemediationPortalBrowserTest {
    private static final String SKIP = "SKIPPED browser tests: /usr/bin/chromedriver is missing "
            + "(apt-get install -y chromium chromium-driver); they always run when CI is set.";
    private static ChromeDriver driver;
    static final String APP = "cn.gov.portal-" + UUID.randomUUID();
    static String v1;
    static String v2;

    @TestHTTPResource("/")
    URL base;

    /** Two versions of 003 under one app: as published, and without its contact paragraph (once per run). */
    static synchronized void twoVersions() {
        if (v1 != null) {
            return;
        }
        String policy = Corpus.read("003_c0a6ceb5a7d8050c.txt");
        List<String> lines = new ArrayList<>(List.of(policy.split("\n", -1)));
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("八、如何联系我们")) {
                heading = i;
            }
        }
        lines.remove(heading + 1);
        v1 = assess(policy, "2024-01");
        v2 = assess(String.join("\n", lines), "2024-02");
    }

    static String assess(String text, String label) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text, "title", "国务院客户端",
                "appId", APP, "versionLabel", label)).post("/api/v1/assessments").then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    private ChromeDriver browser() {
        assumeTrue(Browser.available(), SKIP);
        twoVersions();
        if (driver == null) {
            driver = Browser.start(1366, 900);
        }
        return driver;
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static Object js(ChromeDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    @Test
    void aFindingShowsItsModelClauseAndTheCopyButtonPutsItOnTheClipboard() {
        ChromeDriver d = browser();
        d.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        d.get(url("/assessments/" + v1 + "?lang=zh"));
        WebElement finding = d.findElement(By.id("finding-RIGHT_COPY"));
        finding.findElement(By.className("finding-btn")).click();
        WebElement remedy = d.findElement(By.id("remedy-RIGHT_COPY"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOf(remedy));
        String clause = remedy.findElement(By.className("clause")).getText();
        assertEquals("如您需要获取个人信息副本，可发送邮件至app@mail.gov.cn申请。", clause, "known e-mail filled in");
        assertTrue(remedy.getText().contains("修改建议"), remedy.getText());
        WebElement copy = remedy.findElement(By.className("copy-clause"));
        assertEquals("复制条款", copy.getText());
        copy.click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElement(copy, "已复制"));
        Object pasted = ((JavascriptExecutor) d).executeAsyncScript(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('ERR ' + e); });");
        assertEquals(clause, pasted, "the clipboard holds the clause");
        Browser.screenshot(d, "remedy-copy-clause");

        // an open placeholder is listed to fill in, with the section the clause belongs in
        d.findElement(By.id("finding-HANDLER_ADDRESS")).findElement(By.className("finding-btn")).click();
        WebElement address = d.findElement(By.id("remedy-HANDLER_ADDRESS"));
        assertEquals("联系地址：{通信地址}。", address.findElement(By.className("clause")).getText());
        assertTrue(address.findElement(By.className("fill-in")).getText().contains("通信地址"));
        assertTrue(address.getText().contains("八、如何联系我们"), address.getText());
        // a MET finding has no remediation
        assertTrue(d.findElements(By.id("remedy-HANDLER_IDENTITY")).isEmpty());
        Browser.screenshot(d, "remedy-open-placeholder");
    }

    @Test
    void theComparePageShowsBothTextsWithTheChangesAndLinksFlipsToTheirCauses() {
        ChromeDriver d = browser();
        d.get(url("/compare?a=" + v1 + "&b=" + v2 + "&lang=en"));
        List<String> flipped = d.findElements(By.cssSelector("#changed tr.flip")).stream()
                .map(e -> e.getAttribute("data-id")).sorted().toList();
        assertEquals(List.of("HANDLER_CONTACT", "RESPONSE_DEADLINE"), flipped);
        assertTrue(d.findElement(By.id("regression")).isDisplayed());
        List<WebElement> removed = d.findElements(By.cssSelector("#text-a mark.k-REMOVED"));
        assertEquals(2, removed.size(), "the two sentences of the contact paragraph");
        assertTrue(removed.get(0).getText().contains("app@mail.gov.cn"));
        assertTrue(d.findElements(By.cssSelector("#text-b mark")).isEmpty(), "nothing was added in B");
        WebElement cause = d.findElement(By.cssSelector("tr[data-id=HANDLER_CONTACT] .cause-link"));
        assertTrue(cause.getText().contains("removed"), cause.getText());
        cause.click();
        WebElement target = d.findElement(By.id("a-" + cause.getAttribute("data-token")));
        assertTrue(target.getAttribute("class").contains("active"));
        assertTrue(target.getText().contains("app@mail.gov.cn"));
        // the marked sentence is scrolled into the visible part of its pane
        Boolean visible = (Boolean) js(d, "var m = arguments[0], p = document.getElementById('text-a');"
                + "var r = m.getBoundingClientRect(), q = p.getBoundingClientRect();"
                + "return r.top >= q.top - 1 && r.top <= q.bottom;", target);
        assertTrue(visible, "the cause is scrolled into view");
        Browser.screenshot(d, "compare-side-by-side");
    }

    @Test
    void anAppsHistoryShowsItsScoreOverTimeAndComparesConsecutiveVersions() {
        ChromeDriver d = browser();
        d.get(url("/apps/" + APP + "?lang=en"));
        List<WebElement> rows = d.findElements(By.cssSelector("#app-history tbody tr"));
        assertEquals(2, rows.size());
        assertEquals(v1, rows.get(0).getAttribute("data-id"));
        assertTrue(rows.get(1).getText().contains("2024-02"));
        assertEquals(2, d.findElements(By.cssSelector("#score-chart circle")).size());
        String points = d.findElement(By.cssSelector("#score-chart polyline")).getAttribute("points");
        assertEquals(2, points.strip().split(" ").length, points);
        assertFalse(d.findElements(By.cssSelector("#app-history .compare-prev")).isEmpty());
        Browser.screenshot(d, "app-history");
        d.findElement(By.cssSelector("#app-history .compare-prev")).click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/compare?a=" + v1));
        assertEquals(2, d.findElements(By.cssSelector("#changed tr.flip")).size());
        d.get(url("/assessments/" + v2 + "?lang=en"));
        assertTrue(d.findElement(By.id("app-link")).getText().contains(APP));
    }

    @Test
    void anAuthorEditsTheRemediationAndValidateRunsTheModelClause() {
        ChromeDriver d = browser();
        d.get(url("/login?lang=en"));
        d.findElement(By.id("j_username")).sendKeys("author");
        d.findElement(By.id("j_password")).sendKeys("author");
        d.findElement(By.id("login-submit")).click();
        new WebDriverWait(d, Duration.ofSeconds(60)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        d.get(url("/obligations/HANDLER_ADDRESS/edit?lang=en"));
        WebElement clause = d.findElement(By.id("remedy-clause"));
        // the latest version's clause (other tests may have revised it through the API)
        String latest = clause.getAttribute("value");
        assertTrue(latest.contains("{通信地址}"), latest);
        assertTrue(d.findElement(By.id("remedy-zh")).getAttribute("value").contains("通信地址"));
        // a clause that cannot meet the obligation fails its test
        js(d, "arguments[0].value = arguments[1];", clause, "我们重视您的隐私。");
        d.findElement(By.id("validate")).click();
        new WebDriverWait(d, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(By.id("tests")));
        List<WebElement> failed = d.findElements(By.cssSelector("#tests li.fail"));
        assertEquals(1, failed.size(), d.findElement(By.id("tests")).getText());
        assertTrue(failed.get(0).getText().contains("remediation"), failed.get(0).getText());
        assertEquals("我们重视您的隐私。", d.findElement(By.id("remedy-clause")).getAttribute("value"), "the form keeps it");
        Browser.screenshot(d, "remedy-editor-failing-clause");
        // the stored clause passes
        js(d, "arguments[0].value = arguments[1];", d.findElement(By.id("remedy-clause")), latest);
        d.findElement(By.id("validate")).click();
        new WebDriverWait(d, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(By.id("tests")));
        assertTrue(d.findElements(By.cssSelector("#tests li.fail")).isEmpty(), d.findElement(By.id("tests")).getText());
        assertTrue(d.findElement(By.id("tests")).getText().contains("remediation"));
    }
}
