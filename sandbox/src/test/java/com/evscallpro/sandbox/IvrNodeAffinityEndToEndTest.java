package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.IvrCallLedger;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.PlacedAgiCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.simulator.SimAgiCallResult;
import com.evscallpro.telephony.agi.FastAgiServer;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Node affinity with two application instances on one engine and one database: the AGI channel of a call lives on
 * the node Asterisk reached, so every job of its flow must reach that node ({@code ivr.<block>.<node id>}); and a
 * node that starts again ends the instances it held before it stopped (their channels died with it).
 */
class IvrNodeAffinityEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void each_nodes_calls_run_their_jobs_on_that_node_and_a_node_that_starts_again_ends_what_it_left() throws Exception {
        String processId = "ivr-affinity-" + UUID.randomUUID().toString().substring(0, 8);
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, "IVR affinity " + processId, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess(processId).startEvent()
                        .serviceTask("MenuTask", t -> t.zeebeJobTypeExpression("\"ivr.menu.\" + evsNode")
                                .zeebeInput("affinity-menu", "prompt").zeebeInput("1,2", "choices"))
                        .serviceTask("GoodbyeTask", t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode"))
                        .endEvent().done()), "test");
        flows.publish(flow.draftVersionId(), "test");
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("aff-" + processId.substring(13), "sip.affinity.example"));
        String number = "+3315" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        Did did = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "affinity"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());

        // node-b "crashed" holding a call: its instance waits for a job only node-b serves
        CamundaClient client = stack.bean(CamundaClient.class);
        String leftCallId = "left-" + UUID.randomUUID();
        long leftInstance = client.newCreateInstanceCommand().processDefinitionKey(flows.definitionKey(processId))
                .variables(Map.of("callId", leftCallId, "evsNode", "node-b")).send().join().getProcessInstanceKey();
        IvrCallLedger ledger = stack.bean(IvrCallLedger.class);
        ledger.open(leftCallId, "node-b", null, number, "+33600000000");
        ledger.started(leftCallId, leftInstance);

        ConfigurableApplicationContext nodeB = EvsCallProSandbox.run(stack.infrastructure, Map.of(
                "server.port", "0",
                "evs.node.id", "node-b",
                "evs.dialer.tick", "200ms",
                "evs.campaigns.completion-check", "1h",
                "evs.sandbox.demo-data", "false"));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stack.terminated(leftInstance));
            assertThat(ledger.ownedBy("node-b")).as("node-b's leftovers are gone").isEmpty();

            int portA = stack.bean(FastAgiServer.class).port();
            int portB = nodeB.getBean(FastAgiServer.class).port();
            assertThat(portB).isNotEqualTo(portA);
            List<PlacedAgiCall> viaA = new ArrayList<>();
            List<PlacedAgiCall> viaB = new ArrayList<>();
            try (FastAgiCaller asteriskA = new FastAgiCaller("127.0.0.1", portA);
                 FastAgiCaller asteriskB = new FastAgiCaller("127.0.0.1", portB)) {
                for (int i = 0; i < 5; i++) {
                    viaA.add(asteriskA.place(call(number, "1")));
                    viaB.add(asteriskB.place(call(number, "2")));
                }
                assertNode(viaA, stack.bean(com.evscallpro.workers.ivr.IvrNode.class).id(), "1");
                assertNode(viaB, "node-b", "2");
            }
        } finally {
            nodeB.close();
            stack.reclaimSecurityContextHolder();
        }
    }

    private static SimAgiCall call(String did, String choice) {
        return SimAgiCall.toDid(did).script("ivr").scriptParameter("did", did).callerId("+33612340000", "Caller")
                .pressDuring(3, choice).timeScale(0.25).maxDuration(Duration.ofSeconds(60));
    }

    private void assertNode(List<PlacedAgiCall> calls, String node, String choice) throws Exception {
        for (PlacedAgiCall p : calls) {
            SimAgiCallResult r = p.await(Duration.ofSeconds(60));
            String callId = r.variables().get("EVS_CALL_ID");
            assertThat(r.commands()).contains("HANGUP");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stack.bean(CallJourney.class).of(callId)
                    .stream().anyMatch(s -> "GoodbyeTask".equals(s.elementId())));
            assertThat(stack.bean(CallJourney.class).of(callId).getFirst().digits()).isEqualTo(choice);
            long instance = stack.processInstanceOf(callId).orElseThrow();
            Set<String> types = jobTypes(instance);
            assertThat(types).as("the job types of call " + callId).containsExactlyInAnyOrder(
                    "ivr.menu." + node, "ivr.hangup." + node);
        }
    }

    private Set<String> jobTypes(long instance) {
        Set<String> types = new HashSet<>();
        for (var record : stack.infrastructure.engine().engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.JOB && record.getIntent() == JobIntent.CREATED
                    && record.getValue() instanceof JobRecordValue job && job.getProcessInstanceKey() == instance) {
                types.add(job.getType());
            }
        }
        return types;
    }
}
