package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A personal callback on the real stack (PostgreSQL, the engine running outbound-call.bpmn, the simulator over AMI):
 * agent A qualifies a call with a callback; when it is due it goes to A although B has been ready longer; A
 * qualifies another callback and is then busy elsewhere: B does not get it during the campaign's grace period, and
 * gets it once the grace has passed.
 */
class PersonalCallbackEndToEndTest {

    private static final int GRACE_SECONDS = 15;

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void a_callback_qualified_by_agent_a_is_offered_to_a_first_and_to_b_only_after_the_grace() {
        UserAccountService users = stack.bean(UserAccountService.class);
        UserAccount a = users.create("cb-e2e-a", "secret-cb-a", "Callback A", UserAccount.Role.AGENT, "2151", "en");
        UserAccount b = users.create("cb-e2e-b", "secret-cb-b", "Callback B", UserAccount.Role.AGENT, "2152", "en");
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Callback team E2E", null, null),
                List.of(a.id(), b.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        CampaignEdit d = CampaignEdit.defaults("Personal callbacks E2E");
        long campaignId = stack.withoutCallingRules(campaigns.create(new CampaignEdit(d.name(), null, null, 5, 1, 25,
                "+33170000001", null, null, null, "FR", "FR", d.dialingMode(), 30, 2.5, 3, d.amdMode(), null, null, null,
                null, true, GRACE_SECONDS, 120, false, Set.of(group))));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Rita", "Recall", SandboxTestContext.ANSWERS, Map.of())));
        AgentService agents = stack.bean(AgentService.class);
        AgentTaskService tasks = stack.bean(AgentTaskService.class);
        ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
        AgentCallRouting routing = stack.bean(AgentCallRouting.class);
        String elsewhere = "cb-e2e-elsewhere";
        try {
            campaigns.start(campaignId);
            agents.goReady(a.id());
            WrapUpTask first = answeredAndHungUp(tasks, agents, a.id());
            agents.goReady(b.id()); // B is ready before A qualifies: B waits longer, the dialer asks B first
            tasks.qualify(a.id(), first.callId(), "CALLBACK", Instant.now().plusSeconds(3), "call me back");
            await().atMost(Duration.ofSeconds(30)).until(() -> contact(contacts, campaignId).status()
                    == ContactStatus.CALLBACK);

            WrapUpTask second = answeredAndHungUp(tasks, agents, a.id());
            assertThat(second.contact().lastName()).isEqualTo("Recall");
            assertThat(agents.status(b.id()).state()).as("B, ready longer, was passed over").isEqualTo(AgentState.READY);

            tasks.qualify(a.id(), second.callId(), "CALLBACK", Instant.now().plusSeconds(2), "again");
            assertThat(routing.reserve(a.id(), elsewhere)).as("A is now busy elsewhere, still logged in").isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ContactView c = contact(contacts, campaignId);
                return c.status() == ContactStatus.CALLBACK && !c.nextAttemptAt().isAfter(Instant.now());
            });
            Instant due = contact(contacts, campaignId).nextAttemptAt();
            await().during(Duration.ofSeconds(GRACE_SECONDS - 6)).atMost(Duration.ofSeconds(GRACE_SECONDS))
                    .until(() -> Instant.now().isAfter(due.plusSeconds(GRACE_SECONDS - 2))
                            || (contact(contacts, campaignId).status() == ContactStatus.CALLBACK
                            && agents.status(b.id()).state() == AgentState.READY));

            WrapUpTask third = await().atMost(Duration.ofSeconds(60))
                    .until(() -> tasks.currentTask(b.id()).orElse(null), t -> t != null);
            assertThat(third.contact().lastName()).isEqualTo("Recall");
            assertThat(Instant.now()).as("B got it only after the grace").isAfterOrEqualTo(
                    due.plusSeconds(GRACE_SECONDS));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> agents.status(b.id()).state() == AgentState.WRAP_UP);
            tasks.qualify(b.id(), third.callId(), "SALE", null, "done");
        } finally {
            routing.release(a.id(), elsewhere);
            campaigns.pause(campaignId);
            for (long agent : List.of(a.id(), b.id())) {
                agents.pause(agent, "BREAK");
            }
        }
    }

    private static WrapUpTask answeredAndHungUp(AgentTaskService tasks, AgentService agents, long agentId) {
        WrapUpTask task = await().atMost(Duration.ofSeconds(60))
                .until(() -> tasks.currentTask(agentId).orElse(null), t -> t != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> agents.status(agentId).state() == AgentState.WRAP_UP);
        return task;
    }

    private static ContactView contact(ContactLifecycleService contacts, long campaignId) {
        return contacts.contacts(campaignId, 0, 1).getFirst();
    }
}
