package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.rules.CallingRulesAdmin;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.PbxSimulator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent's own calls in a real Chromium against the running stack and the simulator over AMI: the agent chooses
 * another phone for the session, a number on the do-not-call list typed in the dial box is refused with the rule's
 * name, then "Call" on one of the agent's callbacks rings the chosen phone first and the agent goes on the call.
 */
class ManualDialBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    private static final String ACCOUNT_PHONE = "2841";
    private static final String CHOSEN_PHONE = "2849";
    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void the_agent_chooses_a_phone_is_refused_a_listed_number_and_calls_a_callback_back() {
        UserAccount a = ApiClient.user(stack, "mdb-agent", UserAccount.Role.AGENT, ACCOUNT_PHONE);
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Manual dial browser", null, null),
                List.of(a.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        CampaignEdit d = CampaignEdit.defaults("Manual dial browser");
        long campaignId = stack.withoutCallingRules(campaigns.create(new CampaignEdit(d.name(), null, null, 5, 1, 25,
                "+33170000001", null, null, null, "FR", "FR", d.dialingMode(), 30, 2.5, 3, d.amdMode(), null, null, null,
                null, true, 600, 120, false, Set.of(group)))); // personal callbacks
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Clara", "Click", SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));
        ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
        long contactId = contacts.claimDue(campaignId, 1).getFirst().contactId(); // as after a call: a callback due
        contacts.scheduleCallback(contactId, Instant.now().plusSeconds(3600), a.id()); // later today
        stack.bean(CallingRulesAdmin.class).addDoNotCall("+33612000098", "FR", "asked not to be called");
        PbxSimulator sim = stack.infrastructure.pbx();
        AgentService agents = stack.bean(AgentService.class);
        try {
            Page page = browser.session().signIn("mdb-agent", "mdb-agent-pw");
            page.navigate(browser.session().base() + "agent");
            assertThat(page.locator("#agent-phone input")).hasValue(ACCOUNT_PHONE);
            assertThat(page.locator("#manual-dial-call")).isDisabled();

            // another phone for this session; a bad one is refused
            page.locator("#agent-phone input").fill("12a");
            page.locator("#agent-phone-use").click();
            assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions()
                    .setHasText("12a is not a phone extension"))).isVisible();
            page.locator("#agent-phone input").fill(CHOSEN_PHONE);
            page.locator("#agent-phone-use").click();
            assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions()
                    .setHasText("Calls now ring extension " + CHOSEN_PHONE))).isVisible();

            // paused (signed in): the dial box is offered; a listed number is refused with the rule's name
            page.locator("#pause-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "PAUSED", WAIT);
            assertThat(page.locator("#manual-dial-call")).isEnabled();
            int before = sim.originates().size();
            page.locator("#manual-dial-number input").fill("06 12 00 00 98");
            page.locator("#manual-dial-call").click();
            assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions()
                    .setHasText("This number may not be called now: Do-not-call list"))).isVisible();
            assertThat(sim.originates()).hasSize(before);

            // click-to-call from the agent's callbacks: the chosen phone rings first, then the contact
            page.locator("#agent-callbacks-summary").click();
            assertThat(page.locator("#agent-callbacks-grid vaadin-grid-cell-content",
                    new Page.LocatorOptions().setHasText("Clara Click"))).isVisible();
            page.locator(".agent-callback-call[data-contact-id='" + contactId + "']").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
            assertThat(sim.originates()).anyMatch(o -> o.startsWith("Local/" + CHOSEN_PHONE + "@")
                    && o.endsWith("evs-phone," + SandboxTestContext.ANSWERS_AND_TALKS));
            assertThat(sim.originates()).noneMatch(o -> o.startsWith("Local/" + ACCOUNT_PHONE + "@"));
            assertThat(page.locator("#manual-dial-call")).isDisabled();
            assertThat(page.locator("#agent-phone input")).isDisabled();
            assertThat(page.locator("#call-controls")).isVisible();

            page.locator("#call-hangup").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "WRAP_UP", WAIT);
            assertThat(page.locator("#screen-pop")).isVisible();
            assertThat(page.locator("#contact-name")).containsText("Click");
            assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
        } finally {
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
                agents.pause(a.id(), "BREAK");
                return true;
            });
        }
    }
}
