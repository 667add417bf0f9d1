package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.callcontrol.AgentCallControl;
import com.evscallpro.core.callcontrol.TransferTarget;
import com.evscallpro.core.error.EvsException;
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
    void on_an_inbound_queue_call_the_agent_mutes_sends_dtmf_and_hangs_up_and_hold_is_refused_clearly()
            throws Exception {
        AgentService agents = stack.bean(AgentService.class);
        AgentCallControl control = stack.bean(AgentCallControl.class);
        PbxSimulator sim = stack.infrastructure.pbx();
        agents.goReady(agentId);
        PlacedInboundCall call = place(caller().dialOutcome("ANSWER", Duration.ofSeconds(240)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> state() == AgentState.ON_CALL);
        String callId = agents.status(agentId).callId();
        assertThat(control.state(agentId).callId()).isEqualTo(callId);

        // our call id is not the PBX's (the caller channel's Linkedid): the controls reach the right channels
        assertThat(control.mute(agentId, true).muted()).isTrue();
        assertThat(sim.muteState(call.channel())).as("the caller is not muted").isEmpty();
        assertThat(control.mute(agentId, false).muted()).isFalse();
        control.sendDtmf(agentId, "1#");
        assertThat(sim.dtmfSent(call.channel())).isEqualTo("1#");

        // hold and transfers would take the caller out of the IVR's Dial (Asterisk ends the AGI): refused, nothing
        // sent to the PBX, the call goes on
        assertThatThrownBy(() -> control.hold(agentId)).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("callcontrol.cannot-act-on-ivr-call");
        assertThatThrownBy(() -> control.transferBlind(agentId, new TransferTarget(TransferTarget.Kind.NUMBER,
                "+33612000011"))).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("callcontrol.cannot-act-on-ivr-call");
        assertThat(sim.placeOf(call.channel())).as("the caller is not moved").doesNotStartWith("evs-hold");
        assertThat(call.isDone()).as("the IVR's AGI still runs the Dial").isFalse();
        assertThat(state()).isEqualTo(AgentState.ON_CALL);

        // a supervisor listens to it (ChanSpy on the agent's channel, found through the caller's Linkedid), and may
        // not take it over (the same Redirect problem); stopping hangs the supervisor's phone up
        long supervisor = ApiClient.user(stack, "ivr-queue-sup", UserAccount.Role.SUPERVISOR, null).id();
        SupervisorCallControl supervision = stack.bean(SupervisorCallControl.class);
        assertThat(supervision.spy(supervisor, agentId, ListenMode.LISTEN, "3371")
                .get(20, java.util.concurrent.TimeUnit.SECONDS).callId()).isEqualTo(callId);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sim.channelNames().stream().anyMatch(
                n -> n.contains("/3371") && !n.endsWith(";2") && sim.spyMode(n).filter("listen"::equals).isPresent()));
        assertThatThrownBy(() -> supervision.takeOver(supervisor, agentId, "3371")).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("supervision.cannot-act-on-ivr-call");
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
