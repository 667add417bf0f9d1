package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.ivr.CallJourney;
import com.evscallpro.core.ivr.InboundCallRecords;
import com.evscallpro.core.ivr.IvrCallLedger;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.ivr.JourneyStep;
import com.evscallpro.core.ivr.SafePathLog;
import com.evscallpro.core.ivr.SafePathReason;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.simulator.SimAgiCallResult;
import com.evscallpro.telephony.agi.FastAgiServer;
import com.evscallpro.workers.ivr.IvrCalls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import io.camunda.zeebe.model.bpmn.Bpmn;
import com.evscallpro.simulator.PlacedAgiCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IVR flows on the running application over the real FastAGI wire: the simulated Asterisk ({@link FastAgiCaller})
 * calls a DID whose flow is {@code flows/ivr-e2e-blocks.bpmn}; each branch is taken by pressing digits, and what the
 * caller heard (the AGI commands), the call's journey, its record and the engine's instance are checked. Failures
 * (no flow, a broken block, a flow gone silent) take the caller down the safe path.
 */
class IvrEndToEndTest {

    private static final SandboxTestContext stack = SandboxTestContext.get();
    private static final String DID = "+3319" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    private static final String DID_WITHOUT_FLOW = "+3318" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    private static final String DID_BROKEN = "+3317" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    private static final String PLANNING = "E2E hours";
    private static FastAgiCaller asterisk;
    private static long planningId;

