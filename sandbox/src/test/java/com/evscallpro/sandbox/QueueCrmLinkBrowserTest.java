package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import com.evscallpro.core.queue.QueueStrategy;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.PlacedInboundCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.telephony.agi.FastAgiServer;
import com.microsoft.playwright.Page;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CRM link of a queue, end to end: an admin sets it in the queue's editor (a bad one is refused under the field
 * with its reason), a caller dials a DID whose IVR hands them to that queue through the PBX simulator (real
 * FastAGI), and the agent who takes the call sees the link in the inbound screen-pop, expanded with the caller's
 * number (URL-encoded) and the call's id, opening in a new tab.
 */
class QueueCrmLinkBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension SESSION = BrowserSessionExtension.checkingCsp();
    private final SandboxTestContext stack = SandboxTestContext.get();


    @Test
    void an_inbound_call_from_a_queue_with_a_crm_link_shows_the_link_with_the_callers_number() {
        String suffix = Long.toHexString(System.nanoTime());
        String queueName = "CRM queue " + suffix;
        UserAccount agent = ApiClient.user(stack, "qcrm-agent-" + suffix, UserAccount.Role.AGENT, "2957");
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft(queueName, null, null),
                List.of(agent.id())).id();
        stack.bean(QueueAdmin.class).save(new QueueDefinition(null, groupId, null, QueueStrategy.LONGEST_IDLE, 0,
                null, 1, "default", false, 60, 120, 15, 20, 1, 0));
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, "CRM IVR " + suffix, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess("qcrm-" + suffix).startEvent()
                        .serviceTask("FileCrmTask", t -> t.zeebeJobTypeExpression("\"ivr.queue.\" + evsNode")
                                .zeebeInput(queueName, "queue"))
                        .endEvent().done()), "test");
        flows.publish(flow.draftVersionId(), "test");
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("qcrm-" + suffix.substring(suffix.length() - 8),
                "sip.qcrm.example"));
        String number = "+3314" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        Did did = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "crm link"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());

        // the admin sets the queue's link in its editor
        String admin = "qcrm-admin-" + suffix;
        ApiClient.user(stack, admin, UserAccount.Role.ADMIN, null);
        Page page = SESSION.session().signIn(admin, admin + "-pw");
        page.navigate(SESSION.session().base() + "admin/queues");
        page.locator("#queues-filter input").fill(queueName);
        assertThat(page.locator("#queues-admin-grid")).hasJSProperty("size", 1);
        // the filter's lazy value is sent before the next click and re-renders the rows: a click on a row's button
        // must come after it, or it lands on the button the refresh replaced
        page.waitForTimeout(1500);
        // (the grid may keep a former rendering of the row's buttons in a hidden row)
        page.locator(".edit-queue[data-name=\"" + queueName + "\"] >> visible=true").click();
        page.locator("#queue-crm-link input").fill("https://crm.example.com/c?who={nobody}");
        page.locator("#save-queue").click();
        assertThat(page.locator("#queue-crm-link")).hasAttribute("invalid", "");
        assertThat(page.locator("#queue-crm-link")).containsText("{nobody} is not a known placeholder");
        page.locator("#queue-crm-link input").fill("https://crm.example.com/calls?phone={phone}&call={callId}");
        page.locator("#save-queue").click();
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("Queue saved.")))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(stack.bean(QueueAdmin.class).queueOfGroup(groupId)
                .flatMap(q -> stack.bean(QueueAdmin.class).crmUrlTemplate(q.id())))
                .contains("https://crm.example.com/calls?phone={phone}&call={callId}");

        Page desk = SESSION.session().signIn(agent.username(), agent.username() + "-pw");
        desk.navigate(SESSION.session().base() + "agent");
        desk.locator("#ready-button").click();
        assertThat(desk.locator("#agent-state")).hasAttribute("data-state", "READY");
        PlacedInboundCall call = stack.infrastructure.pbx().placeInbound(SimAgiCall.toDid(number).script("ivr")
                        .scriptParameter("did", number).callerId("+33611229957", "Client").timeScale(0.25)
                        .dialOutcome("ANSWER", Duration.ofSeconds(40)).maxDuration(Duration.ofSeconds(90)),
                "127.0.0.1", stack.bean(FastAgiServer.class).port());
        try {
            assertThat(desk.locator("#agent-state")).hasAttribute("data-state", "ON_CALL");
            assertThat(desk.locator("#inbound-caller")).hasText("+33611229957");
            assertThat(desk.locator("#inbound-crm-link")).isVisible();
            String callId = stack.bean(com.evscallpro.core.agent.AgentService.class).status(agent.id()).callId();
            org.assertj.core.api.Assertions.assertThat(callId).isNotBlank();
            assertThat(desk.locator("#inbound-crm-link")).hasAttribute("href", "https://crm.example.com/calls?phone="
                    + "%2B33611229957&call=" + java.net.URLEncoder.encode(callId, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
            assertThat(desk.locator("#inbound-crm-link")).hasAttribute("target", "_blank");
        } finally {
            call.hangUp();
        }
        assertThat(desk.locator("#inbound-call")).isHidden();
        stack.bean(com.evscallpro.core.agent.AgentService.class).logOut(agent.id()); // takes no later test's calls
    }

    @Test
    void the_queues_api_sets_reads_keeps_refuses_and_removes_the_crm_link() {
        ApiClient api = new ApiClient(stack);
        ApiClient.user(stack, "qcrm-api-admin", UserAccount.Role.ADMIN, null);
        String token = api.accessToken("qcrm-api-admin", "qcrm-api-admin-pw");
        long groupId = api.post("/api/v1/agent-groups", token, ApiClient.map("name", "CRM API " + System.nanoTime()))
                .json().get("id").asLong();
        String template = "https://crm.example.com/c?phone={phone}";
        ApiClient.Response created = api.post("/api/v1/queues", token, ApiClient.map("groupId", groupId,
                "crmUrlTemplate", template));
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/queues/" + id, token).json()
                .get("crmUrlTemplate").asText()).isEqualTo(template);

        // another field changed: the link stays
        String etag = created.headers().firstValue("ETag").orElseThrow();
        ApiClient.Response updated = api.put("/api/v1/queues/" + id, token, ApiClient.map("priority", 12),
                java.util.Map.of("If-Match", etag));
        org.assertj.core.api.Assertions.assertThat(updated.json().get("crmUrlTemplate").asText()).isEqualTo(template);

        // a bad one changes nothing, not even the other fields
        etag = updated.headers().firstValue("ETag").orElseThrow();
        ApiClient.Response refused = api.put("/api/v1/queues/" + id, token, ApiClient.map("priority", 50,
                "crmUrlTemplate", "javascript:alert(1)"), java.util.Map.of("If-Match", etag));
        org.assertj.core.api.Assertions.assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(refused.code()).isEqualTo("crm-link.invalid-url");
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/queues/" + id, token).json().get("priority")
                .asInt()).isEqualTo(12);

        ApiClient.Response removed = api.put("/api/v1/queues/" + id, token, ApiClient.map("crmUrlTemplate", ""),
                java.util.Map.of("If-Match", etag));
        org.assertj.core.api.Assertions.assertThat(removed.json().get("crmUrlTemplate").isNull()).isTrue();
        org.assertj.core.api.Assertions.assertThat(stack.bean(QueueAdmin.class).crmUrlTemplate(id)).isEmpty();
    }
}
