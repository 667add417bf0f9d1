package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.ivr.IvrCallLedger;
import com.evscallpro.core.ivr.IvrCallers;
import com.evscallpro.core.ivr.IvrFlowCallers;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.PlacedAgiCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.telephony.agi.FastAgiServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Callers in the IVR (issue 8): callers sitting in a flow's menu over the real FastAGI wire are counted per flow and
 * per DID, by the IVR's ledger, on the service and on {@code /topic/ivrCallers}; a caller who reaches a queue leaves
 * the count at once (still a live AGI call in the ledger), callers who hang up too, down to 0.
 */
class IvrCallersEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final WebSocketStompClient client = StompRecorder.client();
    private final ObjectMapper json = new ObjectMapper();
    private FastAgiCaller asterisk;

    @AfterEach
    void stop() {
        client.stop();
        if (asterisk != null) {
            asterisk.close();
        }
    }

    @Test
    void callers_in_a_menu_are_counted_per_flow_and_did_and_leave_the_count_when_queued_or_gone() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String group = "Ivrc " + suffix;
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft(group, null, null), List.of()).id();
        stack.bean(QueueAdmin.class).save(QueueDefinition.draft(groupId)); // nobody to answer: the caller waits
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, "IVR callers " + suffix, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess("ivr-callers-" + suffix).startEvent()
                        .serviceTask("IvrcMenuTask", t -> t.zeebeJobTypeExpression("\"ivr.menu.\" + evsNode")
                                .zeebeInput("ivrc-menu", "prompt").zeebeInput("1", "choices")
                                .zeebeInput("=60", "timeoutSeconds").zeebeInput("=2", "retries"))
                        .serviceTask("IvrcQueueTask", t -> t.zeebeJobTypeExpression("\"ivr.queue.\" + evsNode")
                                .zeebeInput(group, "queue"))
                        .endEvent().done()), "test");
        flows.publish(flow.draftVersionId(), "test");
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("ivrc-" + suffix.substring(suffix.length() - 8),
                "sip.ivrc.example"));
        String first = "+3312" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        String second = "+3311" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        for (String number : List.of(first, second)) {
            Did did = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "ivr callers"));
            stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
        }
        ApiClient api = new ApiClient(stack);
        ApiClient.user(stack, "ivrc-sup", UserAccount.Role.SUPERVISOR, null);
        StompRecorder wallboard = StompRecorder.connect(client, stack.httpPort(),
                api.accessToken("ivrc-sup", "ivrc-sup-pw"));
        wallboard.session.subscribe("/topic/ivrCallers", wallboard);
        asterisk = new FastAgiCaller("127.0.0.1", stack.bean(FastAgiServer.class).port());
        IvrCallers callers = stack.bean(IvrCallers.class);
        IvrCallLedger ledger = stack.bean(IvrCallLedger.class);

        // two callers on the first DID and one on the second sit in the menu (60 s to choose)
        PlacedAgiCall b = asterisk.place(call(first));
        PlacedAgiCall c = asterisk.place(call(second));
        awaitCount(callers, wallboard, flow.id(), 2, Map.of(first, 1, second, 1));
        // commands: 1 SET VARIABLE EVS_CALL_ID, 2 ANSWER, 3 GET DATA (the menu): 1 pressed 3 s into it
        PlacedAgiCall a = asterisk.place(call(first).pressDuring(3, "1", Duration.ofSeconds(3),
                Duration.ofMillis(250)));
        awaitCount(callers, wallboard, flow.id(), 3, Map.of(first, 2, second, 1));

        // the caller who pressed 1 is queued: out of the IVR's count, still a live call of the IVR
        awaitCount(callers, wallboard, flow.id(), 2, Map.of(first, 1, second, 1));
        assertThat(ledger.live()).filteredOn(l -> l.phase() == IvrCallLedger.Phase.QUEUED)
                .extracting(IvrCallLedger.Live::did).contains(first);
        b.hangUp();
        awaitCount(callers, wallboard, flow.id(), 1, Map.of(second, 1));
        c.hangUp();
        awaitCount(callers, wallboard, flow.id(), 0, Map.of());
        a.hangUp();
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.live().stream()
                .noneMatch(l -> first.equals(l.did()) || second.equals(l.did())));
        assertThat(wallboard.errors).isEmpty();
    }

    private static SimAgiCall call(String did) {
        return SimAgiCall.toDid(did).script("ivr").scriptParameter("did", did).callerId("+33612345678", "Caller")
                .maxDuration(Duration.ofSeconds(120));
    }

    /** The service and the topic's latest message both show {@code n} callers in the flow, split so over its DIDs. */
    private void awaitCount(IvrCallers callers, StompRecorder wallboard, long flowId, int n,
                            Map<String, Integer> perDid) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            IvrFlowCallers mine = callers.now().stream().filter(f -> f.flowId() != null && f.flowId() == flowId)
                    .findFirst().orElse(null);
            assertThat(mine == null ? 0 : mine.callers()).as("callers in the flow (service)").isEqualTo(n);
            assertThat(mine == null ? Map.of() : byDid(mine)).isEqualTo(perDid);
            JsonNode flow = latest(wallboard, flowId);
            assertThat(flow == null ? 0 : flow.path("callers").asInt()).as("callers in the flow (STOMP)").isEqualTo(n);
        });
    }

    private static Map<String, Integer> byDid(IvrFlowCallers f) {
        Map<String, Integer> m = new java.util.TreeMap<>();
        f.dids().forEach(d -> m.put(d.did(), d.callers()));
        return m;
    }

    /** This flow's entry in the topic's last message; null when the message has none (nobody in it). */
    private JsonNode latest(StompRecorder r, long flowId) throws Exception {
        assertThat(r.received).as("a message on /topic/ivrCallers").isNotEmpty();
        JsonNode message = json.readTree(r.received.get(r.received.size() - 1));
        assertThat(message.path("event").asText()).isEqualTo("ivrCallers");
        for (JsonNode f : message.path("flows")) {
            if (f.path("flowId").asLong() == flowId) {
                return f;
            }
        }
        return null;
    }
}
