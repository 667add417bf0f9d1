package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowVersionView;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.simulator.SimAgiCallResult;
import com.evscallpro.telephony.agi.FastAgiServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Files made with Camunda Modeler (Camunda's own getting-started examples, {@code camunda-modeler/NOTICE.md}) on the
 * running application: those whose tasks no worker of ours serves, or that use elements we do not run, are refused
 * with the reasons and nothing is created; the same file with our blocks imports as a draft, comes back out with
 * the same meaning (ids, Zeebe extensions), publishes, and a call follows it.
 */
class FlowImportEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final FlowService flows = stack.bean(FlowService.class);

    private static String fixture(String name) throws IOException {
        try (InputStream in = FlowImportEndToEndTest.class.getResourceAsStream("/camunda-modeler/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_modeler_file_with_tasks_we_do_not_serve_or_elements_we_do_not_run_is_refused_with_the_reasons() throws Exception {
        assertThatThrownBy(() -> flows.importBpmn(FlowKind.IVR, "Order", fixture("order-process.bpmn"), null))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("flow.bpmn-invalid");
                    assertThat(String.valueOf(e.args().get(0)))
                            .contains("Activity_0tw2fu0: no EVSCallPro worker serves the job type 'check-inventory'")
                            .contains("Activity_1ppsbgi").contains("Activity_08pg6im");
                });
        assertThat(flows.flowByProcessId("process1")).isEmpty();
        String rocket = fixture("rocket-launch.bpmn");
        assertThatThrownBy(() -> flows.importBpmn(FlowKind.IVR, "Rocket", rocket, null))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(String.valueOf(e.args().get(0)))
                        .contains("does not run a businessRuleTask"));
    }

    @Test
    void the_modeler_file_with_our_blocks_imports_keeps_its_meaning_publishes_and_a_call_follows_it() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String processId = "order-ivr-" + suffix;
        // the analyst's change in Camunda Modeler: each task becomes one of our blocks (prompts to play, then the
        // goodbye that hangs up: a flow that reaches its end without one hands the caller to the safe path)
        String ours = fixture("order-process.bpmn")
                .replace("id=\"process1\"", "id=\"" + processId + "\"")
                .replace("bpmnElement=\"process1\"", "bpmnElement=\"" + processId + "\"");
        for (String type : List.of("check-inventory", "charge-payment", "ship-items")) {
            String block = type.equals("ship-items") ? "hangup" : "play";
            ours = ours.replace("<zeebe:taskDefinition type=\"" + type + "\" />",
                    "<zeebe:taskDefinition type=\"=&#34;ivr." + block + ".&#34; + evsNode\" />"
                            + "<zeebe:ioMapping><zeebe:input source=\"" + type + "\" target=\"prompt\" />"
                            + "</zeebe:ioMapping>");
        }
        FlowVersionView draft = flows.importBpmn(FlowKind.IVR, "Commande " + suffix, ours, "from Camunda Modeler");
        assertThat(draft.source()).isEqualTo(FlowVersionView.Source.IMPORT);
        assertThat(draft.status()).isEqualTo(FlowVersionView.Status.DRAFT);
        FlowView flow = flows.flowByProcessId(processId).orElseThrow();
        // out again with the same meaning (here byte for byte: we store what was brought)
        assertThat(flows.bpmn(draft.id())).isEqualTo(ours);
        FlowVersionView published = flows.publish(draft.id(), "go");
        assertThat(flows.compare(draft.id(), published.id())).isEmpty();
        // the same file brought again is a new draft of that flow, with nothing changed in meaning
        FlowVersionView again = flows.importBpmn(FlowKind.IVR, "ignored", ours, "again");
        assertThat(again.flowId()).isEqualTo(flow.id());
        assertThat(flows.compare(published.id(), again.id())).isEmpty();

        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("modeler-" + suffix, "sip.modeler.example"));
        String number = "+3319" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        Did did = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "Modeler file"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
        try (FastAgiCaller asterisk = new FastAgiCaller("127.0.0.1", stack.bean(FastAgiServer.class).port())) {
            SimAgiCallResult r = asterisk.place(SimAgiCall.toDid(number).script("ivr").scriptParameter("did", number)
                    .callerId("+33612345678", "Caller").timeScale(0.25).maxDuration(Duration.ofSeconds(60)))
                    .await(Duration.ofSeconds(60));
            String callId = r.variables().get("EVS_CALL_ID");
            List<String> path = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stack.bean(
                    CallJourney.class).of(callId).stream().map(s -> s.elementId()).toList(), p -> p.size() == 3);
            assertThat(path).containsExactly("Activity_0tw2fu0", "Activity_1ppsbgi", "Activity_08pg6im");
        }
    }
}
