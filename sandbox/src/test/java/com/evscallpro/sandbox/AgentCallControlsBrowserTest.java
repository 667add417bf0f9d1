package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.PbxPort;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent's call controls in a real Chromium against the running stack and the simulator over AMI: an agent takes
 * a campaign call, holds (the customer is moved to music on hold), resumes, mutes, then transfers the call blind to
 * another agent, whose own page gets the call and its screen-pop.
 */
class AgentCallControlsBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_agent_holds_resumes_mutes_and_transfers_blind_to_another_agent_who_gets_the_call() throws Exception {
        UserAccount a = ApiClient.user(stack, "ccb-agent-a", UserAccount.Role.AGENT, "2181");
        UserAccount b = ApiClient.user(stack, "ccb-agent-b", UserAccount.Role.AGENT, "2182");
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Call controls browser", null,
                null), List.of(a.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        CampaignEdit d = CampaignEdit.defaults("Call controls browser");
        long campaignId = stack.withoutCallingRules(campaigns.create(new CampaignEdit(d.name(), null, null, 5, 1, 25,
                "+33170000001", null, null, null, "FR", "FR", d.dialingMode(), 30, 2.5, 3, d.amdMode(), null, null, null,
                null, false, 0, 120, false, Set.of(group))));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Hugo", "Hold", SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));
        PbxSimulator sim = stack.infrastructure.pbx();
        PbxPort pbx = stack.bean(PbxPort.class);
        AgentService agents = stack.bean(AgentService.class);
        try {
            Page pageA = browser.session().signIn("ccb-agent-a", "ccb-agent-a-pw");
            pageA.navigate(browser.session().base() + "agent");
            assertThat(pageA.locator("#call-controls")).isHidden();
            pageA.locator("#ready-button").click();
            assertThat(pageA.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            campaigns.start(campaignId);

            assertThat(pageA.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
            assertThat(pageA.locator("#call-controls")).isVisible();
            assertThat(pageA.locator("#call-progress")).hasAttribute("data-progress", "CONNECTED", WAIT);
            // an Asterisk site sends DTMF: the row is offered, nothing is said to be impossible
            assertThat(pageA.locator("#call-dtmf-row")).isVisible();
            assertThat(pageA.locator("#call-unavailable")).isHidden();
            String callId = agents.status(a.id()).callId();
            String customer = leg(pbx, callId, Leg.CUSTOMER);
            String agentLeg = leg(pbx, callId, Leg.AGENT);

            pageA.locator("#call-hold").click();
            assertThat(pageA.locator("#call-hold")).hasAttribute("data-held", "true", WAIT);
            assertThat(pageA.locator("#call-control-status")).hasAttribute("data-status", "held");
            assertThat(sim.placeOf(customer)).isEqualTo("evs-hold,s,MusicOnHold");
            pageA.locator("#call-hold").click();
            assertThat(pageA.locator("#call-hold")).hasAttribute("data-held", "false", WAIT);
            await().atMost(Duration.ofSeconds(5)).until(() -> "Bridge".equals(application(pbx, callId, customer)));

            pageA.locator("#call-mute").click();
            assertThat(pageA.locator("#call-mute")).hasAttribute("data-muted", "true", WAIT);
            assertThat(sim.muteState(agentLeg)).isEqualTo("in");

            // B, on their own page, becomes ready; A picks B in the list and transfers blind
            Page pageB = browser.session().signIn("ccb-agent-b", "ccb-agent-b-pw");
            pageB.navigate(browser.session().base() + "agent");
            pageB.locator("#ready-button").click();
            assertThat(pageB.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            pageA.locator("#call-transfer-agent input").click();
            pageA.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("ccb-agent-b")).click();
            pageA.locator("#call-transfer").click();

            assertThat(pageB.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
            assertThat(pageB.locator("#screen-pop")).isVisible();
            assertThat(pageB.locator("#contact-name")).containsText("Hold");
            assertThat(pageB.locator("#call-controls")).isVisible();
            assertThat(pageB.locator("#call-mute")).hasAttribute("data-muted", "false");
            assertThat(pageA.locator("#call-controls")).isHidden();
            assertThat(pageA.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            await().atMost(Duration.ofSeconds(10)).until(() -> leg(pbx, callId, Leg.AGENT).contains("2182"));

            pageB.locator("#call-hangup").click();
            assertThat(pageB.locator("#agent-state")).hasAttribute("data-state", "WRAP_UP", WAIT);
            assertThat(pageB.locator("#call-progress")).hasAttribute("data-progress", "ENDED", WAIT);
            assertThat(pageB.locator("#call-progress")).isVisible();
            assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
        } finally {
            campaigns.pause(campaignId);
            for (long agent : List.of(a.id(), b.id())) {
                try {
                    agents.pause(agent, "BREAK");
                } catch (RuntimeException ignored) {
                    // already out of the call
                }
            }
        }
    }

    private static String leg(PbxPort pbx, String callId, Leg leg) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> pbx.channelStatus(callId).get(5, TimeUnit.SECONDS)
                .stream().filter(c -> c.leg() == leg && !c.channel().endsWith(";2")).map(ChannelStatus::channel)
                .findFirst().orElse(null), c -> c != null);
    }

    private static String application(PbxPort pbx, String callId, String channel) throws Exception {
        return pbx.channelStatus(callId).get(5, TimeUnit.SECONDS).stream().filter(c -> c.channel().equals(channel))
                .map(ChannelStatus::application).findFirst().orElse(null);
    }
}
