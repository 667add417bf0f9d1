package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agentdesk.CustomFieldLabels;
import com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.user.UserAccount;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The screen-pop beside the call in a real Chromium against the running stack and the simulator: the contact's custom
 * fields with the campaign's labels (and a humanised key), the contact's previous call with its qualification, and
 * the agent's figures of the day, which count the new call once it is qualified.
 */
class AgentScreenPopBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    private static final LocatorAssertions.HasTextOptions WAIT_TEXT =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void the_screen_pop_shows_labelled_fields_the_previous_calls_and_the_agent_s_figures_of_the_day() {
        UserAccount a = ApiClient.user(stack, "pop-agent", UserAccount.Role.AGENT, "2191");
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Screen pop browser", null, null),
                List.of(a.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        CampaignEdit d = CampaignEdit.defaults("Screen pop browser");
        long campaignId = stack.withoutCallingRules(campaigns.create(new CampaignEdit(d.name(), null, null, 5, 1, 25,
                "+33170000001", null, null, null, "FR", "FR", d.dialingMode(), 30, 2.5, 3, d.amdMode(), null, null, null,
                null, false, 0, 120, false, Set.of(group))));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(new ContactInput("Paula", "Pop",
                SandboxTestContext.ANSWERS_AND_TALKS, Map.of("contrat", "AUTO-17", "date_naissance", "1980-02-03"))));
        stack.bean(CustomFieldLabels.class).define(campaignId,
                List.of(new FieldLabel("contrat", "N° de contrat", "Contract number", 1)));
        JdbcClient jdbc = stack.bean(JdbcClient.class);
        long contactId = jdbc.sql("SELECT id FROM contact WHERE campaign_id = ?").param(campaignId)
                .query(Long.class).single();
        // an earlier call today: answered by this agent, qualified as a sale, 95 s of talk
        String previous = "pop-prev-" + UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(120);
        jdbc.sql("""
                INSERT INTO call_history (call_id, direction, caller, callee, started_at, answered_at, ended_at,
                    billsec, disposition, outcome, campaign_id, contact_id, agent_id, qualification_code)
                VALUES (?, 'OUTBOUND', '+33170000001', ?, ?, ?, ?, 95, 'ANSWERED', 'ANSWERED', ?, ?, ?, 'SALE')""")
                .param(previous).param(SandboxTestContext.ANSWERS_AND_TALKS).param(Timestamp.from(at))
                .param(Timestamp.from(at.plusSeconds(5))).param(Timestamp.from(at.plusSeconds(100)))
                .param(campaignId).param(contactId).param(a.id()).update();
        AgentService agents = stack.bean(AgentService.class);
        try {
            Page page = browser.session().signIn("pop-agent", "pop-agent-pw");
            page.navigate(browser.session().base() + "agent");
            assertThat(page.locator("#agent-day")).isVisible();
            assertThat(page.locator("#day-calls")).hasText("1", WAIT_TEXT);
            assertThat(page.locator("#day-positive")).hasText("1 (100%)");
            page.locator("#ready-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            campaigns.start(campaignId);

            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
            assertThat(page.locator("#screen-pop")).isVisible();
            Locator contract = page.locator("#custom-fields .custom-field[data-field='contrat']");
            assertThat(contract.locator(".custom-field-label")).hasText("Contract number");
            assertThat(contract.locator(".custom-field-value")).hasText("AUTO-17");
            assertThat(page.locator("#custom-fields .custom-field[data-field='date_naissance'] .custom-field-label"))
                    .hasText("Date naissance");
            Locator row = page.locator("#contact-history .past-call[data-call-id='" + previous + "']");
            assertThat(row).isVisible();
            assertThat(row.locator(".past-call-qualification")).hasText("Sale");
            assertThat(row.locator(".past-call-outcome")).hasText("Answered");
            assertThat(row.locator(".past-call-direction")).hasText("Outbound");
            assertThat(row.locator(".past-call-agent")).hasText("pop-agent");
            assertThat(row.locator(".past-call-talk")).hasText("01:35");
            String callId = agents.status(a.id()).callId();
            assertThat(page.locator("#contact-history .past-call[data-call-id='" + callId + "']")).hasCount(0);

            // talk time is counted in whole seconds from the state log: talk at least 2 s before hanging up (a fast
            // run hung up within half a second and read 00:00 in CI)
            page.waitForTimeout(2_000);
            page.locator("#call-hangup").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "WRAP_UP", WAIT);
            page.locator("#qualification-select vaadin-radio-button", new Page.LocatorOptions().setHasText("Sale"))
                    .first().click();
            page.locator("#qualify-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            assertThat(page.locator("#day-calls")).hasText("2", WAIT_TEXT);
            assertThat(page.locator("#day-positive")).hasText("2 (100%)", WAIT_TEXT);
            assertThat(page.locator("#day-talk")).not().hasText("00:00");
            assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
        } finally {
            campaigns.pause(campaignId);
            try {
                agents.pause(a.id(), "BREAK");
            } catch (RuntimeException ignored) {
                // already paused or out
            }
        }
    }

    @Test
    void a_supervisor_labels_a_campaign_s_custom_fields_from_the_campaigns_screen() {
        ApiClient.user(stack, "pop-supervisor", UserAccount.Role.SUPERVISOR, null);
        CampaignService campaigns = stack.bean(CampaignService.class);
        String name = "Labels browser " + UUID.randomUUID().toString().substring(0, 6);
        long campaignId = campaigns.create(CampaignEdit.defaults(name));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(new ContactInput("Lara", "Label",
                "+33612000099", Map.of("code_postal", "69001"))));

        Page page = browser.session().signIn("pop-supervisor", "pop-supervisor-pw");
        page.navigate(browser.session().base() + "campaigns");
        page.locator("#more-campaign-" + campaignId).click();
        page.locator("#custom-fields-" + campaignId).click();
        Locator dialog = page.locator("#custom-fields-dialog");
        Locator row = page.locator(".custom-field-row");
        assertThat(row).hasCount(1);
        assertThat(row.locator(".custom-field-key input")).hasValue("code_postal");
        assertThat(row.locator(".custom-field-label-fr input")).hasValue("Code postal"); // the suggestion
        row.locator(".custom-field-label-en input").fill("Postcode");
        page.locator("#custom-fields-save").click();
        assertThat(page.locator("#custom-fields-dialog")).hasCount(0);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(stack.bean(CustomFieldLabels.class).of(campaignId))
                        .containsExactly(new FieldLabel("code_postal", "Code postal", "Postcode", 1)));
        assertThat(dialog).hasCount(0);
        assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
    }
}
