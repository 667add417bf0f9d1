package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowTestEvent;
import com.evscallpro.core.flow.FlowTestEvent.Kind;
import com.evscallpro.core.flow.FlowTestRuns;
import com.evscallpro.core.flow.FlowTestRuns.FlowTestCall;
import com.evscallpro.core.flow.FlowTestRuns.FlowTestRun;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.core.prompt.PromptService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test calls on a draft, on the running application and its real engine (issue 10, item 4): the draft is deployed
 * under a test process id, its blocks run on a simulated channel as the keypad drives them, the path follows the keys
 * pressed (and the no-input branch after the menu's real timeout), the opening-hours block reads the chosen time of
 * day, transfers, voicemails and callbacks are only reported, nothing reaches the call history, the journeys, the
 * voicemails, the contacts or the PBX, what is published stays published, and the test process is gone afterwards.
 */
class FlowTestRunEndToEndTest {

    private static final SandboxTestContext stack = SandboxTestContext.get();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String PROCESS_ID = "test-run-" + SUFFIX;
    private static final String PLANNING = "Test-run office hours " + SUFFIX;
    private static final String PROMPT = "testrun-menu-" + SUFFIX;
    /** Monday 7 December 2026, in the planning's zone (Europe/Paris). */
    private static final LocalDateTime MONDAY_10 = LocalDateTime.of(2026, 12, 7, 10, 0);
    private static final LocalDateTime MONDAY_20 = LocalDateTime.of(2026, 12, 7, 20, 0);
    private static FlowView flow;
    private static long publishedKey;

    private final FlowTestRuns testRuns = stack.bean(FlowTestRuns.class);
    private final FlowService flows = stack.bean(FlowService.class);
    private final JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);

    /**
     * hours → (closed: voicemail, goodbye) / (open: menu → 1 transfer (failed: goodbye), 2 callback then goodbye;
     * silence: goodbye).
     */
    static String draft(String processId) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent("StartEvent")
                .serviceTask("HoursTask", t -> t.name("Office hours")
                        .zeebeJobTypeExpression("\"ivr.hours.\" + evsNode").zeebeInput(PLANNING, "planning"))
                .exclusiveGateway("OpenGateway")
                .condition("=open").serviceTask("MenuTask", t -> t.name("Main menu")
                        .zeebeJobTypeExpression("\"ivr.menu.\" + evsNode").zeebeInput(PROMPT, "prompt")
                        .zeebeInput("1,2", "choices").zeebeInput("1", "timeoutSeconds").zeebeInput("0", "retries"))
                .exclusiveGateway("ChoiceGateway")
                .condition("=menuChoice = \"1\"").serviceTask("TransferTask", t -> t.name("To the office")
                        .zeebeJobTypeExpression("\"ivr.transfer.\" + evsNode").zeebeInput("+33140000000", "number")
                        .zeebeInput("e2e-trunk", "trunk"))
                .endEvent("TransferEnd")
                .moveToActivity("TransferTask").boundaryEvent("TransferFailedEvent").error("IVR_TRANSFER_FAILED")
                .serviceTask("TransferFailedHangupTask", t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode"))
                .endEvent("TransferFailedEnd")
                .moveToNode("ChoiceGateway")
                .condition("=menuChoice = \"2\"").serviceTask("CallbackTask", t -> t.name("Call me back")
                        .zeebeJobTypeExpression("\"ivr.callback.\" + evsNode").zeebeInput("Test-run campaign", "campaign"))
                .serviceTask("CallbackHangupTask", t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode"))
                .endEvent("CallbackEnd")
                .moveToActivity("MenuTask").boundaryEvent("NoInputEvent").error("IVR_NO_INPUT")
                .serviceTask("NoInputHangupTask", t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode"))
                .endEvent("NoInputEnd")
                .moveToNode("OpenGateway")
                .condition("=not(open)").serviceTask("ClosedVoicemailTask", t -> t.name("Leave a message")
                        .zeebeJobTypeExpression("\"ivr.voicemail.\" + evsNode").zeebeInput("Sales", "mailbox"))
                .serviceTask("ClosedHangupTask", t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode"))
                .endEvent("ClosedEnd")
                .done());
    }

    @BeforeAll
    static void a_published_flow_with_a_draft() {
        FlowService flows = stack.bean(FlowService.class);
        List<PlanningDefinition.Slot> weekdays = Arrays.stream(DayOfWeek.values())
                .filter(d -> d.getValue() <= 5)
                .map(d -> new PlanningDefinition.Slot(d, LocalTime.of(9, 0), LocalTime.of(18, 0))).toList();
        stack.bean(PlanningService.class).save(new PlanningDefinition(null, PLANNING, "Europe/Paris", null, weekdays,
                List.of()));
        stack.bean(PromptService.class).create(PROMPT, "Press 1 for the office, 2 to be called back");
        String published = Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS_ID).startEvent()
                .serviceTask("HangupTask", t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode")).endEvent()
                .done());
        FlowView created = flows.create(FlowKind.IVR, "Test run " + SUFFIX, null, published, "v1");
        flows.publish(created.draftVersionId(), "live");
        publishedKey = flows.definitionKey(PROCESS_ID);
        flows.saveDraft(created.id(), draft(PROCESS_ID), "the new menu");
        flow = flows.flow(created.id()).orElseThrow();
    }

    /** A test call from a mobile on a DID at the given time; its events. */
    private Call start(LocalDateTime at) {
        Call call = new Call();
        call.run = testRuns.start(flow.id(), flows.bpmn(flow.draftVersionId()),
                new FlowTestCall("+33612345678", "+33155550000", at, "fr"), call.events::add);
        return call;
    }

    static final class Call {
        final List<FlowTestEvent> events = new CopyOnWriteArrayList<>();
        FlowTestRun run;

        FlowTestEvent await(Kind kind) {
            return Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.stream().filter(e -> e.kind() == kind).findFirst().orElse(null),
                    java.util.Objects::nonNull);
        }

        List<String> blocks() {
            return events.stream().filter(e -> e.kind() == Kind.BLOCK).map(FlowTestEvent::elementId).toList();
        }

        /** Waits for the end and the test deployment's removal; the path drawn at the end. */
        List<String> finished(String reason) {
            FlowTestEvent ended = await(Kind.ENDED);
            assertThat(ended.arg(0)).isEqualTo(reason);
            await(Kind.REMOVED);
            assertThat(events).noneMatch(e -> e.kind() == Kind.REMOVE_FAILED);
            return ended.path();
        }
    }

    @Test
    void pressing_1_in_office_hours_takes_the_transfer_branch_which_is_only_reported() {
        int originates = stack.infrastructure.pbx().originates().size();
        Call call = start(MONDAY_10);
        assertThat(call.run.processId()).startsWith(PROCESS_ID + "-test-").isNotEqualTo(PROCESS_ID);
        FlowTestEvent menu = call.await(Kind.PROMPT);
        assertThat(menu.elementId()).isEqualTo("MenuTask");
        assertThat(menu.args()).containsExactly(PROMPT, "Press 1 for the office, 2 to be called back");
        assertThat(menu.current()).isEqualTo("MenuTask");
        assertThat(menu.path()).containsSubsequence("StartEvent", "HoursTask", "OpenGateway", "MenuTask");
        call.run.press("1");

        List<String> path = call.finished("TRANSFERRED");
        assertThat(call.blocks()).containsExactly("HoursTask", "MenuTask", "TransferTask");
        assertThat(call.events).filteredOn(e -> e.kind() == Kind.OUTCOME).extracting(e -> e.arg(0))
                .containsExactly("OPEN", "1", "SIMULATED");
        assertThat(call.await(Kind.WOULD_TRANSFER).args()).containsExactly("+33140000000", "e2e-trunk", "30");
        assertThat(path).contains("StartEvent", "HoursTask", "OpenGateway", "MenuTask", "ChoiceGateway",
                "TransferTask", "TransferEnd").doesNotContain("CallbackTask", "NoInputEvent", "ClosedVoicemailTask");
        assertThat(stack.infrastructure.pbx().originates()).as("no call placed").hasSize(originates);
        nothingStored(call.run.callId());
        theTestProcessIsGone(call.run.processId());
    }

    @Test
    void a_transfer_the_analyst_makes_busy_fails_into_the_failure_branch_and_nothing_is_dialled() {
        int originates = stack.infrastructure.pbx().originates().size();
        Call call = new Call();
        call.run = testRuns.start(flow.id(), flows.bpmn(flow.draftVersionId()),
                new FlowTestCall("+33612345678", "+33155550000", MONDAY_10, "fr", "BUSY"), call.events::add);
        call.await(Kind.PROMPT);
        call.run.press("1");

        List<String> path = call.finished("FLOW_HUNG_UP");
        assertThat(call.blocks()).containsExactly("HoursTask", "MenuTask", "TransferTask", "TransferFailedHangupTask");
        assertThat(call.await(Kind.WOULD_TRANSFER).args()).containsExactly("+33140000000", "e2e-trunk", "30");
        FlowTestEvent failed = call.await(Kind.ERROR);
        assertThat(failed.elementId()).isEqualTo("TransferTask");
        assertThat(failed.arg(0)).isEqualTo("IVR_TRANSFER_FAILED");
        assertThat(failed.arg(1)).contains("BUSY");
        assertThat(path).contains("TransferTask", "TransferFailedEvent", "TransferFailedHangupTask",
                "TransferFailedEnd").doesNotContain("TransferEnd", "CallbackTask");
        assertThat(stack.infrastructure.pbx().originates()).as("no call placed").hasSize(originates);
        nothingStored(call.run.callId());
        theTestProcessIsGone(call.run.processId());

        assertThatThrownBy(() -> new FlowTestCall(null, null, null, "en", "RINGING"))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("flow.test-run-transfer-status"));
        assertThat(new FlowTestCall(null, null, null, "en").transferStatus()).isEqualTo("ANSWER");
    }

    @Test
    void silence_at_the_menu_takes_the_no_input_branch_after_the_menu_timeout() {
        Call call = start(MONDAY_10);
        FlowTestEvent asked = call.await(Kind.PROMPT);
        FlowTestEvent noInput = call.await(Kind.NO_INPUT);
        assertThat(Duration.between(asked.at(), noInput.at())).as("the menu waited its timeout (1 s)")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(noInput.args()).containsExactly("1");
        assertThat(call.await(Kind.ERROR).args().get(0)).isEqualTo("IVR_NO_INPUT");
        List<String> path = call.finished("FLOW_HUNG_UP");
        assertThat(call.blocks()).containsExactly("HoursTask", "MenuTask", "NoInputHangupTask");
        assertThat(path).contains("MenuTask", "NoInputEvent", "NoInputHangupTask", "NoInputEnd")
                .doesNotContain("ChoiceGateway", "TransferTask");
        nothingStored(call.run.callId());
        theTestProcessIsGone(call.run.processId());
    }

    @Test
    void after_hours_the_caller_reaches_the_voicemail_which_records_nothing() {
        Call call = start(MONDAY_20);
        List<String> path = call.finished("FLOW_HUNG_UP");
        assertThat(call.blocks()).containsExactly("HoursTask", "ClosedVoicemailTask", "ClosedHangupTask");
        assertThat(call.await(Kind.WOULD_RECORD_VOICEMAIL).args()).containsExactly("Sales", "120");
        assertThat(call.events).filteredOn(e -> e.kind() == Kind.PROMPT).extracting(e -> e.arg(0))
                .containsExactly("vm-intro", "vm-goodbye");
        assertThat(path).contains("OpenGateway", "ClosedVoicemailTask", "ClosedHangupTask", "ClosedEnd")
                .doesNotContain("MenuTask");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM voicemail WHERE call_id = ?", Integer.class,
                call.run.callId())).as("no voicemail stored").isZero();
        nothingStored(call.run.callId());
        theTestProcessIsGone(call.run.processId());
    }

    @Test
    void the_callback_is_reported_with_the_callers_number_and_no_contact_is_made() {
        Call call = start(MONDAY_10);
        call.await(Kind.PROMPT);
        call.run.press("2");
        call.finished("FLOW_HUNG_UP");
        assertThat(call.await(Kind.WOULD_CREATE_CALLBACK).args()).containsExactly("Test-run campaign",
                "+33612345678");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact WHERE custom_fields->>'callId' = ?",
                Integer.class, call.run.callId())).as("no callback contact").isZero();
        nothingStored(call.run.callId());
    }

    @Test
    void the_caller_hanging_up_ends_the_test_call_and_removes_the_test_process() {
        Call call = start(MONDAY_10);
        call.await(Kind.PROMPT);
        call.run.hangUp();
        call.finished("CALLER_HUNG_UP");
        assertThat(call.run.isOver()).isTrue();
        theTestProcessIsGone(call.run.processId());
        assertThat(testRuns.running()).isZero();
    }

    @Test
    void a_queue_block_is_looked_up_and_reported_and_nobody_is_queued() {
        String group = "Test-run group " + SUFFIX;
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft(group, null, null), List.of())
                .id();
        stack.bean(QueueAdmin.class).save(QueueDefinition.draft(groupId));
        String processId = "test-run-queue-" + SUFFIX;
        java.util.function.Function<String, String> queueTo = name -> Bpmn.convertToString(
                Bpmn.createExecutableProcess(processId).startEvent("StartEvent")
                        .serviceTask("QueueTask", t -> t.zeebeJobTypeExpression("\"ivr.queue.\" + evsNode")
                                .zeebeInput(name, "queue").zeebeInput("3", "priority"))
                        .endEvent("QueuedEnd").done());
        FlowView queueFlow = flows.create(FlowKind.IVR, "Test run queue " + SUFFIX, null, queueTo.apply(group), null);
        Call call = new Call();
        call.run = testRuns.start(queueFlow.id(), queueTo.apply(group),
                new FlowTestCall("+33612345678", null, null, "en"), call.events::add);
        List<String> path = call.finished("QUEUED");
        assertThat(call.await(Kind.WOULD_QUEUE).args()).containsExactly(group, "3");
        assertThat(path).containsSubsequence("StartEvent", "QueueTask", "QueuedEnd").hasSize(5); // and 2 flows
        assertThat(stack.bean(InboundQueues.class).position(call.run.callId())).as("nobody queued").isEmpty();

        Call unknown = new Call();
        unknown.run = testRuns.start(queueFlow.id(), queueTo.apply("No such group " + SUFFIX),
                new FlowTestCall(null, null, null, "en"), unknown.events::add);
        assertThat(unknown.await(Kind.ERROR).args().get(0)).isEqualTo("IVR_QUEUE_NOT_FOUND");
        unknown.finished("SILENT"); // uncaught: a real caller would go down the safe path after the watchdog
    }

    @Test
    void a_draft_whose_work_would_reach_beyond_the_test_call_is_refused_and_nothing_is_deployed() {
        String dialling = Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS_ID).startEvent()
                .serviceTask("DialTask", t -> t.zeebeJobType("pbx.originate"))
                .serviceTask("LiteralNodeTask", t -> t.zeebeJobType("ivr.play.some-node").zeebeInput("x", "prompt"))
                .endEvent().done());
        assertThatThrownBy(() -> testRuns.start(flow.id(), dialling, new FlowTestCall(null, null, null, "en"),
                e -> { })).isInstanceOfSatisfying(com.evscallpro.core.error.EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("flow.test-run-untestable");
                    assertThat(String.valueOf(e.args().get(0))).contains("DialTask").contains("LiteralNodeTask");
                });
        assertThat(testRuns.running()).isZero();
        assertThatThrownBy(() -> testRuns.start(flow.id(), draft("another-process"),
                new FlowTestCall(null, null, null, "en"), e -> { }))
                .isInstanceOfSatisfying(com.evscallpro.core.error.EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("flow.process-id-changed"));
    }

    private void nothingStored(String callId) {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM call_history WHERE call_id = ?", Integer.class, callId))
                .as("no call history").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM call_journey_step WHERE call_id = ?", Integer.class,
                callId)).as("no journey (heat map)").isZero();
        FlowView now = flows.flow(flow.id()).orElseThrow();
        assertThat(now.publishedVersionId()).as("the published version").isEqualTo(flow.publishedVersionId());
        assertThat(now.draftVersionId()).as("the draft stays a draft").isEqualTo(flow.draftVersionId());
        assertThat(flows.definitionKey(PROCESS_ID)).isEqualTo(publishedKey);
    }

    private void theTestProcessIsGone(String testProcessId) {
        CamundaClient client = stack.bean(CamundaClient.class);
        assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(testProcessId).latestVersion()
                .send().join()).as("the test process is no longer deployed").hasMessageContaining("NOT_FOUND");
    }
}