    @BeforeAll
    static void a_did_runs_the_test_flow() throws IOException {
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.flowByProcessId("ivr-e2e-blocks").orElseGet(() -> {
            try (InputStream in = IvrEndToEndTest.class.getResourceAsStream("/flows/ivr-e2e-blocks.bpmn")) {
                return flows.create(FlowKind.IVR, "IVR blocks e2e", null,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), "test");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        if (flow.publishedVersionId() == null) {
            flows.publish(flow.draftVersionId(), "test");
        }
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.trunks().stream().filter(t -> t.name().equals("e2e-trunk")).findFirst()
                .orElseGet(() -> pbx.createTrunk(TrunkDefinition.of("e2e-trunk", "sip.e2e.example")));
        Did did = pbx.createDid(DidDefinition.ivr(DID, trunk.id(), "IVR e2e"));
        pbx.createDid(DidDefinition.ivr(DID_WITHOUT_FLOW, trunk.id(), "IVR e2e, no flow"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
        // a flow whose menu's choices come out empty at run time: the block fails for a technical reason
        String brokenId = "ivr-e2e-broken-" + UUID.randomUUID().toString().substring(0, 8);
        FlowView broken = flows.create(FlowKind.IVR, "IVR broken " + brokenId, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess(brokenId).startEvent().serviceTask("BrokenMenuTask",
                        t -> t.zeebeJobTypeExpression("\"ivr.menu.\" + evsNode").zeebeInput("e2e-menu", "prompt")
                                .zeebeInput("=\"\"", "choices"))
                        .endEvent().done()), "test");
        flows.publish(broken.draftVersionId(), "test");
        Did brokenDid = pbx.createDid(DidDefinition.ivr(DID_BROKEN, trunk.id(), "IVR e2e, broken flow"));
        stack.bean(IvrRouting.class).assignFlow(brokenDid.id(), broken.id());
        planningId = stack.bean(PlanningService.class).save(open(null, List.of()));
        asterisk = new FastAgiCaller("127.0.0.1", stack.bean(FastAgiServer.class).port());
        // a prompt of the library: the blocks play its file (evs/<name>), other names are Asterisk's own sounds
        com.evscallpro.core.prompt.PromptService library = stack.bean(com.evscallpro.core.prompt.PromptService.class);
        if (!library.exists("e2e-intro")) {
            library.createWithAudio("e2e-intro", "IVR e2e", "fr", "intro.wav", TestAudio.tone(440, 8000, 1, 0.5));
        }
    }

    @AfterAll
    static void hang_up_the_simulator() {
        asterisk.close();
    }

    private static PlanningDefinition open(Long id, List<PlanningDefinition.DayException> exceptions) {
        List<PlanningDefinition.Slot> always = Arrays.stream(DayOfWeek.values())
                .map(d -> new PlanningDefinition.Slot(d, LocalTime.MIN, LocalTime.of(23, 59, 59))).toList();
        return new PlanningDefinition(id, PLANNING, "Europe/Paris", null, always, exceptions);
    }

    private static SimAgiCall call(String did) {
        return SimAgiCall.toDid(did).script("ivr").scriptParameter("did", did).callerId("+33612345678", "Caller")
                .timeScale(0.25).maxDuration(Duration.ofSeconds(60));
    }

    private static SimAgiCallResult place(SimAgiCall call) throws Exception {
        return asterisk.place(call).await(Duration.ofSeconds(60));
    }

    private static String callIdOf(SimAgiCallResult r) {
        return r.variables().get("EVS_CALL_ID");
    }

    /** The call's journey ({@code element=outcome}) once its step {@code last} is recorded (it is written last). */
    private static List<String> path(String callId, String last) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stack.bean(CallJourney.class).of(callId)
                .stream().map(s -> s.elementId() + (s.outcome() == null ? "" : "=" + s.outcome())).toList(),
                p -> p.contains(last));
    }

    /**
     * The call's journey once its step {@code last} is recorded and it has {@code steps} rows (the gateways' rows are
     * written on another thread than the blocks').
     */
    private static List<String> path(String callId, String last, int steps) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> path(callId, last),
                p -> p.size() >= steps);
    }

    private static JourneyStep step(List<JourneyStep> steps, String elementId) {
        return steps.stream().filter(s -> s.elementId().equals(elementId)).findFirst().orElseThrow();
    }

    private static void noLeftovers() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(stack.bean(IvrCalls.class).size()).as("live IVR calls").isZero();
            assertThat(stack.bean(FastAgiServer.class).activeChannelCount()).as("open AGI channels").isZero();
            assertThat(stack.bean(IvrCallLedger.class).count()).as("ledger rows").isZero();
        });
    }

    @Test
    void an_admin_points_a_did_to_a_flow_through_the_api_and_its_calls_run_that_flow() throws Exception {
        ApiClient api = new ApiClient(stack);
        ApiClient.user(stack, "api-ivr-admin", com.evscallpro.core.user.UserAccount.Role.ADMIN, null);
        String admin = api.accessToken("api-ivr-admin", "api-ivr-admin-pw");
        long flowId = stack.bean(FlowService.class).flowByProcessId("ivr-e2e-blocks").orElseThrow().id();
        long trunkId = stack.bean(PbxConfigService.class).trunks().stream()
                .filter(t -> t.name().equals("e2e-trunk")).findFirst().orElseThrow().id();
        String number = "+3316" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        ApiClient.Response created = api.post("/api/v1/dids", admin, ApiClient.map("number", number, "trunkId",
                trunkId, "label", "API IVR", "targetType", "IVR", "flowId", flowId));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("flowId").asLong()).isEqualTo(flowId);
        ApiClient.Response wrongFlow = api.put("/api/v1/dids/" + created.json().path("id").asLong(), admin,
                ApiClient.map("number", number, "trunkId", trunkId, "targetType", "IVR", "flowId",
                        stack.bean(FlowService.class).flowByProcessId("outbound-call").orElseThrow().id()),
                java.util.Map.of("If-Match", "*"));
        assertThat(wrongFlow.status()).isEqualTo(400);
        assertThat(wrongFlow.code()).isEqualTo("ivr.flow-not-ivr");

        SimAgiCallResult r = place(call(number).pressDuring(5, "1").pressDuring(6, "75011#"));
        assertThat(path(callIdOf(r), "GoodbyeTask=HANGUP")).contains("PostcodeTask=VALID");
    }

    @Test
    void menu_choice_1_collects_a_postcode_sets_a_variable_and_says_goodbye_as_drawn() throws Exception {
        // commands: 1 SET VARIABLE EVS_CALL_ID, 2 ANSWER, 3-4 welcome prompts, 5 the menu, 6 the postcode...
        SimAgiCallResult r = place(call(DID).pressDuring(5, "1").pressDuring(6, "75011#"));

        String callId = callIdOf(r);
        assertThat(r.closedByServer()).isTrue();
        assertThat(r.commands()).contains("STREAM FILE e2e-welcome \"0123456789*#\"",
                "STREAM FILE evs/e2e-intro \"0123456789*#\"", "STREAM FILE e2e-goodbye \"\"", "HANGUP");
        assertThat(r.commands()).anyMatch(c -> c.startsWith("GET DATA e2e-menu 2000 1"));
        assertThat(r.commands()).anyMatch(c -> c.startsWith("GET DATA e2e-postcode 5000 5"));
        assertThat(r.variables()).containsEntry("EVS_ROUTE", "postcode-75011");
        // the gateways show with the branch each took (written when the next block's job shows, from the diagram)
        assertThat(path(callId, "GoodbyeTask=HANGUP", 9)).containsExactly("LookupCallerTask=UNKNOWN",
                "WelcomeTask=PLAYED", "OpeningHoursTask=OPEN", "OpenGateway=MainMenuTask", "MainMenuTask=1",
                "MenuGateway=PostcodeTask", "PostcodeTask=VALID", "RememberTask=SET", "GoodbyeTask=HANGUP");
        List<JourneyStep> steps = stack.bean(CallJourney.class).of(callId);
        assertThat(step(steps, "MainMenuTask").digits()).isEqualTo("1");
        assertThat(step(steps, "PostcodeTask").digits()).isEqualTo("75011");
        assertThat(steps).allSatisfy(s -> assertThat(s.flowVersionId()).isNotNull());
        long instance = stack.processInstanceOf(callId).orElseThrow();
        assertThat(stack.awaitCompleted(instance)).contains("GoodbyeTask", "CallEndedEvent");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
        assertThat(stack.bean(InboundCallRecords.class).outcome(callId)).contains(InboundCallRecords.InboundOutcome.IVR);
        noLeftovers();
    }

    @Test
    void an_invalid_postcode_is_asked_again_and_a_wrong_menu_key_then_silence_take_the_error_branches() throws Exception {
        SimAgiCallResult invalid = place(call(DID).pressDuring(5, "7").pressDuring(7, "5"));
        // 5 GET DATA (7: invalid), 6 STREAM FILE option-is-invalid, 7 GET DATA (5: invalid again) → IVR_INVALID_INPUT
        assertThat(invalid.commands()).contains("STREAM FILE option-is-invalid \"\"", "STREAM FILE e2e-no-choice \"\"");
        assertThat(path(callIdOf(invalid), "NoChoiceTask=HANGUP")).contains("MainMenuTask=IVR_INVALID_INPUT", "NoChoiceTask=HANGUP");

        SimAgiCallResult silent = place(call(DID));
        assertThat(path(callIdOf(silent), "NoChoiceTask=HANGUP")).contains("MainMenuTask=IVR_NO_INPUT", "NoChoiceTask=HANGUP");

        SimAgiCallResult badPostcode = place(call(DID).pressDuring(5, "1").pressDuring(6, "00000#")
                .pressDuring(8, "13001#"));
        assertThat(path(callIdOf(badPostcode), "GoodbyeTask=HANGUP")).contains("PostcodeTask=VALID");
        assertThat(step(stack.bean(CallJourney.class).of(callIdOf(badPostcode)), "PostcodeTask").digits())
                .isEqualTo("00000,13001");
        noLeftovers();
    }

    @Test
    void a_transfer_that_fails_takes_its_error_branch_and_one_that_answers_ends_the_flow() throws Exception {
        SimAgiCallResult busy = place(call(DID).pressDuring(5, "2").dialOutcome("BUSY", Duration.ZERO));
        assertThat(busy.commands()).contains("EXEC Dial PJSIP/+33999000111@e2e-trunk,20");
        assertThat(path(callIdOf(busy), "TransferFailedTask=HANGUP")).contains("TransferTask=BUSY", "TransferFailedTask=HANGUP");

        SimAgiCallResult answered = place(call(DID).pressDuring(5, "2").dialOutcome("ANSWER", Duration.ofSeconds(2)));
        assertThat(path(callIdOf(answered), "TransferTask=ANSWER")).contains("TransferTask=ANSWER");
        noLeftovers();
    }

    @Test
    void a_caller_who_asks_to_be_called_back_becomes_a_callback_due_now_and_a_withheld_number_takes_the_error_branch()
            throws Exception {
        com.evscallpro.core.campaign.CampaignService campaigns =
                stack.bean(com.evscallpro.core.campaign.CampaignService.class);
        long campaignId = campaigns.summaries().stream().filter(c -> c.name().equals("E2E callbacks")).findFirst()
                .map(com.evscallpro.core.campaign.CampaignSummary::id)
                .orElseGet(() -> campaigns.create(com.evscallpro.core.campaign.NewCampaign.withDefaults("E2E callbacks")));
        SimAgiCallResult r = place(call(DID).callerId("+33698765432", "Rappel").pressDuring(5, "3"));
        assertThat(path(callIdOf(r), "CallbackGoodbyeTask=HANGUP")).contains("CallbackTask=REQUESTED");
        assertThat(r.commands()).contains("STREAM FILE e2e-callback-noted \"\"");
        var contact = stack.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForMap("""
                SELECT status, next_attempt_at <= now() AS due, custom_fields->>'source' AS source FROM contact
                 WHERE campaign_id = ? AND phone_e164 = '+33698765432'""", campaignId);
        assertThat(contact).containsEntry("status", "CALLBACK").containsEntry("due", true)
                .containsEntry("source", "ivr-callback");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callIdOf(r)).isPresent());
        assertThat(stack.bean(InboundCallRecords.class).outcome(callIdOf(r)))
                .contains(InboundCallRecords.InboundOutcome.CALLBACK);

        SimAgiCallResult withheld = place(call(DID).callerId("unknown", "unknown").pressDuring(5, "3"));
        assertThat(path(callIdOf(withheld), "NoChoiceTask=HANGUP")).contains("CallbackTask=IVR_CALLBACK_NO_NUMBER");
    }

    @Test
    void after_hours_the_caller_hears_the_closed_message() throws Exception {
        PlanningService plannings = stack.bean(PlanningService.class);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        plannings.save(open(planningId, List.of(new PlanningDefinition.DayException(today, null, null, "closed"))));
        try {
            SimAgiCallResult r = place(call(DID));
            assertThat(r.commands()).contains("STREAM FILE e2e-closed \"\"", "HANGUP");
            assertThat(path(callIdOf(r), "ClosedTask=HANGUP")).contains("OpeningHoursTask=CLOSED", "ClosedTask=HANGUP");
        } finally {
            plannings.save(open(planningId, List.of()));
        }
    }

    /**
     * An inclusive gateway taking two of its three branches, their join, then a parallel fork and join: the journey
     * has a row for every branch taken (item 2 of issue 8's last review), read from the diagram when each branch's
     * block shows, and the heat map counts them.
     */
    @Test
    void inclusive_and_parallel_gateways_record_every_branch_taken() throws Exception {
        String processId = "ivr-e2e-forks-" + UUID.randomUUID().toString().substring(0, 8);
        String set = "<bpmn:extensionElements><zeebe:taskDefinition type=\"=&quot;ivr.set.&quot; + evsNode\"/>"
                + "<zeebe:ioMapping><zeebe:input source=\"%s\" target=\"variable\"/>"
                + "<zeebe:input source=\"x\" target=\"value\"/></zeebe:ioMapping></bpmn:extensionElements>";
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="forks" targetNamespace="urn:e2e">
                  <bpmn:process id="%s" isExecutable="true">
                    <bpmn:startEvent id="ForksStart"/>
                    <bpmn:inclusiveGateway id="SomeGateway"/>
                    <bpmn:serviceTask id="SetA">%s</bpmn:serviceTask>
                    <bpmn:serviceTask id="SetB">%s</bpmn:serviceTask>
                    <bpmn:serviceTask id="SetC">%s</bpmn:serviceTask>
                    <bpmn:inclusiveGateway id="SomeJoin"/>
                    <bpmn:parallelGateway id="AllFork"/>
                    <bpmn:serviceTask id="SetD">%s</bpmn:serviceTask>
                    <bpmn:serviceTask id="SetE">%s</bpmn:serviceTask>
                    <bpmn:parallelGateway id="AllJoin"/>
                    <bpmn:serviceTask id="ForksBye"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;ivr.hangup.&quot; + evsNode"/></bpmn:extensionElements></bpmn:serviceTask>
                    <bpmn:endEvent id="ForksEnd"/>
                    <bpmn:sequenceFlow id="G1" sourceRef="ForksStart" targetRef="SomeGateway"/>
                    <bpmn:sequenceFlow id="G2" sourceRef="SomeGateway" targetRef="SetA"><bpmn:conditionExpression>=true</bpmn:conditionExpression></bpmn:sequenceFlow>
                    <bpmn:sequenceFlow id="G3" sourceRef="SomeGateway" targetRef="SetB"><bpmn:conditionExpression>=did != null</bpmn:conditionExpression></bpmn:sequenceFlow>
                    <bpmn:sequenceFlow id="G4" sourceRef="SomeGateway" targetRef="SetC"><bpmn:conditionExpression>=false</bpmn:conditionExpression></bpmn:sequenceFlow>
                    <bpmn:sequenceFlow id="G5" sourceRef="SetA" targetRef="SomeJoin"/>
                    <bpmn:sequenceFlow id="G6" sourceRef="SetB" targetRef="SomeJoin"/>
                    <bpmn:sequenceFlow id="G7" sourceRef="SetC" targetRef="SomeJoin"/>
                    <bpmn:sequenceFlow id="G8" sourceRef="SomeJoin" targetRef="AllFork"/>
                    <bpmn:sequenceFlow id="G9" sourceRef="AllFork" targetRef="SetD"/>
                    <bpmn:sequenceFlow id="G10" sourceRef="AllFork" targetRef="SetE"/>
                    <bpmn:sequenceFlow id="G11" sourceRef="SetD" targetRef="AllJoin"/>
                    <bpmn:sequenceFlow id="G12" sourceRef="SetE" targetRef="AllJoin"/>
                    <bpmn:sequenceFlow id="G13" sourceRef="AllJoin" targetRef="ForksBye"/>
                    <bpmn:sequenceFlow id="G14" sourceRef="ForksBye" targetRef="ForksEnd"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, set.formatted("a"), set.formatted("b"), set.formatted("c"),
                set.formatted("d"), set.formatted("e")).strip();
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, "IVR forks " + processId, null, xml, "test");
        flows.publish(flow.draftVersionId(), "test");
        long versionId = flows.flow(flow.id()).orElseThrow().publishedVersionId();
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        long trunkId = pbx.trunks().stream().filter(t -> t.name().equals("e2e-trunk")).findFirst().orElseThrow().id();
        String number = "+3313" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        Did did = pbx.createDid(DidDefinition.ivr(number, trunkId, "IVR e2e, forks"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
        java.time.Instant from = java.time.Instant.now().minusSeconds(1);

        SimAgiCallResult r = place(call(number));

        List<String> journey = path(callIdOf(r), "ForksBye=HANGUP", 11);
        assertThat(journey).containsExactlyInAnyOrder("SomeGateway=SetA", "SomeGateway=SetB", "SetA=SET", "SetB=SET",
                "SomeJoin=AllFork", "AllFork=SetD", "AllFork=SetE", "SetD=SET", "SetE=SET", "AllJoin=ForksBye",
                "ForksBye=HANGUP");
        assertThat(journey.indexOf("SomeGateway=SetA")).isLessThan(journey.indexOf("SetA=SET"));
        assertThat(journey.indexOf("AllJoin=ForksBye")).isGreaterThan(journey.indexOf("SetD=SET"));
        java.util.Map<String, CallJourney.ElementTraffic> traffic = stack.bean(CallJourney.class)
                .traffic(List.of(versionId), from, java.time.Instant.now().plusSeconds(1));
        assertThat(traffic.get(CallJourney.branch("SomeGateway", "SetA")).calls()).isEqualTo(1);
        assertThat(traffic.get(CallJourney.branch("SomeGateway", "SetB")).calls()).isEqualTo(1);
        assertThat(traffic).doesNotContainKey(CallJourney.branch("SomeGateway", "SetC"));
        assertThat(traffic.get(CallJourney.branch("AllFork", "SetD")).calls()).isEqualTo(1);
        assertThat(traffic.get(CallJourney.branch("AllFork", "SetE")).calls()).isEqualTo(1);
        assertThat(traffic.get("AllFork").calls()).as("one call through the fork").isEqualTo(1);
        noLeftovers();
    }

    @Test
    void a_caller_who_hangs_up_mid_menu_ends_the_instance_and_is_recorded() throws Exception {
        SimAgiCallResult r = place(call(DID).hangUpDuring(5));
        String callId = callIdOf(r);
        assertThat(r.callerHungUp()).isTrue();
        assertThat(path(callId, "MainMenuTask=HANGUP")).isNotEmpty();
        long instance = stack.processInstanceOf(callId).orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stack.terminated(instance));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
        noLeftovers();
    }

    @Test
    void a_did_without_a_flow_and_a_flow_gone_silent_go_down_the_safe_path() throws Exception {
        SafePathLog safe = stack.bean(SafePathLog.class);
        SimAgiCallResult noFlow = place(call(DID_WITHOUT_FLOW));
        assertThat(noFlow.variables()).containsEntry("EVS_AGI_STATUS", "FAILED");
        assertThat(noFlow.closedByServer()).isTrue();
        assertThat(safe.reasonsFor(callIdOf(noFlow))).containsExactly(SafePathReason.NO_FLOW);

        // choice 9 plays a prompt and ends the flow without hanging up: the watchdog hands the caller back
        SimAgiCallResult silent = place(call(DID).pressDuring(5, "9"));
        assertThat(silent.variables()).containsEntry("EVS_AGI_STATUS", "FAILED");
        assertThat(safe.reasonsFor(callIdOf(silent))).containsExactly(SafePathReason.WATCHDOG);
        assertThat(path(callIdOf(silent), "SafePath=WATCHDOG")).endsWith("SilentEndTask=PLAYED", "SafePath=WATCHDOG");
        assertThat(stack.bean(InboundCallRecords.class).outcome(callIdOf(silent)))
                .contains(InboundCallRecords.InboundOutcome.SAFE_PATH);
        noLeftovers();
    }

    @Test
    void a_broken_block_and_an_engine_that_cannot_start_or_hear_the_flow_each_put_the_caller_on_the_safe_path()
            throws Exception {
        SafePathLog safe = stack.bean(SafePathLog.class);
        SimAgiCallResult broken = place(call(DID_BROKEN));
        assertThat(broken.variables()).containsEntry("EVS_AGI_STATUS", "FAILED");
        assertThat(safe.reasonsFor(callIdOf(broken))).containsExactly(SafePathReason.BLOCK_FAILED);
        assertThat(path(callIdOf(broken), "SafePath=BLOCK_FAILED")).containsExactly("BrokenMenuTask=FAILED",
                "SafePath=BLOCK_FAILED");

        stack.publishFaults.refuseMethods("CreateProcessInstance");
        try {
            SimAgiCallResult notStarted = place(call(DID));
            assertThat(notStarted.variables()).containsEntry("EVS_AGI_STATUS", "FAILED");
            assertThat(safe.reasonsFor(callIdOf(notStarted))).containsExactly(SafePathReason.START_FAILED);
        } finally {
            stack.publishFaults.refuseMethods();
        }
        stack.publishFaults.refuseMethods("CompleteJob");
        try {
            SimAgiCallResult unheard = place(call(DID));
            assertThat(unheard.variables()).containsEntry("EVS_AGI_STATUS", "FAILED");
            assertThat(safe.reasonsFor(callIdOf(unheard))).containsExactly(SafePathReason.BLOCK_FAILED);
        } finally {
            stack.publishFaults.refuseMethods();
        }
        noLeftovers();
    }

    @Test
    void two_hundred_concurrent_callers_finish_with_no_stuck_instance_and_no_leaked_channel() throws Exception {
        List<PlacedAgiCall> placed = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();
        IvrCalls live = stack.bean(IvrCalls.class);
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(live.size(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        for (int i = 0; i < 200; i++) {
            Thread.sleep(15); // 200 callers arriving within 3 s, all of them in the flow at once
            SimAgiCall c = call(DID).timeScale(0.5).callerId("+3361234" + String.format("%04d", i), "Caller " + i);
            placed.add(asterisk.place(switch (i % 4) {
                case 0 -> c.pressDuring(5, "1").pressDuring(6, "75011#");
                case 1 -> c; // silence: the menu's error branch
                case 2 -> c.hangUpDuring(5);
                default -> c.pressDuring(5, "2").dialOutcome("NOANSWER", Duration.ZERO);
            }));
        }
        List<String> callIds = new ArrayList<>();
        for (PlacedAgiCall p : placed) {
            SimAgiCallResult r = p.await(Duration.ofSeconds(180));
            assertThat(r.failure()).isNull();
            assertThat(r.closedByServer()).as("the server closed every connection").isTrue();
            callIds.add(callIdOf(r));
        }
        watcher.interrupt();
        assertThat(peak.get()).as("calls in the IVR at the same time").isGreaterThanOrEqualTo(100);
        noLeftovers();
        Set<Long> instances = new HashSet<>();
        for (String callId : callIds) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> stack.bean(InboundCallRecords.class).outcome(callId).isPresent());
            instances.add(stack.processInstanceOf(callId).orElseThrow());
            assertThat(stack.bean(SafePathLog.class).reasonsFor(callId)).as("no caller needed the safe path").isEmpty();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(stack.endedInstances(instances)).as("every instance completed or was ended").containsAll(instances));
    }
}
