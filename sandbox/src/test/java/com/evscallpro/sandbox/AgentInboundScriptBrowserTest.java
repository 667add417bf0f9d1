package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.script.ScriptView;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.PlacedInboundCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.telephony.agi.FastAgiServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An inbound queue's agent script in a real Chromium: an admin chooses a published script in the queue form; a caller
 * comes through an IVR flow to that queue; the agent's inbound screen-pop shows it (form-js viewer) prefilled with the caller's number, the agent
 * answers (kept on the server as typed), the agent's page is closed before the caller hangs up, and the answers
 * still land in the call's record once it is written.
 */
class AgentInboundScriptBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void the_queue_s_script_is_shown_prefilled_for_an_inbound_call_and_its_answers_are_in_the_call_s_record() {
        String suffix = Long.toHexString(System.nanoTime());
        String processId = "ivr-script-" + suffix;
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, "IVR script " + suffix, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess(processId).startEvent()
                        .serviceTask("FileSupportTask", t -> t.zeebeJobTypeExpression("\"ivr.queue.\" + evsNode")
                                .zeebeInput("Support " + suffix, "queue"))
                        .endEvent().done()), "test");
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("sc-" + suffix.substring(suffix.length() - 8),
                "sip.sc.example"));
        String number = "+3314" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        Did did = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "script"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
        UserAccount agent = ApiClient.user(stack, "is-agent-" + suffix, UserAccount.Role.AGENT, "2383");
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Support " + suffix, null, null),
                List.of(agent.id())).id();
        ScriptService scripts = stack.bean(ScriptService.class);
        ScriptView script = scripts.create("Support script " + suffix, null, """
                {"type": "default", "components": [
                  {"type": "textfield", "key": "contact.phone", "label": "Caller number"},
                  {"type": "select", "key": "reason", "label": "Reason",
                   "values": [{"label": "Invoice", "value": "invoice"}, {"label": "Outage", "value": "outage"}]},
                  {"type": "textarea", "key": "notes", "label": "Notes"}]}""", null);
        scripts.publish(scripts.latest(script.id()).orElseThrow().id(), null);
        // an admin creates the queue and chooses its script in the queue form
        ApiClient.user(stack, "is-admin", UserAccount.Role.ADMIN, null);
        Page admin = browser.session().signIn("is-admin", "is-admin-pw");
        admin.locator("#nav-queues").click();
        admin.locator("#add-queue").click();
        admin.locator("#queue-group input").fill("Support " + suffix);
        admin.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("Support " + suffix)).click();
        admin.locator("#queue-script input").click();
        admin.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("Support script " + suffix))
                .click();
        admin.locator("#save-queue").click();
        QueueAdmin queues = stack.bean(QueueAdmin.class);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> queues.queueOfGroup(groupId).isPresent());
        QueueDefinition queue = queues.queueOfGroup(groupId).orElseThrow();
        assertThat(scripts.queueScriptId(queue.id())).contains(script.id());
        flows.publish(flow.draftVersionId(), "test"); // once its queue exists (unknown-reference otherwise)

        Page page = browser.session().signIn("is-agent-" + suffix, "is-agent-" + suffix + "-pw");
        page.navigate(browser.session().base() + "agent");
        page.locator("#ready-button").click();
        assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
        PlacedInboundCall call = stack.infrastructure.pbx().placeInbound(SimAgiCall.toDid(number).script("ivr")
                .scriptParameter("did", number).callerId("+33611229988", "Client")
                .timeScale(0.25).dialOutcome("ANSWER", Duration.ofSeconds(40)).maxDuration(Duration.ofSeconds(90)),
                "127.0.0.1", stack.bean(FastAgiServer.class).port());
        try {
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
            assertThat(page.locator("#inbound-script")).isVisible();
            Locator form = page.locator("#inbound-script-form");
            assertThat(form.locator(".fjs-form-field-textfield input")).hasValue("+33611229988");
            form.locator(".fjs-form-field-textarea textarea").fill("Line down since Monday");
            form.locator(".fjs-form-field-textarea textarea").blur();
            String callId = stack.bean(com.evscallpro.core.agent.AgentService.class).status(agent.id()).callId();
            JdbcClient jdbc = stack.bean(JdbcClient.class);
            // kept on the server as typed (no record yet: the call goes on) ...
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT answers ->> 'notes' FROM script_answer_draft WHERE call_id = ?").param(callId)
                    .query(String.class).optional()).contains("Line down since Monday"));
            // ... so the agent's page may be gone before the call ends: nothing of the page runs at hang-up
            page.close();
            call.hangUp();

            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT script_answers ->> 'notes' FROM call_history WHERE call_id = ?").param(callId)
                    .query(String.class).optional()).contains("Line down since Monday"));
            assertThat(jdbc.sql("SELECT script_answers #>> '{contact,phone}' FROM call_history WHERE call_id = ?")
                    .param(callId).query(String.class).single()).isEqualTo("+33611229988");
            assertThat(jdbc.sql("SELECT count(*) FROM script_answer_draft WHERE call_id = ?").param(callId)
                    .query(Integer.class).single()).as("attached once, the draft gone").isZero();
            assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
        } finally {
            try {
                stack.bean(com.evscallpro.core.agent.AgentService.class).logOut(agent.id()); // takes no later calls
            } catch (RuntimeException alreadyOut) {
                // the closed page may have logged the agent out already
            }
        }
    }
}
