package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.callcontrol.AgentCallControl;
import com.evscallpro.core.callcontrol.TransferTarget;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.InboundCallRecords;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueStatus;
import com.evscallpro.core.queue.QueueStrategy;
import com.evscallpro.core.supervision.ListenMode;
import com.evscallpro.core.supervision.SupervisorCallControl;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.PlacedInboundCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.simulator.SimAgiCallResult;
import com.evscallpro.telephony.agi.FastAgiServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inbound calls through the IVR to our ACD, on the simulated Asterisk whose inbound calls live in its AMI world: the
 * caller is queued on music on hold, the ACD picks the READY agent of the group, the caller's AGI channel dials the
 * agent's phone, the agent is ON_CALL while they talk and wraps up after; with no agent the flow's timer takes its
 * overflow branch, where the caller leaves a voicemail (recorded by Asterisk, fetched and stored); a caller who hangs up
 * while waiting has abandoned. The call record says which.
 */
class IvrQueueEndToEndTest {

    private static final SandboxTestContext stack = SandboxTestContext.get();
    private static final String DID = "+3314" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    private static final String EXTENSION = "2371";
    private static long agentId;
    private static long queueId;

    @BeforeAll
    static void a_did_runs_a_flow_that_queues_callers_for_e2e_sales() throws Exception {
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.flowByProcessId("ivr-e2e-queue").orElse(null);
        if (flow == null) {
            try (InputStream in = IvrQueueEndToEndTest.class.getResourceAsStream("/flows/ivr-e2e-queue.bpmn")) {
                flow = flows.create(FlowKind.IVR, "IVR queue e2e", null,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), "test");
            }
        }
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("e2e-queue-" + ThreadLocalRandom.current().nextInt(100000),
                "sip.queue.example"));
        Did did = pbx.createDid(DidDefinition.ivr(DID, trunk.id(), "IVR queue e2e"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
        UserAccount agent = stack.bean(UserAccountService.class).create("ivr-queue-agent", "ivr-queue-agent-pw",
                "Quentin Queue", UserAccount.Role.AGENT, EXTENSION, "fr");
        agentId = agent.id();
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("E2E Sales", null, null),
                List.of(agentId)).id();
        queueId = stack.bean(QueueAdmin.class).save(new QueueDefinition(null, groupId, null,
                QueueStrategy.LONGEST_IDLE, 0, null, 1, "default", true, 10, 14, 10, 20, 1, 0)).id();
        if (flow.publishedVersionId() == null) { // once its queue exists (unknown-reference otherwise)
            flows.publish(flow.draftVersionId(), "test");
        }
    }

    @org.junit.jupiter.api.AfterEach
    void the_agent_leaves() {
        // a READY agent left behind would take the next tests' outbound calls
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            AgentState s = state();
            return s == AgentState.READY || s == AgentState.OFFLINE || s == AgentState.PAUSED;
        });
        stack.bean(AgentService.class).logOut(agentId);
    }

    private static PlacedInboundCall place(SimAgiCall call) {
        return stack.infrastructure.pbx().placeInbound(call, "127.0.0.1", stack.bean(FastAgiServer.class).port());
    }

    private static SimAgiCall caller() {
        return SimAgiCall.toDid(DID).script("ivr").scriptParameter("did", DID).callerId("+33655443322", "Client")
                .timeScale(0.25).maxDuration(Duration.ofSeconds(90));
    }

    private static QueueStatus.QueueFigures today() {
        return stack.bean(InboundQueues.class).statuses().stream().filter(q -> q.queueId() == queueId).findFirst()
                .orElseThrow().today();
    }

    private static AgentState state() {
        return stack.bean(AgentService.class).status(agentId).state();
    }

    @Test
    void a_queued_caller_reaches_the_ready_agent_who_is_on_call_then_wraps_up() throws Exception {
        AgentService agents = stack.bean(AgentService.class);
        agents.goReady(agentId);
        long answeredBefore = today().answered();
        PlacedInboundCall call = place(caller().dialOutcome("ANSWER", Duration.ofSeconds(8)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> state() == AgentState.ON_CALL);
        assertThat(call.bridgedTo()).contains(EXTENSION);
        SimAgiCallResult r = call.await(Duration.ofSeconds(60));
        String callId = r.variables().get("EVS_CALL_ID");
        assertThat(r.commands()).anyMatch(c -> c.startsWith("SET MUSIC ON"));
        assertThat(r.commands()).anyMatch(c -> c.startsWith("EXEC Dial PJSIP/" + EXTENSION + ","));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state() == AgentState.READY);
        assertThat(today().answered()).isEqualTo(answeredBefore + 1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
        assertThat(stack.bean(InboundCallRecords.class).outcome(callId))
                .contains(InboundCallRecords.InboundOutcome.AGENT);
        Map<String, Object> cdr = stack.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForMap(
                "SELECT agent_id, queue_name, wait_seconds, direction, did FROM call_history WHERE call_id = ?",
                callId);
        assertThat(cdr).containsEntry("agent_id", agentId).containsEntry("queue_name", "E2E Sales")
                .containsEntry("direction", "INBOUND").containsEntry("did", DID);
        assertThat(stack.bean(CallJourney.class).of(callId)).extracting(s -> s.elementId() + "=" + s.outcome())
                .startsWith("WelcomeTask=PLAYED", "QueueTask=QUEUED");
    }

    @Test
    void on_an_inbound_queue_call_the_agent_mutes_sends_dtmf_a_supervisor_listens_and_the_agent_hangs_up()
            throws Exception {
        AgentService agents = stack.bean(AgentService.class);
        AgentCallControl control = stack.bean(AgentCallControl.class);
        PbxSimulator sim = stack.infrastructure.pbx();
        PlacedInboundCall call = answeredCall();
        String callId = agents.status(agentId).callId();
        assertThat(control.state(agentId).callId()).isEqualTo(callId);

        // our call id is not the PBX's (the caller channel's Linkedid): the controls reach the right channels
        assertThat(control.mute(agentId, true).muted()).isTrue();
        assertThat(sim.muteState(call.channel())).as("the caller is not muted").isEmpty();
        assertThat(control.mute(agentId, false).muted()).isFalse();
        control.sendDtmf(agentId, "1#");
        assertThat(sim.dtmfSent(call.channel())).isEqualTo("1#");

        // a supervisor listens to it (ChanSpy on the agent's channel, found through the caller's Linkedid);
        // stopping hangs the supervisor's phone up
        long supervisor = ApiClient.user(stack, "ivr-queue-sup", UserAccount.Role.SUPERVISOR, null).id();
        SupervisorCallControl supervision = stack.bean(SupervisorCallControl.class);
        assertThat(supervision.spy(supervisor, agentId, ListenMode.LISTEN, "3371")
                .get(20, java.util.concurrent.TimeUnit.SECONDS).callId()).isEqualTo(callId);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sim.channelNames().stream().anyMatch(
                n -> n.contains("/3371") && !n.endsWith(";2") && sim.spyMode(n).filter("listen"::equals).isPresent()));
        assertThat(supervision.stop(supervisor)).isTrue();
        assertThat(call.isDone()).isFalse();

        // hang up: the caller's channel is hung up, the agent leaves the call, the record says an agent took it
        control.hangUp(agentId);
        assertThat(call.channelHangup().get(20, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state() != AgentState.ON_CALL);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
        assertThat(stack.bean(InboundCallRecords.class).outcome(callId))
                .contains(InboundCallRecords.InboundOutcome.AGENT);
    }

    /** A caller the READY agent answered, and who would talk for minutes. */
    private static PlacedInboundCall answeredCall() {
        stack.bean(AgentService.class).goReady(agentId);
        PlacedInboundCall call = place(caller().dialOutcome("ANSWER", Duration.ofSeconds(240)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> state() == AgentState.ON_CALL);
        return call;
    }

    /** The agent's phone channel bridged to the caller right now ({@code PJSIP/<ext>-…}). */
    private static String phoneChannel(PbxSimulator sim, String extension) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sim.channelNames().stream()
                .filter(n -> n.startsWith("PJSIP/" + extension + "-")).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    private static Map<String, Object> historyRow(String callId) {
        return stack.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForMap(
                "SELECT count(*) OVER () AS row_count, agent_id, queue_name, inbound_outcome FROM call_history"
                        + " WHERE call_id = ?", callId);
    }

    /** The IVR's instance completed (the agent answered: AnsweredEndEvent), it was not cancelled by the AGI's end. */
    private static void assertFlowCompletedAsAnswered(String callId) {
        long instance = stack.processInstanceOf(callId).orElseThrow();
        assertThat(stack.awaitCompleted(instance)).contains("AgentAnsweredEvent", "AnsweredEndEvent");
        assertThat(stack.terminated(instance)).isFalse();
    }

    @Test
    void an_inbound_queue_call_is_held_and_resumed_and_a_caller_hanging_up_on_hold_ends_it_once() throws Exception {
        AgentService agents = stack.bean(AgentService.class);
        AgentCallControl control = stack.bean(AgentCallControl.class);
        com.evscallpro.core.call.InboundHandOvers handOvers =
                stack.bean(com.evscallpro.core.call.InboundHandOvers.class);
        PbxSimulator sim = stack.infrastructure.pbx();
        PlacedInboundCall call = answeredCall();
        String callId = agents.status(agentId).callId();
        String phone = phoneChannel(sim, EXTENSION);

        // hold: the Redirect (caller to evs-hold, phone to evs-hold-agent) ends the AGI's Dial and the AGI; the IVR
        // hands the caller over to AMI instead of ending the call
        assertThat(control.hold(agentId).held()).isTrue();
        SimAgiCallResult agi = call.await(Duration.ofSeconds(20));
        assertThat(agi.callerHungUp()).as("the AGI ended by the Redirect, not by the caller").isFalse();
        assertThat(agi.replies()).contains("HANGUP");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> String.valueOf(sim.placeOf(call.channel())).equals("evs-hold,s,MusicOnHold"));
        assertThat(sim.placeOf(phone)).as("the agent's phone is kept").startsWith("evs-hold-agent,s,");
        assertThat(state()).as("the agent is still talking to the caller").isEqualTo(AgentState.ON_CALL);
        assertThat(stack.bean(InboundCallRecords.class).outcome(callId)).as("the call is not over").isEmpty();
        assertFlowCompletedAsAnswered(callId);
        assertThat(handOvers.handedOver(call.uniqueId())).isTrue();

        // resume: bridged back, still the same call
        assertThat(control.resume(agentId).held()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> String.valueOf(sim.placeOf(call.channel())).endsWith(",Bridge"));
        assertThat(sim.placeOf(phone)).endsWith(",Bridge");
        assertThat(state()).isEqualTo(AgentState.ON_CALL);
        assertThat(agents.status(agentId).callId()).isEqualTo(callId);

        // on hold again, the caller hangs up: the call ends, the agent's waiting leg is hung up, the agent wraps up,
        // one record names them
        assertThat(control.hold(agentId).held()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> String.valueOf(sim.placeOf(call.channel())).startsWith("evs-hold,"));
        call.hangUp();
        assertThat(call.channelHangup().get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(16);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state() != AgentState.ON_CALL);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !sim.channelNames().contains(phone));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
        assertThat(historyRow(callId)).containsEntry("row_count", 1L).containsEntry("agent_id", agentId)
                .containsEntry("queue_name", "E2E Sales").containsEntry("inbound_outcome", "AGENT");
        assertThat(handOvers.handedOver(call.uniqueId())).isFalse();
        assertThat(control.state(agentId).held()).isFalse();
    }

    @Test
    void a_held_inbound_call_whose_caller_hangs_up_while_the_application_is_down_is_ended_once_by_the_next_run()
            throws Exception {
        AgentService agents = stack.bean(AgentService.class);
        AgentCallControl control = stack.bean(AgentCallControl.class);
        com.evscallpro.telephony.PbxPort pbx = stack.bean(com.evscallpro.telephony.PbxPort.class);
        com.evscallpro.core.call.InboundHandOvers live = stack.bean(com.evscallpro.core.call.InboundHandOvers.class);
        PbxSimulator sim = stack.infrastructure.pbx();
        PlacedInboundCall call = answeredCall();
        String callId = agents.status(agentId).callId();
        assertThat(control.hold(agentId).held()).isTrue();
        assertThat(call.await(Duration.ofSeconds(20)).callerHungUp()).as("the AGI ended by the Redirect").isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> String.valueOf(sim.placeOf(call.channel())).startsWith("evs-hold,"));

        // the application stops: this run's registry hears AMI no more (its IVR released the call: that run ends)
        pbx.removeListener(live);
        com.evscallpro.core.call.InboundHandOvers next = null;
        try {
            call.hangUp(); // while the application is down: nobody hears it
            assertThat(call.channelHangup().get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(16);
            Thread.sleep(500);
            assertThat(stack.bean(InboundCallRecords.class).outcome(callId)).as("nobody heard the hangup").isEmpty();
            assertThat(state()).isEqualTo(AgentState.ON_CALL);

            // the next run: a registry over the same database and the same PBX; it knows the call and to whom it was
            // handed over, and its start-up reconciliation finds the caller's channel gone
            next = new com.evscallpro.core.call.InboundHandOvers(pbx,
                    stack.bean(org.springframework.jdbc.core.JdbcTemplate.class),
                    stack.bean(InboundCallRecords.class), stack.context.getBeanProvider(InboundQueues.class),
                    stack.context.getBeanProvider(com.evscallpro.core.call.PbxCallIds.class), 0);
            next.listen();
            assertThat(next.handedOver(call.uniqueId())).isTrue();
            assertThat(next.agent(call.uniqueId())).contains(agentId);
            assertThat(next.reconcile()).as("calls ended by the reconciliation").isGreaterThanOrEqualTo(1);
            assertThat(next.handedOver(call.uniqueId())).isFalse();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
            assertThat(historyRow(callId)).containsEntry("row_count", 1L).containsEntry("agent_id", agentId)
                    .containsEntry("queue_name", "E2E Sales").containsEntry("inbound_outcome", "AGENT");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state() != AgentState.ON_CALL);
            assertThat(next.reconcile()).as("nothing left to end").isZero();
        } finally {
            if (next != null) {
                next.stop();
            }
            pbx.addListener(live);
        }
        // the stopped run's IVR (still in this JVM) forgets the call another run ended
        live.reconcile();
        assertThat(stack.bean(com.evscallpro.workers.ivr.IvrCalls.class).size()).as("live IVR calls").isZero();
        assertThat(historyRow(callId)).containsEntry("row_count", 1L);
    }

    @Test
    void an_inbound_queue_call_transferred_blind_to_another_agent_is_theirs_and_its_record_names_them()
            throws Exception {
        AgentService agents = stack.bean(AgentService.class);
        AgentCallControl control = stack.bean(AgentCallControl.class);
        long second = stack.bean(UserAccountService.class).findByUsername("ivr-queue-agent-b")
                .orElseGet(() -> stack.bean(UserAccountService.class).create("ivr-queue-agent-b",
                        "ivr-queue-agent-b-pw", "Bianca Bis", UserAccount.Role.AGENT, "2372", "fr")).id();
        PlacedInboundCall call = answeredCall();
        try {
            String callId = agents.status(agentId).callId();
            agents.goReady(second); // not in the queue's group: only the transfer brings them this call

            control.transferBlind(agentId, new TransferTarget(TransferTarget.Kind.AGENT, String.valueOf(second)));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> agents.status(second).state() == AgentState.ON_CALL);
            assertThat(agents.status(second).callId()).isEqualTo(callId);
            assertThat(call.await(Duration.ofSeconds(20)).callerHungUp()).isFalse(); // the Redirect ended the AGI
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> call.bridgedTo().filter("2372"::equals)
                    .isPresent());
            assertThat(state()).isNotEqualTo(AgentState.ON_CALL);
            assertFlowCompletedAsAnswered(callId);
            assertThat(stack.bean(InboundCallRecords.class).outcome(callId)).as("the call goes on").isEmpty();

            call.hangUp();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> agents.status(second).state() != AgentState.ON_CALL);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
            assertThat(historyRow(callId)).containsEntry("row_count", 1L).containsEntry("agent_id", second)
                    .containsEntry("inbound_outcome", "AGENT");
            // the second agent wraps up (the queue's 1 s) and is READY again
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> agents.status(second).state() == AgentState.READY);
        } finally {
            call.hangUp();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> agents.status(second).state() != AgentState.ON_CALL);
            agents.logOut(second);
        }
    }

    /** The second agent (not in the queue's group: only a transfer brings them a call), READY. */
    private static long readySecondAgent() {
        long second = stack.bean(UserAccountService.class).findByUsername("ivr-queue-agent-b")
                .orElseGet(() -> stack.bean(UserAccountService.class).create("ivr-queue-agent-b",
                        "ivr-queue-agent-b-pw", "Bianca Bis", UserAccount.Role.AGENT, "2372", "fr")).id();
        stack.bean(AgentService.class).goReady(second);
        return second;
    }

    private static void leaves(PlacedInboundCall call, long second) {
        call.hangUp();
        AgentService agents = stack.bean(AgentService.class);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> agents.status(second).state() != AgentState.ON_CALL
                && agents.status(second).state() != AgentState.RESERVED);
        agents.logOut(second);
    }

    private static AgentService agents() {
        return stack.bean(AgentService.class);
    }

    private static AgentCallControl control() {
        return stack.bean(AgentCallControl.class);
    }

    private static PbxSimulator sim() {
        return stack.infrastructure.pbx();
    }

    /** An answered caller whose agent consults the second agent: the agent's phone bridged with the target's. */
    private record Consulting(long second, PlacedInboundCall call, String callId, String phone, String target) {
    }

    private static Consulting consultingSecondAgent() {
        PbxSimulator sim = stack.infrastructure.pbx();
        long second = readySecondAgent();
        PlacedInboundCall call = answeredCall();
        String callId = stack.bean(AgentService.class).status(agentId).callId();
        String phone = phoneChannel(sim, EXTENSION);
        // Atxfer on the agent's phone: the caller waits in its Dial's bridge (the AGI's Dial goes on), the agent
        // talks to the second agent's phone in another bridge
        assertThat(stack.bean(AgentCallControl.class).startConsultation(agentId, TransferTarget.agent(second))
                .consultation()).isNotNull();
        String target = phoneChannel(sim, "2372");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sim.bridgedWith(phone).contains(target));
        return new Consulting(second, call, callId, phone, target);
    }

    @Test
    void an_inbound_queue_call_transferred_attended_to_another_agent_is_theirs_once_the_agent_completes()
            throws Exception {
        Consulting x = consultingSecondAgent();
        try {
            assertThat(sim().bridgedWith(x.call().channel())).as("the caller waits alone").isEmpty();
            assertThat(agents().status(x.second()).state()).isEqualTo(AgentState.RESERVED);
            assertThat(x.call().isDone()).as("no Redirect: the IVR's AGI still runs the Dial").isFalse();

            // completion: the agent's phone leaves, the caller joins the second agent in its own Dial's bridge
            assertThat(control().completeTransfer(agentId).consultation()).isNull();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> sim().bridgedWith(x.call().channel()).equals(List.of(x.target())));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !sim().channelNames().contains(x.phone()));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> agents().status(x.second()).state() == AgentState.ON_CALL);
            assertThat(agents().status(x.second()).callId()).isEqualTo(x.callId());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state() != AgentState.ON_CALL);
            assertThat(x.call().isDone()).isFalse();
            assertThat(stack.bean(InboundCallRecords.class).outcome(x.callId())).as("the call goes on").isEmpty();

            // the caller hangs up: the Dial returns, one record names the second agent, who wraps up
            x.call().hangUp();
            SimAgiCallResult agi = x.call().await(Duration.ofSeconds(20));
            assertThat(agi.commands()).anyMatch(c -> c.startsWith("EXEC Dial PJSIP/" + EXTENSION + ",")
                    && c.endsWith(",t"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> stack.bean(InboundCallRecords.class).outcome(x.callId()).isPresent());
            assertThat(historyRow(x.callId())).containsEntry("row_count", 1L).containsEntry("agent_id", x.second())
                    .containsEntry("queue_name", "E2E Sales").containsEntry("inbound_outcome", "AGENT");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> agents().status(x.second()).state() == AgentState.READY);
        } finally {
            leaves(x.call(), x.second());
        }
    }

    @Test
    void an_attended_transfer_of_an_inbound_queue_call_cancelled_brings_the_agent_back_to_the_caller()
            throws Exception {
        Consulting x = consultingSecondAgent();
        try {
            assertThat(control().cancelTransfer(agentId).consultation()).isNull();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !sim().channelNames().contains(x.target()));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> sim().bridgedWith(x.call().channel()).equals(List.of(x.phone())));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> agents().status(x.second()).state() == AgentState.READY);
            assertThat(state()).isEqualTo(AgentState.ON_CALL);
            assertThat(agents().status(agentId).callId()).isEqualTo(x.callId());
            assertThat(x.call().isDone()).isFalse();

            control().hangUp(agentId);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> stack.bean(InboundCallRecords.class).outcome(x.callId()).isPresent());
            assertThat(historyRow(x.callId())).containsEntry("row_count", 1L).containsEntry("agent_id", agentId);
        } finally {
            leaves(x.call(), x.second());
        }
    }

    @Test
    void an_attended_transfer_to_a_number_that_does_not_answer_gives_the_caller_back_to_the_agent()
            throws Exception {
        PlacedInboundCall call = answeredCall();
        String callId = agents().status(agentId).callId();
        String phone = phoneChannel(sim(), EXTENSION);
        java.util.Set<String> before = new java.util.HashSet<>(sim().channelNames());
        control().startConsultation(agentId, new TransferTarget(TransferTarget.Kind.NUMBER,
                SandboxTestContext.NO_ANSWER));
        // the number rings through a trunk and nobody answers: after Asterisk's atxfernoanswertimeout (15 s on the
        // call's time scale) the agent is back with the caller and the ringing leg is gone
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sim().channelNames().stream()
                .anyMatch(n -> !before.contains(n) && n.startsWith("PJSIP/trunk-")));
        assertThat(sim().bridgedWith(call.channel())).doesNotContain(phone);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> sim().bridgedWith(call.channel()).equals(List.of(phone)));
        assertThat(sim().channelNames()).allMatch(before::contains);
        // the workspace still shows the consultation until the agent cancels it: nothing is sent that would move
        // anyone (no transfer runs on the PBX any more), the agent goes on with the caller
        assertThat(control().state(agentId).consultation()).isNotNull();
        assertThat(control().cancelTransfer(agentId).consultation()).isNull();
        assertThat(sim().bridgedWith(call.channel())).containsExactly(phone);
        assertThat(state()).isEqualTo(AgentState.ON_CALL);

        call.hangUp();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
        assertThat(historyRow(callId)).containsEntry("row_count", 1L).containsEntry("agent_id", agentId);
    }

    @Test
    void a_caller_hanging_up_during_the_consultation_ends_the_call_once_and_frees_both_agents() throws Exception {
        Consulting x = consultingSecondAgent();
        try {
            x.call().hangUp();
            assertThat(x.call().channelHangup().get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(16);
            // the AGI's Dial ended with the caller: one record naming the first agent, who wraps up; the consultation
            // ends with the call (both phones hung up), the second agent is free again
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> stack.bean(InboundCallRecords.class).outcome(x.callId()).isPresent());
            assertThat(historyRow(x.callId())).containsEntry("row_count", 1L).containsEntry("agent_id", agentId)
                    .containsEntry("inbound_outcome", "AGENT");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state() != AgentState.ON_CALL);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> agents().status(x.second()).state() == AgentState.READY);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> !sim().channelNames().contains(x.phone()) && !sim().channelNames().contains(x.target()));
            assertThat(control().state(agentId).consultation()).isNull();
        } finally {
            leaves(x.call(), x.second());
        }
    }

    @Test
    void a_supervisor_takes_over_an_inbound_queue_call_their_phone_gets_the_caller_and_the_agent_wraps_up()
            throws Exception {
        AgentService agents = stack.bean(AgentService.class);
        PbxSimulator sim = stack.infrastructure.pbx();
        long supervisor = ApiClient.user(stack, "ivr-queue-sup", UserAccount.Role.SUPERVISOR, null).id();
        SupervisorCallControl supervision = stack.bean(SupervisorCallControl.class);
        PlacedInboundCall call = answeredCall();
        String callId = agents.status(agentId).callId();
        assertThat(supervision.spy(supervisor, agentId, ListenMode.LISTEN, "3372")
                .get(20, java.util.concurrent.TimeUnit.SECONDS).callId()).isEqualTo(callId);

        supervision.takeOver(supervisor, agentId, "3372").get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(call.await(Duration.ofSeconds(20)).callerHungUp()).isFalse(); // the Redirect ended the AGI
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> call.bridgedTo().filter("3372"::equals)
                .isPresent());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> state() != AgentState.ON_CALL);
        assertThat(supervision.activeSpy(supervisor)).isEmpty();
        assertFlowCompletedAsAnswered(callId);
        assertThat(stack.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
                "SELECT outcome FROM supervisor_action WHERE call_id = ? AND action = 'TAKE_OVER'", String.class,
                callId)).containsExactly("OK");
        assertThat(stack.bean(InboundCallRecords.class).outcome(callId)).as("the call goes on").isEmpty();

        call.hangUp();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
        assertThat(historyRow(callId)).containsEntry("row_count", 1L).containsEntry("agent_id", agentId)
                .containsEntry("inbound_outcome", "AGENT");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !sim.channelNames().stream()
                .anyMatch(n -> n.startsWith("PJSIP/3372-")));
    }

    @Test
    void the_agent_an_inbound_queue_call_was_transferred_to_holds_it_then_sends_it_to_a_queue_and_one_record_names_them()
            throws Exception {
        long second = readySecondAgent();
        PlacedInboundCall call = answeredCall();
        try {
            String callId = agents().status(agentId).callId();
            control().transferBlind(agentId, TransferTarget.agent(second));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> agents().status(second).state() == AgentState.ON_CALL);
            String secondPhone = phoneChannel(sim(), "2372");

            // the second agent holds the call the transfer gave them: the caller on music, their phone kept
            assertThat(control().hold(second).held()).isTrue();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> String.valueOf(sim().placeOf(call.channel())).equals("evs-hold,s,MusicOnHold"));
            assertThat(sim().placeOf(secondPhone)).startsWith("evs-hold-agent,s,");
            assertThat(control().resume(second).held()).isFalse();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> sim().bridgedWith(call.channel()).equals(List.of(secondPhone)));
            assertThat(agents().status(second).state()).isEqualTo(AgentState.ON_CALL);

            // then sends it to a queue: the caller in the queue's transfer context, the second agent wraps up at once
            control().transferBlind(second, new TransferTarget(TransferTarget.Kind.QUEUE, "support"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(sim().placeOf(call.channel()))
                    .startsWith("evs-transfer-queue,support,"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> agents().status(second).state() != AgentState.ON_CALL);
            assertThat(stack.bean(com.evscallpro.core.call.InboundHandOvers.class).agent(call.uniqueId()))
                    .contains(second);
            assertThat(stack.bean(InboundCallRecords.class).outcome(callId)).as("the call goes on").isEmpty();

            call.hangUp();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
            assertThat(historyRow(callId)).containsEntry("row_count", 1L).containsEntry("agent_id", second)
                    .containsEntry("inbound_outcome", "AGENT");
            assertThat(stack.bean(com.evscallpro.core.call.InboundHandOvers.class).handedOver(call.uniqueId()))
                    .isFalse();
        } finally {
            leaves(call, second);
        }
    }

    @Test
    void an_inbound_queue_call_transferred_to_a_number_by_its_agent_or_by_a_supervisor_is_recorded_once_at_its_end()
            throws Exception {
        AgentService agents = stack.bean(AgentService.class);
        AgentCallControl control = stack.bean(AgentCallControl.class);
        PbxSimulator sim = stack.infrastructure.pbx();

        // the agent sends the caller to a number: they wrap up at once, the call goes on in the number's context
        PlacedInboundCall toNumber = answeredCall();
        String first = agents.status(agentId).callId();
        control.transferBlind(agentId, new TransferTarget(TransferTarget.Kind.NUMBER, "0612000011"));
        assertThat(toNumber.await(Duration.ofSeconds(20)).callerHungUp()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(sim.placeOf(toNumber.channel()))
                .startsWith("evs-transfer-number,+33612000011,"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> state() != AgentState.ON_CALL);
        assertThat(stack.bean(InboundCallRecords.class).outcome(first)).as("the call goes on").isEmpty();
        toNumber.hangUp();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(first).isPresent());
        assertThat(historyRow(first)).containsEntry("row_count", 1L).containsEntry("agent_id", agentId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> state() == AgentState.READY);

        // a supervisor transfers the next one to an extension: its phone gets the caller, the agent wraps up
        long supervisor = ApiClient.user(stack, "ivr-queue-sup", UserAccount.Role.SUPERVISOR, null).id();
        PlacedInboundCall toPhone = answeredCall();
        String second = agents.status(agentId).callId();
        stack.bean(SupervisorCallControl.class).transfer(supervisor, agentId, "3373");
        assertThat(toPhone.await(Duration.ofSeconds(20)).callerHungUp()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> toPhone.bridgedTo().filter("3373"::equals)
                .isPresent());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> state() != AgentState.ON_CALL);
        toPhone.hangUp();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(second).isPresent());
        assertThat(historyRow(second)).containsEntry("row_count", 1L).containsEntry("agent_id", agentId)
                .containsEntry("inbound_outcome", "AGENT");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !sim.channelNames().stream()
                .anyMatch(n -> n.startsWith("PJSIP/3373-")));
    }

    @Test
    void a_pbx_that_dies_while_an_inbound_call_is_on_hold_ends_the_call_once_and_frees_the_agent() throws Exception {
        AgentService agents = stack.bean(AgentService.class);
        AgentCallControl control = stack.bean(AgentCallControl.class);
        PbxSimulator sim = stack.infrastructure.pbx();
        com.evscallpro.telephony.PbxPort port = stack.bean(com.evscallpro.telephony.PbxPort.class);
        PlacedInboundCall call = answeredCall();
        String callId = agents.status(agentId).callId();
        assertThat(control.hold(agentId).held()).isTrue();
        assertThat(call.await(Duration.ofSeconds(20)).callerHungUp()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> String.valueOf(sim.placeOf(call.channel())).startsWith("evs-hold,"));

        // capture 13b: killed, not a Hangup sent, every channel gone; the adapter reconnects, resyncs, and reports
        // the caller's channel ended during the outage: the call ends once, the agent is not left on it
        sim.simulateCrash(Duration.ofSeconds(2));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> state() != AgentState.ON_CALL);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
        assertThat(historyRow(callId)).containsEntry("row_count", 1L).containsEntry("agent_id", agentId)
                .containsEntry("inbound_outcome", "AGENT");
        assertThat(stack.bean(com.evscallpro.core.call.InboundHandOvers.class).handedOver(call.uniqueId())).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(port::isConnected);
    }

    @Test
    void with_no_agent_the_flow_overflows_after_the_maximum_wait_and_a_caller_who_hangs_up_has_abandoned()
            throws Exception {
        stack.bean(AgentService.class).logOut(agentId); // nobody to answer
        long overflowedBefore = today().overflowed();
        long abandonedBefore = today().abandoned() + today().shortAbandoned();

        SimAgiCallResult overflow = place(caller()).await(Duration.ofSeconds(60));
        String callId = overflow.variables().get("EVS_CALL_ID");
        assertThat(overflow.commands()).contains("STREAM FILE e2e-voicemail \"\"", "STREAM FILE e2e-overflow \"\"",
                "HANGUP");
        assertThat(overflow.commands()).anyMatch(c -> c.startsWith("RECORD FILE evs-voicemail/" + callId + " wav"));
        // the queue announces the position every 10 s: once during the 14 s wait, music off then on again
        assertThat(overflow.commands()).containsSubsequence("SET MUSIC OFF", "STREAM FILE queue-thereare \"\"",
                "SAY NUMBER 1 \"\"", "STREAM FILE queue-callswaiting \"\"", "SET MUSIC ON default");
        Map<String, Object> voicemail = stack.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForMap(
                "SELECT caller_number, did, mailbox_label, duration_ms, size_bytes FROM voicemail WHERE call_id = ?",
                callId);
        assertThat(voicemail).containsEntry("caller_number", "+33655443322").containsEntry("did", DID)
                .containsEntry("mailbox_label", "E2E Sales");
        assertThat((Integer) voicemail.get("duration_ms")).isPositive();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> today().overflowed() == overflowedBefore + 1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
        assertThat(stack.bean(InboundCallRecords.class).outcome(callId))
                .contains(InboundCallRecords.InboundOutcome.VOICEMAIL);

        SimAgiCallResult gone = place(caller().hangUpAfter(Duration.ofSeconds(28))).await(Duration.ofSeconds(60));
        String goneId = gone.variables().get("EVS_CALL_ID");
        assertThat(gone.callerHungUp()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> today().abandoned() + today().shortAbandoned() == abandonedBefore + 1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(goneId).isPresent());
        assertThat(stack.bean(InboundCallRecords.class).outcome(goneId))
                .contains(InboundCallRecords.InboundOutcome.ABANDONED);
        stack.bean(AgentService.class).logOut(agentId);
    }
}
