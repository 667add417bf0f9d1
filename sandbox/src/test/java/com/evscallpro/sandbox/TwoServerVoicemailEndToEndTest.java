package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.app.telephony.SitePbxRouter;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.SiteDefinition;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.PlacedInboundCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.simulator.SimAgiCallResult;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.agi.FastAgiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A site whose PBX is two Asterisk servers (two simulators, each its own AMI and its own disk): a caller's voicemail is
 * recorded by the server that took the call, on that server's disk, and the voicemail block fetches it from there
 * (the AMI adapter of the site knows which server holds the caller's channel), not from the site's first server.
 * docs/voicemail.md, docs/sites.md.
 */
class TwoServerVoicemailEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void each_callers_voicemail_is_fetched_from_the_server_that_recorded_it() throws Exception {
        String code = "vm2-" + UUID.randomUUID().toString().substring(0, 6);
        Path mediaRoot = Path.of(stack.bean(Environment.class).getRequiredProperty("evs.media.root"));
        Path diskOne = mediaRoot.resolve(code).resolve("ast-1");
        Path diskTwo = mediaRoot.resolve(code).resolve("ast-2");
        String secret = "vm2-" + UUID.randomUUID();
        try (PbxSimulator one = simulator(diskOne, secret); PbxSimulator two = simulator(diskTwo, secret)) {
            SiteService sites = stack.bean(SiteService.class);
            SiteDetails site = sites.create(SiteDefinition.asterisk(code, "Two servers " + code, List.of(
                    AmiServerSettings.of("ast-1", "127.0.0.1", one.port(), "evs-vm2", secret),
                    AmiServerSettings.of("ast-2", "127.0.0.1", two.port(), "evs-vm2", secret))));
            SitePbxRouter router = (SitePbxRouter) stack.bean(PbxPort.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> one.connectionCount() == 1
                    && two.connectionCount() == 1 && router.port(code).map(PbxPort::isConnected).orElse(false));
            String number = "+3312" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
            voicemailFlowOn(site, number);

            PlacedInboundCall onTwo = place(two, number);
            SimAgiCallResult second = onTwo.await(Duration.ofSeconds(60));
            PlacedInboundCall onOne = place(one, number);
            SimAgiCallResult first = onOne.await(Duration.ofSeconds(60));

            for (var c : List.of(Map.entry(second, "ast-2"), Map.entry(first, "ast-1"))) {
                String callId = c.getKey().variables().get("EVS_CALL_ID");
                assertThat(c.getKey().commands()).anyMatch(x -> x.startsWith("RECORD FILE evs-voicemail/" + callId));
                await().atMost(Duration.ofSeconds(20)).until(() -> stack.bean(CallJourney.class).of(callId).stream()
                        .anyMatch(s -> "VmTask".equals(s.elementId())));
                assertThat(stack.bean(CallJourney.class).of(callId)).filteredOn(s -> "VmTask".equals(s.elementId()))
                        .singleElement().satisfies(s -> assertThat(s.outcome()).as(s.detail()).isEqualTo("RECORDED"));
                assertThat(c.getKey().commands()).as("the flow went on after the voicemail").contains("HANGUP");
                Map<String, Object> stored = stack.bean(JdbcTemplate.class).queryForMap(
                        "SELECT source_path, size_bytes, mailbox_label FROM voicemail WHERE call_id = ?", callId);
                assertThat(stored.get("source_path")).as("fetched from the server that recorded it")
                        .isEqualTo(code + "/" + c.getValue() + ":evs-voicemail/" + callId + ".wav");
                assertThat((Integer) stored.get("size_bytes")).isGreaterThan(44);
            }
            assertThat(onTwo.recordings()).singleElement().satisfies(p -> {
                assertThat(p.startsWith(diskTwo)).as(p + " on the second server's disk").isTrue();
                assertThat(Files.exists(p)).as("removed from the host once stored").isFalse();
            });
            assertThat(onOne.recordings()).singleElement().satisfies(p -> {
                assertThat(p.startsWith(diskOne)).as(p + " on the first server's disk").isTrue();
                assertThat(Files.exists(p)).isFalse();
            });
            stack.bean(IvrRouting.class).assignFlow(didOf(number).id(), null);
            SiteDetails current = sites.get(site.id());
            SiteDefinition off = current.toDefinition();
            sites.update(site.id(), current.version(), new SiteDefinition(off.code(), off.name(), off.timeZone(),
                    off.pbxMode(), false, off.amiServers(), null));
            await().atMost(Duration.ofSeconds(30)).until(() -> router.port(code).isEmpty());
        }
    }

    private static PbxSimulator simulator(Path disk, String secret) {
        return new PbxSimulator(SimulatorSettings.defaults().withPort(0).withCredentials("evs-vm2", secret)
                .withCustomers(CustomerScript.random(1)).withRecordingsDir(disk)).start();
    }

    /** A DID on a trunk of the site, to a flow: voicemail (5 s at most, no prompt) then goodbye. */
    private void voicemailFlowOn(SiteDetails site, String number) {
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("t-" + site.code(), "sip." + site.code() + ".example")
                .onSite(site.id()));
        Did did = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "Two servers voicemail"));
        String processId = "ivr-" + site.code();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="vm2" targetNamespace="urn:e2e">
                  <bpmn:process id="%s" isExecutable="true">
                    <bpmn:startEvent id="VmStart"/>
                    <bpmn:serviceTask id="VmTask"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;ivr.voicemail.&quot; + evsNode"/><zeebe:ioMapping><zeebe:input source="Two servers" target="mailbox"/><zeebe:input source="none" target="prompt"/><zeebe:input source="5" target="maxSeconds"/></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>
                    <bpmn:serviceTask id="VmByeTask"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;ivr.hangup.&quot; + evsNode"/></bpmn:extensionElements></bpmn:serviceTask>
                    <bpmn:endEvent id="VmEnd"/>
                    <bpmn:sequenceFlow id="V1" sourceRef="VmStart" targetRef="VmTask"/>
                    <bpmn:sequenceFlow id="V2" sourceRef="VmTask" targetRef="VmByeTask"/>
                    <bpmn:sequenceFlow id="V3" sourceRef="VmByeTask" targetRef="VmEnd"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId).strip();
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, "Voicemail " + site.code(), null, xml, "test");
        flows.publish(flow.draftVersionId(), "test");
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
    }

    private Did didOf(String number) {
        return stack.bean(PbxConfigService.class).dids().stream().filter(d -> d.number().equals(number)).findFirst()
                .orElseThrow();
    }

    private PlacedInboundCall place(PbxSimulator server, String number) {
        return server.placeInbound(SimAgiCall.toDid(number).script("ivr").scriptParameter("did", number)
                .callerId("+33644332211", "Caller").timeScale(0.25).maxDuration(Duration.ofSeconds(60)),
                "127.0.0.1", stack.bean(FastAgiServer.class).port());
    }
}
