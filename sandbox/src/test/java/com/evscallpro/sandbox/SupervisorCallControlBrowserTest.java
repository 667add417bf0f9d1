package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.supervision.SupervisorAction;
import com.evscallpro.core.supervision.SupervisorActionEntry;
import com.evscallpro.core.supervision.SupervisorActionFilter;
import com.evscallpro.core.supervision.SupervisorActionHistory;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.PbxSimulator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A supervisor in a real Chromium: selects an agent in a call, listens on their own phone, switches to whisper
 * (the simulator's ChanSpy follows), forces a pause, which the agent's open page shows at once (a notice, then PAUSED
 * when the call is over); a logout during the call is refused with a readable message, after it the agent's page
 * goes offline. The admins' journal screen lists it all.
 */
class SupervisorCallControlBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @AfterEach
    void no_csp_violation() {
        assertThat(browser.session().cspViolations).isEmpty();
    }

    private PbxSimulator sim() {
        return stack.infrastructure.pbx();
    }

    private String spyer(String extension) {
        return sim().channelNames().stream().filter(n -> n.contains("/" + extension) && !n.endsWith(";2")
                && sim().spyMode(n).isPresent()).findFirst().orElse(null);
    }

    private static Locator notice(Page page, String text) {
        return page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void a_supervisor_listens_then_whispers_then_forces_a_pause_that_the_agent_page_shows() {
        UserAccount agent = ApiClient.user(stack, "bw-agent", UserAccount.Role.AGENT, "2721");
        ApiClient.user(stack, "bw-supervisor", UserAccount.Role.SUPERVISOR, null);
        ApiClient.user(stack, "bw-admin", UserAccount.Role.ADMIN, null);
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Coached campaign", 1, 60, 20,
                "+33170000012")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(new ContactInput("Coco", "Ached",
                SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));

        Page agentPage = browser.session().signIn("bw-agent", "bw-agent-pw");
        agentPage.navigate(browser.session().base() + "agent");
        agentPage.locator("#ready-button").click();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
        campaigns.start(campaignId);
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);

        Page supervisor = browser.session().signIn("bw-supervisor", "bw-supervisor-pw");
        supervisor.navigate(browser.session().base() + "supervision");
        assertThat(supervisor.locator("#spy-listen")).isDisabled();
        supervisor.locator("#agents-grid [role=row]", new Page.LocatorOptions().setHasText("bw-agent"))
                .first().click();
        assertThat(supervisor.locator("#control-target")).hasAttribute("data-agent", "bw-agent", WAIT);
        supervisor.locator("#supervisor-phone input").fill("3721");

        // listen: the supervisor's phone is rung and joins the call quietly
        supervisor.locator("#spy-listen").click();
        assertThat(supervisor.locator("#spy-status")).hasAttribute("data-mode", "LISTEN", WAIT);
        assertThat(notice(supervisor, "Listening")).isVisible();
        await().atMost(Duration.ofSeconds(10)).until(() -> spyer("3721") != null);
        String spyer = spyer("3721");
        assertThat(sim().spyMode(spyer)).contains("listen");

        // whisper: the same phone, the running ChanSpy switched
        supervisor.locator("#spy-whisper").click();
        assertThat(supervisor.locator("#spy-status")).hasAttribute("data-mode", "WHISPER", WAIT);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim().spyMode(spyer).orElse("").equals("whisper"));

        // a logout in a call is refused, clearly; a pause waits for the end of the call, and the agent is told now
        supervisor.locator("#force-logout").click();
        assertThat(notice(supervisor, "is in a call")).isVisible();
        supervisor.locator("#force-pause").click();
        assertThat(notice(supervisor, "will be paused when the call")).isVisible();
        assertThat(notice(agentPage, "will pause you after this call")).isVisible();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);

        // the supervisor stops; the agent ends the call and is paused at once
        supervisor.locator("#spy-stop").click();
        assertThat(supervisor.locator("#spy-status")).hasAttribute("data-mode", "NONE", WAIT);
        assertThat(agentPage.locator("#screen-pop")).hasAttribute("data-customer-on-line", "true", WAIT);
        agentPage.locator("#qualification-select vaadin-radio-button").first().click();
        agentPage.locator("#qualify-hangup-button").click();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "PAUSED", WAIT);
        assertThat(supervisor.locator(".agent-state-badge[data-agent='bw-agent'][data-state='PAUSED']"))
                .hasCount(1);
        campaigns.pause(campaignId);

        // now the logout applies: the agent's page goes offline and says who did it
        supervisor.locator("#force-logout").click();
        assertThat(notice(supervisor, "was logged out")).isVisible();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "OFFLINE", WAIT);
        assertThat(notice(agentPage, "logged you out")).isVisible();
        assertThat(stack.bean(AgentService.class).status(agent.id()).state()).isEqualTo(AgentState.OFFLINE);

        // the admins' journal
        List<SupervisorActionEntry> journal = stack.bean(SupervisorActionHistory.class).search(
                new SupervisorActionFilter("bw-supervisor", null, null, null, null, null, true), 0, 20);
        assertThat(journal).extracting(e -> e.action() + " " + e.outcome()).containsExactly("LISTEN OK",
                "WHISPER OK", "FORCE_LOGOUT REFUSED", "FORCE_PAUSE OK", "STOP OK", "FORCE_LOGOUT OK");
        Page admin = browser.session().signIn("bw-admin", "bw-admin-pw");
        admin.navigate(browser.session().base() + "admin/supervisor-actions");
        Locator grid = admin.locator("#supervisor-actions-grid");
        assertThat(grid.locator("vaadin-grid-cell-content", new Locator.LocatorOptions()
                .setHasText("bw-supervisor")).first()).isVisible();
        admin.locator("#sa-supervisor input").fill("bw-sup");
        assertThat(grid.locator("vaadin-grid-cell-content", new Locator.LocatorOptions().setHasText("Forced logout")))
                .hasCount(2);
    }
}
