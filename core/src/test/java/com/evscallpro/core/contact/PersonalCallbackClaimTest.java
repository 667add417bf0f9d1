package com.evscallpro.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Personal callbacks: offered to the agent who qualified them while the campaign's grace period runs (counted from
 * the moment they became due: {@code next_attempt_at} set in the past stands for a clock moved forward), to anyone
 * after it or when that agent is away; campaign callbacks to anyone.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, PersonalCallbackClaimTest.Agents.class})
class PersonalCallbackClaimTest {

    /** The real agent sessions (the claim asks them who is logged in and not paused). */
    @org.springframework.context.annotation.Configuration
    @org.springframework.context.annotation.ComponentScan("com.evscallpro.core.event")
    static class Agents {
        @org.springframework.context.annotation.Bean
        AgentService agentService(UserAccountService users, com.evscallpro.core.user.AgentStateJournal journal,
                                  com.evscallpro.core.event.EventBus events,
                                  com.evscallpro.db.agent.PauseReasonRepository pauseReasons,
                                  com.evscallpro.core.audit.AuditTrail audit,
                                  com.evscallpro.core.lock.OptimisticVersions versions) {
            return com.evscallpro.core.agent.TestAgents.sessions(users, journal, events, pauseReasons, audit,
                    versions, java.time.Clock.systemUTC()).service();
        }
    }

    @Autowired ContactLifecycleService contacts;
    @Autowired Callbacks callbacks;
    @Autowired ContactImportService imports;
    @Autowired CampaignService campaigns;
    @Autowired UserAccountService users;
    @Autowired AgentService agents;
    @Autowired AgentGroupAdmin groups;

    private long campaignId;
    private long agentA;
    private long agentB;
    private long contactId;

    @BeforeEach
    void campaignWithOneContactAndTwoAgents() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        agentA = users.create("cb-a-" + tag, "secret-" + tag, "Agent A", UserAccount.Role.AGENT, null, "en").id();
        agentB = users.create("cb-b-" + tag, "secret-" + tag, "Agent B", UserAccount.Role.AGENT, null, "en").id();
        long group = groups.saveGroup(new AgentGroup(null, "Callbacks " + tag, null, null, 0, 0),
                List.of(agentA, agentB)).id();
        CampaignEdit d = CampaignEdit.defaults("Callbacks " + tag);
        campaignId = campaigns.create(new CampaignEdit(d.name(), null, null, 3, 600, 25, null, null, null, null,
                "FR", "FR", d.dialingMode(), 30, 2.5, 3, d.amdMode(), null, null, null, null, true, 900, 120, false,
                Set.of(group)));
        imports.importContacts(campaignId, List.of(new ContactInput("Cleo", "Back", "+33612000001", Map.of())));
        contactId = contacts.claimDue(campaignId, 1).getFirst().contactId();
        agents.goReady(agentA);
        agents.goReady(agentB);
    }

    @AfterEach
    void logOut() {
        agents.logOutIfIdle(agentA);
        agents.logOutIfIdle(agentB);
    }

    @Test
    void a_personal_callback_goes_to_its_agent_within_the_grace_and_to_anyone_after_it() {
        contacts.scheduleCallback(contactId, Instant.now().minusSeconds(60), agentA); // due a minute ago

        assertThat(contacts.claimDue(campaignId, 5, agentB)).as("B within A's grace").isEmpty();
        assertThat(contacts.claimDue(campaignId, 5)).as("an unknown agent within the grace").isEmpty();
        assertThat(callbacks.list(new Callbacks.Filter(campaignId, agentA, false), 0, 10))
                .singleElement().satisfies(c -> {
                    assertThat(c.agentName()).isEqualTo("Agent A");
                    assertThat(c.overdue()).isTrue();
                });
        assertThat(contacts.claimDue(campaignId, 5, agentA)).extracting(DialableContact::contactId)
                .containsExactly(contactId);

        contacts.scheduleCallback(contactId, Instant.now().minusSeconds(901), agentA); // the 900 s grace has passed
        assertThat(contacts.claimDue(campaignId, 5, agentB)).extracting(DialableContact::contactId)
                .containsExactly(contactId);
    }

    @Test
    void a_personal_callback_whose_agent_is_away_goes_to_anyone() {
        contacts.scheduleCallback(contactId, Instant.now().minusSeconds(60), agentA);
        agents.pause(agentA, "lunch");

        assertThat(contacts.claimDue(campaignId, 5, agentB)).extracting(DialableContact::contactId)
                .containsExactly(contactId);
    }

    @Test
    void a_campaign_callback_goes_to_anyone_and_a_supervisor_can_make_it_personal_and_move_it() {
        contacts.scheduleCallback(contactId, Instant.now().plusSeconds(3600), null);
        assertThat(contacts.claimDue(campaignId, 5, agentB)).as("not due yet").isEmpty();

        callbacks.reassign(contactId, agentA);
        callbacks.reschedule(contactId, Instant.now().minusSeconds(5));
        assertThat(callbacks.list(new Callbacks.Filter(campaignId, null, true), 0, 10))
                .extracting(CallbackView::agentId).containsExactly(agentA);
        assertThat(contacts.claimDue(campaignId, 5, agentB)).as("now A's, within the grace").isEmpty();

        callbacks.reassign(contactId, null);
        assertThat(contacts.claimDue(campaignId, 5, agentB)).extracting(DialableContact::contactId)
                .containsExactly(contactId);
        assertThatThrownBy(() -> callbacks.reschedule(contactId, Instant.now()))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("callback.not-found"));
    }
}
