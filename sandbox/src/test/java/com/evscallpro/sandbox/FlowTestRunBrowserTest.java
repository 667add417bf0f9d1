package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowTestRuns;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.prompt.PromptService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a real Chromium, in French: an analyst opens a draft IVR flow, places a test call on it, sees the menu's prompt
 * (with its text, and can hear its recording), the diagram marking the block the call is on and the way it came,
 * presses 1 on the keypad, watches the call take that branch to its end and the test process leave the engine, then
 * publishes the draft; a test call left running when the analyst leaves the page ends.
 */
class FlowTestRunBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension browserSession = BrowserSessionExtension.checkingCsp();
    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_analyst_test_calls_a_draft_with_the_keypad_then_publishes_it() {
        UserAccountService users = stack.bean(UserAccountService.class);
        if (users.findByUsername("pw-analyst").isEmpty()) {
            users.create("pw-analyst", "pw-analyst-secret", "Analyste", UserAccount.Role.ANALYST, null, "fr");
        }
        String suffix = Long.toHexString(System.nanoTime());
        String processId = "svi-test-" + suffix;
        String menuPrompt = "pw-menu-" + suffix;
        String salesPrompt = "pw-sales-" + suffix;
        PromptService prompts = stack.bean(PromptService.class);
        prompts.createWithAudio(menuPrompt, "Tapez 1 pour le service commercial", "fr", "menu.wav",
                TestAudio.tone(440, 8000, 1, 0.5));
        prompts.create(salesPrompt, "Un conseiller commercial va vous répondre");
        String xml = Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent("StartEvent")
                .serviceTask("MenuTask", t -> t.name("Menu").zeebeJobTypeExpression("\"ivr.menu.\" + evsNode")
                        .zeebeInput(menuPrompt, "prompt").zeebeInput("1,2", "choices").zeebeInput("3", "timeoutSeconds"))
                .exclusiveGateway("ChoiceGateway")
                .condition("=menuChoice = \"1\"").serviceTask("SalesTask", t -> t.name("Commercial")
                        .zeebeJobTypeExpression("\"ivr.play.\" + evsNode").zeebeInput(salesPrompt, "prompt"))
                .serviceTask("SalesHangupTask", t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode"))
                .endEvent("SalesEnd")
                .moveToNode("ChoiceGateway")
                .condition("=menuChoice = \"2\"").serviceTask("GoodbyeTask",
                        t -> t.zeebeJobTypeExpression("\"ivr.hangup.\" + evsNode"))
                .endEvent("GoodbyeEnd")
                .done());
        FlowView flow = stack.bean(FlowService.class).create(FlowKind.IVR, "SVI test " + suffix, null, xml, "brouillon");
        assertThat(flow.publishedVersionId()).isNull();

        Page page = browserSession.session().signIn("pw-analyst", "pw-analyst-secret");
        page.navigate(browserSession.session().base() + "flows/" + flow.id());
        assertThat(page.locator("#flow-modeler [data-element-id=MenuTask]")).isVisible();
        page.locator("#flow-test").click();
        page.locator("#test-caller input").fill("+33612345678");
        assertThat(page.locator("#test-key-1")).isDisabled();
        page.locator("#test-start").click();

        Locator log = page.locator("#test-log");
        Locator menu = log.locator("[data-kind=PROMPT][data-element=MenuTask]");
        assertThat(menu).containsText("Joue " + menuPrompt + " : « Tapez 1 pour le service commercial »");
        assertThat(page.locator("#flow-modeler .djs-element.evs-current[data-element-id=MenuTask]")).hasCount(1);
        assertThat(page.locator("#flow-modeler .djs-element.evs-path[data-element-id=StartEvent]")).hasCount(1);
        assertThat(page.locator("#flow-modeler .djs-element.evs-path[data-element-id=ChoiceGateway]")).hasCount(0);
        menu.locator("vaadin-button").click(); // hear the prompt's recording
        assertThat(page.locator("#test-player")).hasAttribute("data-playing", menuPrompt + "/fr");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/flow-test-run-menu.png")));

        page.locator("#test-key-1").click();
        assertThat(log.locator("[data-kind=DIGITS][data-element=MenuTask]")).containsText("Touches reçues : 1");
        assertThat(log.locator("[data-kind=PROMPT][data-element=SalesTask]"))
                .containsText("« Un conseiller commercial va vous répondre »");
        assertThat(log.locator("[data-kind=ENDED]")).containsText("le flux a raccroché");
        Locator removed = log.locator("[data-kind=REMOVED]");
        assertThat(removed).containsText("retiré du moteur");
        for (String id : new String[] {"StartEvent", "MenuTask", "ChoiceGateway", "SalesTask", "SalesHangupTask",
                "SalesEnd"}) {
            assertThat(page.locator("#flow-modeler .djs-element.evs-path[data-element-id=" + id + "]")).hasCount(1);
        }
        assertThat(page.locator("#flow-modeler .djs-element.evs-path[data-element-id=GoodbyeTask]")).hasCount(0);
        assertThat(page.locator("#flow-modeler .djs-element.evs-current")).hasCount(0);
        assertThat(page.locator("#test-start")).isEnabled();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/flow-test-run-done.png")));

        Matcher started = Pattern.compile("(" + Pattern.quote(processId) + "-test-[0-9a-f]{8})")
                .matcher(log.locator("[data-kind=STARTED]").textContent());
        assertThat(started.find()).isTrue();
        assertThatThrownBy(() -> stack.bean(CamundaClient.class).newCreateInstanceCommand()
                .bpmnProcessId(started.group(1)).latestVersion().send().join()).hasMessageContaining("NOT_FOUND");
        assertThat(stack.bean(FlowTestRuns.class).running()).isZero();
        assertThat(stack.bean(FlowService.class).flow(flow.id()).orElseThrow().publishedVersionId())
                .as("a test call publishes nothing").isNull();

        page.locator("#flow-publish").click();
        page.locator("#publish-comment textarea").fill("testé au clavier");
        page.locator("#publish-confirm").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Version v1 publiée"))).isVisible();
        assertThat(stack.bean(FlowService.class).flow(flow.id()).orElseThrow().publishedVersionId()).isNotNull();

        // a test call left running when the analyst leaves the page ends, and its process leaves the engine
        page.locator("#flow-test").click();
        page.locator("#test-start").click();
        assertThat(log.locator("[data-kind=REMOVED]")).hasCount(0); // the log of the new call
        assertThat(log.locator("[data-kind=PROMPT][data-element=MenuTask]")).hasCount(1);
        assertThat(stack.bean(FlowTestRuns.class).running()).isEqualTo(1);
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Tous les flux")).click();
        assertThat(page.locator("#flows-grid")).isVisible();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stack.bean(FlowTestRuns.class).running() == 0);
        page.context().close();
    }
}
