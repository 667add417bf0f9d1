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
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.PlacedAgiCall;
import com.evscallpro.simulator.PlacedInboundCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.telephony.agi.FastAgiServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent of a group, ready in a real Chromium, receives an inbound call that went through the IVR: the workspace
 * shows who calls, the queue and wait, and the path the caller took in the IVR; it goes when the call is over. A
 * supervisor sees a caller sitting in an IVR menu counted on the supervision screen, per flow and DID, until they hang
 * up; the call is listed with a link to its path, drawn read-only on the diagram and redrawn live (the menu's step
 * appears without a reload when the caller hangs up there, then the path stops); the supervisor's call detail links
 * to it; an agent is refused the path.
 */
class IvrInboundBrowserTest {

    private static Playwright playwright;
    private static Browser browser;
    private final SandboxTestContext stack = SandboxTestContext.get();

    @BeforeAll
    static void launchBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = AgentAndSupervisorBrowserTest.chromium(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void a_ready_agent_receives_an_inbound_call_with_the_caller_and_the_ivr_path_in_the_screen_pop() {
        String suffix = Long.toHexString(System.nanoTime());
        String processId = "ivr-browser-" + suffix;
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, "IVR browser " + suffix, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess(processId).startEvent()
                        .serviceTask("AccueilTask", t -> t.name("Accueil").zeebeJobTypeExpression("\"ivr.play.\" + evsNode")
                                .zeebeInput("accueil", "prompt"))
                        .serviceTask("MenuPrincipalTask", t -> t.zeebeJobTypeExpression("\"ivr.menu.\" + evsNode")
                                .zeebeInput("menu", "prompt").zeebeInput("1,2", "choices"))
                        .serviceTask("FileVentesTask", t -> t.zeebeJobTypeExpression("\"ivr.queue.\" + evsNode")
                                .zeebeInput("Ventes " + suffix, "queue"))
                        .endEvent().done()), "test");
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("br-" + suffix.substring(suffix.length() - 8), "sip.br.example"));
        String number = "+3313" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        Did did = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "browser"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
        UserAccount agent = stack.bean(UserAccountService.class).create("ib-agent-" + suffix, "ib-agent-password",
                "Inès Inbound", UserAccount.Role.AGENT, "2381", "en");
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Ventes " + suffix, null, null),
                List.of(agent.id())).id();
        stack.bean(QueueAdmin.class).save(new QueueDefinition(null, groupId, null, QueueStrategy.LONGEST_IDLE, 0,
                null, 1, "default", false, 60, 120, 15, 20, 1, 0));
        flows.publish(flow.draftVersionId(), "test"); // once its queue exists (unknown-reference otherwise)
        Page page = signIn("ib-agent-" + suffix, "ib-agent-password", "agent");
        page.locator("#ready-button").click();
        assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY");

        PlacedInboundCall call = stack.infrastructure.pbx().placeInbound(SimAgiCall.toDid(number).script("ivr")
                .scriptParameter("did", number).callerId("+33611223344", "Client").pressDuring(4, "1")
                .timeScale(0.25).dialOutcome("ANSWER", Duration.ofSeconds(40)).maxDuration(Duration.ofSeconds(90)),
                "127.0.0.1", stack.bean(FastAgiServer.class).port());
        assertThat(page.locator("#agent-state")).hasAttribute("data-state", "ON_CALL");
        assertThat(page.locator("#inbound-call")).isVisible();
        assertThat(page.locator("#inbound-caller")).hasText("+33611223344");
        // the analyst's names where there are some, the element's id where not, and the key pressed
        assertThat(page.locator("#inbound-ivr-path")).containsText("Accueil → MenuPrincipalTask (1)");
        assertThat(page.locator("#inbound-queue")).containsText("Ventes " + suffix);
        // who is calling comes before the call's controls, inside the first screen at 1366×768
        assertThat(page.locator("#call-controls")).isVisible();
        // a call that came through the IVR takes both transfers: the attended one (Atxfer on the agent's Dial) is
        // offered as on any call, under its usual label
        assertThat(page.locator("#call-transfer-attended")).not().hasAttribute("disabled", "");
        assertThat(page.locator("#call-transfer-attended")).containsText("Talk to them first");
        assertThat(page.locator("#call-transfer")).isEnabled();
        com.microsoft.playwright.options.BoundingBox who = page.locator("#inbound-call").boundingBox();
        org.assertj.core.api.Assertions.assertThat(who.y)
                .isLessThan(page.locator("#call-controls").boundingBox().y);
        org.assertj.core.api.Assertions.assertThat(who.y + who.height).isLessThan(768);
        call.hangUp();
        assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY");
        assertThat(page.locator("#inbound-call")).isHidden();
        stack.bean(com.evscallpro.core.agent.AgentService.class).logOut(agent.id()); // takes no later test's calls
    }

    @Test
    void a_supervisor_sees_a_caller_in_the_ivr_menu_counted_live_until_they_hang_up() {
        String suffix = Long.toHexString(System.nanoTime());
        String name = "IVR menu browser " + suffix;
        FlowService flows = stack.bean(FlowService.class);
        FlowView flow = flows.create(FlowKind.IVR, name, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess("ivr-menu-browser-" + suffix).startEvent()
                        .serviceTask("AccueilPlay", t -> t.zeebeJobTypeExpression("\"ivr.play.\" + evsNode")
                                .zeebeInput("accueil", "prompt"))
                        .serviceTask("AttenteMenuTask", t -> t.zeebeJobTypeExpression("\"ivr.menu.\" + evsNode")
                                .zeebeInput("menu", "prompt").zeebeInput("1", "choices")
                                .zeebeInput("60", "timeoutSeconds").zeebeInput("2", "retries"))
                        .endEvent().done()), "test");
        flows.publish(flow.draftVersionId(), "test");
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("bm-" + suffix.substring(suffix.length() - 8),
                "sip.bm.example"));
        String number = "+3315" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        Did did = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "browser menu"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
        stack.bean(UserAccountService.class).create("ib-super-" + suffix, "ib-super-password", "Sylvie Superviseure",
                UserAccount.Role.SUPERVISOR, null, "fr");
        Page page = signIn("ib-super-" + suffix, "ib-super-password", "supervision");
        assertThat(page.locator("#ivr-callers-grid")).isVisible();
        assertThat(page.getByText("Appelants dans le SVI (pas encore en file)")).isVisible();

        // the simulator's FastAGI caller: its hang-up reaches the AGI at once, even in the middle of a GET DATA
        try (FastAgiCaller asterisk = new FastAgiCaller("127.0.0.1", stack.bean(FastAgiServer.class).port())) {
            PlacedAgiCall call = asterisk.place(SimAgiCall.toDid(number).script("ivr").scriptParameter("did", number)
                    .callerId("+33611223355", "Client").maxDuration(Duration.ofSeconds(90)));
            String cell = "#ivr-callers-grid [data-flow=\"" + name + "\"][data-figure=\"";
            assertThat(page.locator(cell + "callers\"]")).hasText("1");
            assertThat(page.locator(cell + "dids\"]")).hasText(number + " (1)");
            assertThat(page.locator("#count-ivr")).not().hasText("0");
            int before = Integer.parseInt(page.locator("#count-ivr").textContent().strip());

            // the call in progress, listed with a link to its path drawn live on the diagram (read-only)
            Locator link = page.locator("#ivr-calls-grid a.ivr-call-path[data-did=\"" + number + "\"]");
            assertThat(link).hasText("Parcours sur le schéma");
            String callId = link.getAttribute("data-call");
            assertThat(link).hasAttribute("href", "call-path/" + callId);
            // followed from a second supervision page, in that page (the router's navigation, supervision's poll
            // stopped as it goes); the first stays to watch the counts
            Page path = page.context().newPage();
            path.navigate(base() + "supervision");
            path.locator("#ivr-calls-grid a.ivr-call-path[data-call=\"" + callId + "\"]").click();
            path.waitForURL(url -> url.endsWith("call-path/" + callId));
            String on = "#call-path-modeler .djs-element.evs-path[data-element-id=";
            assertThat(path.locator(on + "AccueilPlay]")).hasCount(1); // the welcome played: its step is written
            assertThat(path.locator(on + "AttenteMenuTask]")).hasCount(0); // the menu still waits for a key
            assertThat(path.locator("#call-path-status")).hasAttribute("data-live", "true");
            assertThat(path.locator("#call-path-flow")).containsText(name);
            assertThat(path.locator("#call-path-modeler .djs-palette")).isHidden(); // no editing tools
            assertThat(path.locator("#call-path-modeler .evs-bpmn-properties")).isHidden();
            path.evaluate("() => { window.evsSamePage = true; }");

            call.hangUp();
            // the flow's row goes (the grid keeps the cell's element, in a hidden row) and the counter drops
            assertThat(page.locator(cell + "callers\"]")).isHidden();
            assertThat(page.locator("#count-ivr")).hasText(String.valueOf(before - 1));
            // the menu's step (the caller hung up there) is drawn without a reload, and the path stops: call ended
            assertThat(path.locator(on + "AttenteMenuTask]")).hasCount(1);
            assertThat(path.locator("#call-path-status")).hasAttribute("data-live", "false");
            org.assertj.core.api.Assertions.assertThat(path.evaluate("() => window.evsSamePage === true"))
                    .as("the path was redrawn in the same page").isEqualTo(true);
            assertThat(path.locator("#call-path-steps")).containsText("AttenteMenuTask");

            // the supervisor's call detail in the history links to the same read-only path
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stack.bean(
                    com.evscallpro.core.ivr.InboundCallRecords.class).outcome(callId).isPresent());
            path.navigate(base() + "history/" + callId);
            assertThat(path.locator("#history-flow-path")).hasAttribute("href", "call-path/" + callId);

            // an agent may not open a call's path
            stack.bean(UserAccountService.class).create("ib-pathagent-" + suffix, "ib-pathagent-password",
                    "Paul Parcours", UserAccount.Role.AGENT, null, "fr");
            Page agent = signIn("ib-pathagent-" + suffix, "ib-pathagent-password", "call-path/" + callId);
            assertThat(agent.locator("#refused-page")).hasAttribute("data-status", "403");
            assertThat(agent.locator("#call-path-view")).hasCount(0);
            agent.context().close();
            page.context().close();
        }
    }

    private String base() {
        return "http://localhost:" + stack.httpPort() + "/";
    }

    /** A new browser context at 1366×768, signed in as {@code username}, on the view {@code route}. */
    private Page signIn(String username, String password, String route) {
        String base = base();
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
        page.setDefaultTimeout(30_000);
        page.navigate(base + "login");
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(base + route);
        return page;
    }
}
