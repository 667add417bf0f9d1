package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.report.ReportCsv;
import com.evscallpro.core.report.ReportModel.CallFilter;
import com.evscallpro.core.report.ReportModel.Granularity;
import com.evscallpro.core.report.ReportModel.Period;
import com.evscallpro.core.report.ReportRollups;
import com.evscallpro.core.report.ReportService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports screen in a real Chromium: a supervisor shows a campaign's calls; the ECharts chart is drawn as SVG with
 * the series the server computed (its bars and its ARIA description name them with their values), and the CSV the
 * page downloads is byte for byte the report computed by the service from the roll-ups; the API answers the same
 * CSV, the abandon report's verdict, a 400 for a reversed period and a 403 to an agent (and to a supervisor's rebuild).
 */
class ReportsBrowserTest {

    private static final SandboxTestContext STACK = SandboxTestContext.get();
    private static final BrowserSession BROWSER = new BrowserSession(STACK);

    @AfterAll
    static void close() {
        BROWSER.close();
    }

    @Test
    void a_supervisor_sees_the_calls_chart_and_downloads_the_same_figures_as_csv() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String campaignName = "Reports " + tag;
        long campaign = STACK.bean(CampaignService.class).create(NewCampaign.withDefaults(campaignName));
        STACK.bean(UserAccountService.class).create("rb-super-" + tag, "rb-super-password", "Reports Supervisor",
                UserAccount.Role.SUPERVISOR, null, "en");
        ReportService reports = STACK.bean(ReportService.class);
        LocalDate yesterday = LocalDate.now(reports.zone()).minusDays(1);
        Instant ten = yesterday.atTime(10, 0).atZone(reports.zone()).toInstant();
        JdbcClient jdbc = STACK.bean(JdbcClient.class);
        String[][] calls = {{"ANSWERED", "ANSWERED"}, {"ANSWERED", "ANSWERED"}, {"ANSWERED", "ANSWERED"},
            {"ANSWERED", "ABANDONED"}, {"BUSY", "BUSY"}};
        for (int i = 0; i < calls.length; i++) {
            jdbc.sql("""
                    INSERT INTO call_history (call_id, direction, started_at, disposition, outcome, campaign_id, billsec)
                    VALUES (?, 'OUTBOUND', ?, ?, ?, ?, 30)""")
                    .param("rb-" + tag + "-" + i).param(Timestamp.from(ten.plusSeconds(60L * i)))
                    .param(calls[i][0]).param(calls[i][1]).param(campaign).update();
        }
        STACK.bean(ReportRollups.class).rebuild(ten.minusSeconds(3600), ten.plusSeconds(7200));

        Page page = BROWSER.signIn("rb-super-" + tag, "rb-super-password");
        page.navigate(BROWSER.base() + "reports");
        page.locator("#reports-campaign input").fill(campaignName);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(campaignName)).click();
        page.locator("#reports-apply").click();
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("Report updated")).last())
                .isVisible();

        assertThat(page.locator("#reports-chart svg")).isVisible();
        assertThat(page.locator("#reports-chart svg text", new Page.LocatorOptions().setHasText("Answered")).first())
                .isVisible();
        String aria = page.locator("#reports-chart").getAttribute("aria-label");
        assertThat(aria).contains("Answered").contains("Abandoned").contains(yesterday.toString());
        // one bar per non-zero value: 3 answered + 1 abandoned + 1 not reached on yesterday's category
        assertThat(page.locator("#reports-chart svg path[d]").count()).isGreaterThanOrEqualTo(3);
        assertThat(page.locator("#reports-grid vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText("25.00 %")).first()).isVisible();

        Download download = page.waitForDownload(() -> page.locator("#reports-csv").click());
        String csv = Files.readString(download.path());
        Period period = new Period(yesterday.minusDays(5), yesterday.plusDays(1), reports.zone());
        StringBuilder expected = new StringBuilder();
        ReportCsv.calls(reports.calls(period, Granularity.DAY, new CallFilter(campaign, null, null)), Granularity.DAY,
                reports.zone(), expected);
        assertThat(csv).isEqualTo(expected.toString());
        assertThat(csv).contains(yesterday + ",5,3,1,1,0,0,0,4,0.2500");
        assertThat(BROWSER.cspViolations).isEmpty();

        // the same figures through the API: CSV identical, the abandon report's legal verdict, bad input, roles
        ApiClient api = new ApiClient(STACK);
        ApiClient.user(STACK, "rb-api-sup-" + tag, UserAccount.Role.SUPERVISOR, null);
        ApiClient.user(STACK, "rb-api-agent-" + tag, UserAccount.Role.AGENT, null);
        String sup = api.accessToken("rb-api-sup-" + tag, "rb-api-sup-" + tag + "-pw");
        String q = "from=" + period.from() + "&to=" + period.to() + "&campaignId=" + campaign;
        ApiClient.Response apiCsv = api.get("/api/v1/reports/calls?" + q + "&format=csv", sup);
        assertThat(apiCsv.status()).isEqualTo(200);
        assertThat(apiCsv.body()).isEqualTo(expected.toString());
        ApiClient.Response abandon = api.get("/api/v1/reports/abandon?" + q, sup);
        assertThat(abandon.status()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode day = java.util.stream.StreamSupport.stream(
                abandon.json().spliterator(), false).filter(d -> d.get("day").asText().equals(yesterday.toString()))
                .findFirst().orElseThrow();
        assertThat(day.get("rate").asDouble()).isEqualTo(0.25);
        assertThat(day.get("compliant").asBoolean()).isFalse();
        assertThat(day.get("hours").size()).isBetween(23, 25);
        ApiClient.Response bad = api.get("/api/v1/reports/calls?from=" + period.to() + "&to=" + period.from(), sup);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("before the first day");
        String agentToken = api.accessToken("rb-api-agent-" + tag, "rb-api-agent-" + tag + "-pw");
        assertThat(api.get("/api/v1/reports/calls?" + q, agentToken).status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/reports/rebuild?" + q, sup, "{}", java.util.Map.of()).status())
                .isEqualTo(403);
    }
}
