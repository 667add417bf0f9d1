package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The call history in a real Chromium at 1366×768: a supervisor filters by queue, reads the total, opens a call and
 * sees its cause, comment, script answers, journey and the honest "no recording"; a period over 31 days is refused
 * with a readable error; an agent sees only their own calls and cannot open another agent's call by its URL.
 */
class CallHistoryBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void a_supervisor_filters_and_opens_a_call_and_an_agent_sees_only_their_own() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String queue = "hist-ui-" + tag;
        UserAccount mine = ApiClient.user(stack, "hist-ui-agent-1", UserAccount.Role.AGENT, null);
        UserAccount other = ApiClient.user(stack, "hist-ui-agent-2", UserAccount.Role.AGENT, null);
        ApiClient.user(stack, "hist-ui-sup", UserAccount.Role.SUPERVISOR, null);
        JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            jdbc.update("""
                    INSERT INTO call_history (call_id, direction, caller, callee, started_at, answered_at, ended_at,
                                              duration_seconds, billsec, disposition, hangup_cause, hangup_cause_text,
                                              agent_id, queue_name, comment, script_answers)
                    VALUES (?, 'INBOUND', ?, '+33199000001', ?, ?, ?, 95, 80, 'ANSWERED', 16, 'Normal Clearing', ?, ?,
                            ?, CAST(? AS jsonb))""",
                    "hist-ui-" + tag + "-" + i, "+3361277000" + i, Timestamp.from(start.plusSeconds(i * 60L)),
                    Timestamp.from(start.plusSeconds(i * 60L + 15)), Timestamp.from(start.plusSeconds(i * 60L + 95)),
                    i == 1 ? other.id() : mine.id(), queue, "comment " + tag + " " + i,
                    "{\"budget\": \"" + (1000 + i) + "\"}");
        }
        String first = "hist-ui-" + tag + "-0";
        jdbc.update("INSERT INTO call_journey_step (call_id, seq, element_id, block, started_at, ended_at, digits, "
                        + "outcome) VALUES (?, 1, 'WelcomeMenuTask', 'ivr.menu', ?, ?, '2', '2')", first,
                Timestamp.from(start.plusSeconds(1)), Timestamp.from(start.plusSeconds(9)));

        Page page = browser.session().signIn("hist-ui-sup", "hist-ui-sup-pw");
        page.locator("#nav-history").click();
        assertThat(page.locator("#history-view")).isVisible();
        page.locator("#history-queue input").fill(queue);
        page.locator("#history-queue input").press("Enter");
        page.locator("#history-search").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("3 calls");
        assertThat(page.locator("#history-total")).hasText("3 calls");
        assertThat(page.locator("#history-grid")).containsText("+33612770001");
        assertThat(page.locator("#history-grid")).containsText("+33612770002");

        page.locator("#history-grid vaadin-grid-cell-content:visible")
                .filter(new Locator.FilterOptions().setHasText("+33612770000")).first().click();
        page.waitForURL(url -> url.endsWith("/history/" + first));
        assertThat(page.locator("#history-field-cause")).hasText("16 · Normal Clearing");
        assertThat(page.locator("#history-field-queue")).hasText(queue);
        assertThat(page.locator("#history-comment")).hasText("comment " + tag + " 0");
        assertThat(page.locator("#history-script")).containsText("budget : 1000");
        assertThat(page.locator("#history-journey")).containsText("WelcomeMenuTask");
        assertThat(page.locator("#history-recording")).containsText("No recording");

        page.locator("#history-back").click();
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        LocalDate longAgo = today.minusDays(40);
        page.locator("#history-from input").fill(longAgo.getMonthValue() + "/" + longAgo.getDayOfMonth() + "/"
                + longAgo.getYear());
        page.locator("#history-from input").press("Enter");
        page.locator("#history-search").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("at most 31 days");

        Page agent = browser.session().signIn("hist-ui-agent-1", "hist-ui-agent-1-pw");
        agent.navigate(browser.session().base() + "history");
        assertThat(agent.locator("#history-view")).isVisible();
        assertThat(agent.locator("#history-agent")).isHidden();
        agent.locator("#history-queue input").fill(queue);
        agent.locator("#history-queue input").press("Enter");
        agent.locator("#history-search").click();
        assertThat(agent.locator("#history-total")).hasText("2 calls");
        assertThat(agent.locator("#history-grid")).containsText("+33612770000");
        assertThat(agent.locator("#history-grid")).containsText("+33612770002");
        assertThat(agent.locator("#history-grid vaadin-grid-cell-content:visible")
                .filter(new Locator.FilterOptions().setHasText("+33612770001"))).hasCount(0);

        agent.navigate(browser.session().base() + "history/hist-ui-" + tag + "-1");
        assertThat(agent.locator("#history-not-found")).isVisible();
        assertThat(agent.locator("#history-field-cause")).hasCount(0);
    }
}
