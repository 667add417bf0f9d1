package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.cdr.CallRecord;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.dialer.CampaignPacing;
import com.evscallpro.core.dialer.PredictivePacer;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.dialer.PredictiveDialer;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.processes.OutboundCallProcess;
import com.evscallpro.simulator.CustomerBehaviour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Predictive dialing end to end on the real stack (PostgreSQL, Zeebe running outbound-call.bpmn, the PBX simulator
 * over AMI): agents' phones nailed up in {@code evs-agent-hold}, customers originated into
 * {@code evs-predictive-hold}, several lines per agent once the pacer learned the answer rate, each answer bridged
 * by AMI Bridge to the agent chosen at that moment (who gets the wrap-up), the abandon message when no agent is free
 * within 2 s, and answering machines hung up on AMD's verdict. Nothing of ours is mocked.
 */
class PredictiveDialingEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    /** A PREDICTIVE campaign taken only by {@code agents} (their own group: other tests' READY agents stay out). */
    private long predictiveCampaign(String name, int maxAttempts, AmdMode amd, List<UserAccount> agents) {
        CampaignService campaigns = stack.bean(CampaignService.class);
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Group " + name, null, null),
                agents.stream().map(UserAccount::id).toList()).id();
        CampaignEdit edit = new CampaignEdit(name, null, null, maxAttempts, 600, 8, "+33170000009", null, null, null,
                "FR", "FR", DialingMode.PREDICTIVE, 30, 2.5, 3, amd, null, null, null, null, true, 900, 120, false,
                Set.of(groupId));
        return stack.withoutCallingRules(campaigns.create(edit));
    }

    private void pauseAll(List<UserAccount> agents) {
        for (UserAccount a : agents) {
            try {
                stack.bean(AgentService.class).pause(a.id(), "LUNCH");
            } catch (RuntimeException ignored) {
                // already paused
            }
        }
    }

    private PredictivePacer.Figures figures(long campaignId) {
        return stack.bean(CampaignPacing.class).pacer(campaignId)
                .figures(new PredictivePacer.Snapshot(0, List.of(), List.of(), List.of()));
    }

    private UserAccount agent(String username, String extension) {
        return stack.bean(UserAccountService.class).create(username, "secret-" + username, "Agent " + username,
                UserAccount.Role.AGENT, extension, "en");
    }

    @Test
    void a_predictive_campaign_completes_with_several_lines_per_agent_each_answer_bridged_to_a_nailed_up_agent()
            throws Exception {
        List<UserAccount> team = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            team.add(agent("pd-agent-1" + i, "232" + i));
        }
        long[] teamIds = team.stream().mapToLong(UserAccount::id).toArray();
        long campaignId = predictiveCampaign("Predictive E2E", 1, AmdMode.OFF, team);
        List<ContactInput> rows = new ArrayList<>();
        Set<String> live = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 60; i++) {
            String number = String.format("+336124%05d", i);
            boolean answers = i % 3 == 0; // a third answer, and talk a moment; the rest are busy after ringing
            SandboxTestContext.customers.with(number, answers
                    ? CustomerBehaviour.answer(Duration.ofMillis(600 + 40L * (i % 7)), Duration.ofMillis(700))
                    : CustomerBehaviour.busy().afterRinging(Duration.ofMillis(300 + 50L * (i % 5))));
            if (answers) {
                live.add(number);
            }
            rows.add(new ContactInput("P" + i, "Predictive", number, Map.of()));
        }
        stack.bean(ContactImportService.class).importContacts(campaignId, rows);
        PredictiveDialer dialer = stack.bean(PredictiveDialer.class);
        AgentService agents = stack.bean(AgentService.class);
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Long> wrapUps = new ConcurrentHashMap<>();
        AtomicInteger maxLines = new AtomicInteger();
        AtomicInteger maxNailed = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                maxLines.accumulateAndGet(dialer.linesInFlight(campaignId), Math::max);
                maxNailed.accumulateAndGet(dialer.nailedAgents().size(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        Thread qualifier = stack.qualifyWrapUps(stop, wrapUps, teamIds);
        CampaignService campaigns = stack.bean(CampaignService.class);
        try {
            sampler.start();
            campaigns.start(campaignId);
            team.forEach(a -> agents.goReady(a.id()));

            await().atMost(Duration.ofSeconds(15)).until(() -> dialer.nailedAgents().containsAll(
                    team.stream().map(UserAccount::id).toList()));
            ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                    contacts.contacts(campaignId, 0, 100).stream().allMatch(c -> c.status() == ContactStatus.DONE));
            // the campaign still runs: an agent who pauses has their nailed leg hung up, the others keep theirs
            await().atMost(Duration.ofSeconds(10)).until(() -> agents.status(teamIds[0]).state() == AgentState.READY);
            agents.pause(teamIds[0], "LUNCH");
            await("pausing releases the nailed leg").atMost(Duration.ofSeconds(10))
                    .until(() -> !dialer.nailedAgents().contains(teamIds[0]));
            assertThat(dialer.nailedAgents()).as("phones still nailed up between calls").contains(teamIds[1]);
        } finally {
            campaigns.pause(campaignId);
            stop.set(true);
            qualifier.join(2000);
            sampler.join(2000);
            pauseAll(team);
        }

        assertThat(maxLines.get()).as("lines in flight at once, for 5 agents: more than one line per agent")
                .isGreaterThan(team.size());
        CdrService cdr = stack.bean(CdrService.class);
        List<ContactView> all = stack.bean(ContactLifecycleService.class).contacts(campaignId, 0, 100);
        assertThat(all).hasSize(60);
        int bridged = 0;
        for (ContactView c : all) {
            List<CallRecord> records = cdr.byContact(c.id());
            assertThat(records).as("contact %s", c.lastName()).hasSize(1);
            CallRecord r = records.get(0);
            if (live.contains(r.callee())) {
                if ("ANSWERED".equals(r.outcome())) {
                    bridged++;
                    assertThat(r.agentId()).as("the agent chosen at answer").isIn(team.stream().map(UserAccount::id)
                            .toArray());
                    assertThat(wrapUps).as("the wrap-up went to that agent").containsEntry(r.callId(), r.agentId());
                    List<String> completed = stack.awaitCompleted(r.processInstanceKey());
                    assertThat(completed).contains(OutboundCallProcess.AGENT_CONNECTED_EVENT,
                            OutboundCallProcess.WRAP_UP_TASK);
                } else {
                    assertThat(r.outcome()).as("an answer no agent took in time").isEqualTo("ABANDONED");
                }
            } else {
                assertThat(r.outcome()).isEqualTo("BUSY");
                assertThat(r.agentId()).as("no agent for a call never answered").isNull();
            }
        }
        assertThat(bridged).as("answers bridged to an agent").isGreaterThanOrEqualTo(8);
        assertThat(dialer.latencies().count()).isGreaterThanOrEqualTo(bridged);
    }

    @Test
    void an_answer_with_no_free_agent_gets_the_abandon_message_after_2_s_and_counts_as_abandoned() throws Exception {
        UserAccount a1 = agent("pd-agent-3", "2313");
        long campaignId = predictiveCampaign("Predictive abandon", 1, AmdMode.OFF, List.of(a1));
        String late = "+33612450001";
        SandboxTestContext.customers.with(late, CustomerBehaviour.answer(Duration.ofMillis(1500), Duration.ofSeconds(20)));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Late", "Answer", late, Map.of())));
        PredictiveDialer dialer = stack.bean(PredictiveDialer.class);
        AgentService agents = stack.bean(AgentService.class);
        CampaignService campaigns = stack.bean(CampaignService.class);
        campaigns.start(campaignId);
        agents.goReady(a1.id());
        await().atMost(Duration.ofSeconds(15)).until(() -> dialer.nailedAgents().contains(a1.id()));
        // The line is dialled for the free agent; while it rings, the agent is taken elsewhere (as by an inbound call).
        await().atMost(Duration.ofSeconds(10)).until(() -> dialer.linesInFlight(campaignId) == 1);
        com.evscallpro.core.agent.AgentCallRouting routing = stack.bean(com.evscallpro.core.agent.AgentCallRouting.class);
        assertThat(routing.reserve(a1.id(), "elsewhere-call")).isTrue();
        try {
            long contactId = stack.bean(ContactLifecycleService.class).contacts(campaignId, 0, 1).get(0).id();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !dialer.abandonedCalls().isEmpty());
            assertThat(figures(campaignId).abandonsToday())
                    .as("counted when the dialer gives up, while the legal message (1.5 s) still plays")
                    .isEqualTo(1);
            CallRecord r = await().atMost(Duration.ofSeconds(30)).until(
                    () -> stack.bean(CdrService.class).byContact(contactId).stream().findFirst().orElse(null),
                    x -> x != null && x.endedAt() != null);
            assertThat(r.outcome()).isEqualTo("ABANDONED");
            assertThat(r.agentId()).isNull();
            assertThat(r.answeredAt()).isNotNull();
            Long redirectedNanos = dialer.abandonedCalls().get(r.callId());
            assertThat(redirectedNanos).as("sent to evs-abandon by the dialer").isNotNull();
            assertThat(Duration.between(r.answeredAt(), r.endedAt()))
                    .as("2 s of waiting, then the legal message (1.5 s) before the hangup")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(3300)).isLessThan(Duration.ofSeconds(10));
            assertThat(stack.awaitCompleted(r.processInstanceKey()))
                    .contains(OutboundCallProcess.CALL_ABANDONED_EVENT)
                    .doesNotContain(OutboundCallProcess.WRAP_UP_TASK);
            PredictivePacer.Figures figures = figures(campaignId);
            assertThat(figures.abandonsToday()).as("the pacing figure counts it").isEqualTo(1);
            assertThat(figures.answersToday()).isEqualTo(1);
        } finally {
            routing.release(a1.id(), "elsewhere-call");
            campaigns.pause(campaignId);
            pauseAll(List.of(a1));
        }
    }

    @Test
    void an_answering_machine_is_hung_up_on_amds_verdict_and_a_person_is_bridged_after_it() throws Exception {
        UserAccount a1 = agent("pd-agent-4", "2314");
        long campaignId = predictiveCampaign("Predictive AMD", 1, AmdMode.HANGUP, List.of(a1));
        String machine = "+33612460001";
        String person = "+33612460002";
        SandboxTestContext.customers.with(machine, CustomerBehaviour.answeringMachine(Duration.ofMillis(300),
                Duration.ofSeconds(20)));
        SandboxTestContext.customers.with(person, CustomerBehaviour.answer(Duration.ofMillis(2500),
                Duration.ofSeconds(3)));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Mac", "Machine", machine, Map.of()),
                new ContactInput("Pat", "Person", person, Map.of())));
        AgentService agents = stack.bean(AgentService.class);
        CampaignService campaigns = stack.bean(CampaignService.class);
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Long> wrapUps = new ConcurrentHashMap<>();
        Thread qualifier = stack.qualifyWrapUps(stop, wrapUps, a1.id());
        try {
            campaigns.start(campaignId);
            agents.goReady(a1.id());
            ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() ->
                    contacts.contacts(campaignId, 0, 10).stream().allMatch(c -> c.status() == ContactStatus.DONE));
        } finally {
            campaigns.pause(campaignId);
            stop.set(true);
            qualifier.join(2000);
            pauseAll(List.of(a1));
        }
        CdrService cdr = stack.bean(CdrService.class);
        for (ContactView c : stack.bean(ContactLifecycleService.class).contacts(campaignId, 0, 10)) {
            CallRecord r = cdr.byContact(c.id()).get(0);
            if (machine.equals(r.callee())) {
                assertThat(r.outcome()).as("AMD said MACHINE, HANGUP: no agent").isEqualTo("MACHINE");
                assertThat(r.agentId()).isNull();
                assertThat(stack.awaitCompleted(r.processInstanceKey()))
                        .doesNotContain(OutboundCallProcess.AGENT_CONNECTED_EVENT, OutboundCallProcess.WRAP_UP_TASK);
            } else {
                assertThat(r.outcome()).as("HUMAN: bridged once AMD decided").isEqualTo("ANSWERED");
                assertThat(r.agentId()).isEqualTo(a1.id());
                assertThat(wrapUps).containsEntry(r.callId(), a1.id());
            }
        }
        assertThat(figures(campaignId).abandonsToday()).as("a machine is no abandon (false-positive share 0)")
                .isZero();
        assertThat(figures(campaignId).answersToday()).as("the person only").isEqualTo(1);
    }
}
