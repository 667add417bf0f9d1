package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import com.evscallpro.core.prompt.PromptService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.simulator.SimAgiCallResult;
import com.evscallpro.telephony.agi.FastAgiServer;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a real Chromium, in French: an analyst (their own role) lands on the flow library, creates an IVR flow from
 * the template, sees it in the BPMN editor (bpmn-js, French panel), adds a block (a task from the palette dropped on
 * a flow, made a "play" block with the template chooser), whose required prompt the check reports on it until the
 * analyst sets it (and its name) in the properties panel; then breaks it (deletes the end event), and the
 * validation points at the block left without a way out (clicking the problem selects it); undone (Ctrl+Z),
 * the autosaved draft validates and is published with a comment; it is exported as a .bpmn file and imported back
 * through the library (a draft, nothing changed in meaning); a simulated inbound call on a DID of that flow then
 * follows it, step by step, as drawn; its path is then drawn on the diagram and the heat map counts it; an
 * administrator's call detail in the call history links to that path.
 */
class FlowEditorBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension browserSession = BrowserSessionExtension.checkingCsp();
    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_analyst_builds_validates_and_publishes_a_flow_that_a_call_then_follows() throws Exception {
        UserAccountService users = stack.bean(UserAccountService.class);
        if (users.findByUsername("pw-analyst").isEmpty()) {
            users.create("pw-analyst", "pw-analyst-secret", "Analyste", UserAccount.Role.ANALYST, null, "fr");
        }
        String suffix = Long.toHexString(System.nanoTime());
        String name = "SVI éditeur " + suffix;
        String processId = "svi-editeur-" + suffix;
        Page page = browserSession.session().signIn("pw-analyst", "pw-analyst-secret");
        assertThat(page.locator("#flows-grid")).isVisible();
        assertThat(page.locator("#nav-flows")).isVisible();
        assertThat(page.locator("#nav-admin")).hasCount(0);
        assertThat(page.locator("#nav-supervision")).hasCount(0);

        String infoPrompt = "pw-info-" + suffix; // a message of the library, for the block the analyst adds
        stack.bean(PromptService.class).create(infoPrompt, "Nos bureaux sont ouverts de 9 h à 18 h");
        page.locator("#new-flow").click();
        page.locator("#new-flow-name input").fill(name);
        assertThat(page.locator("#new-flow-process-id")).containsText(processId);
        page.locator("#new-flow-create").click();
        Locator canvas = page.locator("#flow-modeler .djs-container");
        assertThat(canvas).isVisible();
        assertThat(page.locator("#flow-modeler [data-element-id=Welcome]")).isVisible();
        assertThat(page.locator("#flow-modeler .djs-label").filter(new Locator.FilterOptions().setHasText("Accueil")))
                .isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/flow-editor-new.png")));
        assertThat(page.locator("#flow-modeler .bio-properties-panel-group-header-title")
                .filter(new Locator.FilterOptions().setHasText("Écouteurs d'exécution"))).hasCount(1);
        assertThat(page.locator("#flow-modeler .bjs-powered-by")).isVisible(); // the bpmn.io watermark stays
        FlowView flow = stack.bean(FlowService.class).flowByProcessId(processId).orElseThrow();

        // build: a task from the palette dropped on the flow between the welcome and the goodbye (bpmn-js inserts it
        // there), made one of our blocks with the template chooser (the panel's "Select" of its Template group)
        Locator modeler = page.locator("#flow-modeler");
        String added = null;
        for (int attempt = 1; attempt <= 3 && (added == null || !added.startsWith("Activity_")); attempt++) {
            // a drop that did not take (the palette's drag not started yet on a busy machine: the click then only
            // selects the sequence flow) is made again; nothing was created by it
            page.keyboard().press("Escape");
            added = dropPaletteTaskOn(page, modeler, "Flow_2");
        }
        assertThat(added).startsWith("Activity_");
        Locator panel = modeler.locator(".bio-properties-panel");
        panel.locator(".bio-properties-panel-select-template-button").click();
        modeler.locator(".djs-popup-search input").fill("Jouer un message");
        modeler.locator(".djs-popup-results .entry").filter(new Locator.FilterOptions()
                .setHasText("EVSCallPro SVI : Jouer un message")).first().click();
        assertThat(panel.locator(".bio-properties-panel-header")).containsText("EVSCallPro SVI : Jouer un message");
        // the block's prompt is required and still empty: the check names the new block
        page.locator("#flow-validate").click();
        Locator missing = page.locator("#flow-problems vaadin-button[data-element=" + added
                + "][data-code=required-input]");
        assertThat(missing).isVisible();
        assertThat(modeler.locator(".djs-element.evs-error[data-element-id=" + added + "]")).hasCount(1);
        missing.click();
        assertThat(modeler.locator(".djs-element.selected[data-element-id=" + added + "]")).hasCount(1);
        // its properties set in the panel: the name, and the prompt (a message of the library)
        Locator group = panel.locator(".bio-properties-panel-group-header")
                .filter(new Locator.FilterOptions().setHasText("Bloc SVI"));
        if (!group.getAttribute("class").contains("open")) {
            group.click();
        }
        Locator prompt = panel.getByLabel("Message", new Locator.GetByLabelOptions().setExact(true));
        prompt.fill(infoPrompt);
        prompt.blur();
        Locator blockName = panel.locator("#bio-properties-panel-name");
        if (!blockName.isVisible()) {
            panel.locator(".bio-properties-panel-group-header").filter(new Locator.FilterOptions()
                    .setHasText("Général")).first().click();
        }
        blockName.fill("Horaires");
        blockName.blur();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            String draft = stack.bean(FlowService.class).bpmn(flow.draftVersionId());
            return draft.contains("source=\"" + infoPrompt + "\"") && draft.contains("name=\"Horaires\"");
        });
        page.locator("#flow-validate").click();
        assertThat(missing).hasCount(0);
        assertThat(page.locator("#flow-problems vaadin-button[data-severity=ERROR]")).hasCount(0);
        // (the click on the problem scrolled the canvas to the block: the whole flow in view again)
        page.evaluate("() => document.querySelector('#flow-modeler')._modeler.get('canvas').zoom('fit-viewport')");

        // break it: delete the end event through its context pad, the goodbye block leads nowhere
        page.locator("#flow-modeler [data-element-id=CallEnded]").click();
        page.locator("#flow-modeler .djs-context-pad .entry[data-action=delete]").click();
        assertThat(page.locator("#flow-modeler [data-element-id=CallEnded]")).hasCount(0);
        assertThat(page.locator("#flow-status")).containsText("enregistré");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !stack.bean(FlowService.class)
                .bpmn(flow.draftVersionId()).contains("id=\"CallEnded\""));
        page.locator("#flow-validate").click();
        // the live check names the element as the analyst did, not by its id
        assertThat(page.locator("#flow-modeler .evs-lint-issue[data-element=Goodbye][data-code=dead-end]"))
                .containsText("Au revoir : ");
        Locator deadEnd = page.locator("#flow-problems vaadin-button[data-element=Goodbye][data-code=dead-end]");
        assertThat(deadEnd).containsText("Rien ne suit cet élément");
        assertThat(page.locator("#flow-modeler .djs-element.evs-error[data-element-id=Goodbye]")).hasCount(1);
        page.locator("#flow-modeler [data-element-id=Welcome]").click();
        deadEnd.click();
        assertThat(page.locator("#flow-modeler .djs-element.selected[data-element-id=Goodbye]")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/flow-editor-problems.png")));

        // publishing refuses it
        page.locator("#flow-publish").click();
        page.locator("#publish-comment textarea").fill("première version");
        page.locator("#publish-confirm").click();
        assertThat(page.locator("#publish-confirm")).isHidden(); // refused: the dialog closes, and says why
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("problème(s) à corriger")).last()).isVisible(); // (the validations' may still show)
        assertThat(stack.bean(FlowService.class).flow(flow.id()).orElseThrow().publishedVersionId()).isNull();

        // undo (Ctrl+Z on the canvas, given the focus: the refusals' notifications may still cover its middle)
        page.locator("#flow-modeler .djs-container > svg").first().focus();
        page.keyboard().press("Control+z");
        assertThat(page.locator("#flow-modeler [data-element-id=CallEnded]")).isVisible();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stack.bean(FlowService.class)
                .bpmn(flow.draftVersionId()).contains("id=\"CallEnded\""));
        page.locator("#flow-validate").click();
        // no error left; the template's placeholder prompt (an Asterisk sound, not in the library) is a warning
        assertThat(page.locator("#flow-problems vaadin-button[data-element=Welcome][data-code=prompt-not-in-library]"
                + "[data-severity=WARNING]")).containsText("Avertissement");
        assertThat(page.locator("#flow-problems vaadin-button[data-severity=ERROR]")).hasCount(0);
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Aucun problème bloquant")).last()).isVisible();
        page.locator("#flow-publish").click();
        page.locator("#publish-comment textarea").fill("première version");
        page.locator("#publish-confirm").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Version v1 publiée"))).isVisible();
        page.locator("#flow-tab-versions").click();
        assertThat(page.locator("#flow-versions-grid")).containsText("première version");
        assertThat(page.locator("#flow-versions-grid")).containsText("publiée");
        List<FlowVersionView> versions = stack.bean(FlowService.class).versions(flow.id());
        assertThat(versions.get(0).status()).isEqualTo(FlowVersionView.Status.PUBLISHED);
        assertThat(versions.get(0).publishedBy()).isEqualTo("pw-analyst");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/flow-editor-published.png")));

        // exported as a .bpmn file (what Camunda Modeler opens: the version as stored), then imported back through the
        // library: a draft of the same flow with nothing changed in meaning
        Download exported = page.waitForDownload(() -> page.locator("#export-flow-" + processId).click());
        assertThat(exported.suggestedFilename()).isEqualTo(processId + ".bpmn");
        Path file = Files.createTempDirectory("flow-export").resolve(exported.suggestedFilename());
        exported.saveAs(file); // (the browser's download itself has no name: the upload would refuse its type)
        assertThat(Files.readString(file)).isEqualTo(stack.bean(FlowService.class).bpmn(versions.get(0).id()));
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Tous les flux")).click();
        assertThat(page.locator("#flows-grid")).isVisible();
        page.locator("#import-flow input[type=file]").setInputFiles(file);
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("importé en brouillon v2"))).isVisible();
        FlowView imported = stack.bean(FlowService.class).flow(flow.id()).orElseThrow();
        assertThat(imported.draftVersionId()).isNotNull();
        assertThat(stack.bean(FlowService.class).compare(versions.get(0).id(), imported.draftVersionId())).isEmpty();
        page.context().close();

        // a call on a DID of that flow follows it as drawn
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("editor-" + suffix, "sip.editor.example"));
        String number = "+3318" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        Did did = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "Editor test"));
        stack.bean(IvrRouting.class).assignFlow(did.id(), flow.id());
        try (FastAgiCaller asterisk = new FastAgiCaller("127.0.0.1", stack.bean(FastAgiServer.class).port())) {
            SimAgiCallResult r = asterisk.place(SimAgiCall.toDid(number).script("ivr").scriptParameter("did", number)
                    .callerId("+33612345678", "Caller").timeScale(0.25).maxDuration(Duration.ofSeconds(60)))
                    .await(Duration.ofSeconds(60));
            String callId = r.variables().get("EVS_CALL_ID");
            List<String> path = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stack.bean(
                            CallJourney.class).of(callId).stream().map(s -> s.elementId()).toList(),
                    p -> p.contains("Goodbye"));
            assertThat(path).containsExactly("Welcome", added, "Goodbye");

            // the call's path on the diagram (the call history's link), and the flow's heat map counting it
            Page again = browserSession.session().signIn("pw-analyst", "pw-analyst-secret");
            again.navigate(browserSession.session().base() + "flows/" + flow.id() + "?call=" + callId);
            assertThat(again.locator("#flow-modeler .djs-element.evs-path[data-element-id=Welcome]")).hasCount(1);
            assertThat(again.locator("#flow-modeler .djs-element.evs-path[data-element-id=Flow_1]")).hasCount(1);
            assertThat(again.locator("#flow-modeler .djs-element.evs-path[data-element-id=" + added + "]"))
                    .hasCount(1);
            assertThat(again.locator("#flow-modeler .djs-element.evs-path[data-element-id=CallEnded]")).hasCount(1);
            again.locator("#flow-tab-calls").click();
            assertThat(again.locator("#flow-call-steps")).containsText("Goodbye");
            again.locator("#flow-traffic-period").click();
            again.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("aujourd’hui")).click();
            assertThat(again.locator("#flow-modeler .evs-traffic-badge[data-element=Welcome]"))
                    .hasAttribute("data-calls", "1");
            again.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/flow-editor-path.png")));

            // from the call history: an administrator's call detail links to that path on the diagram
            ApiClient.user(stack, "pw-history-admin", UserAccount.Role.ADMIN, null);
            Page admin = browserSession.session().signIn("pw-history-admin", "pw-history-admin-pw");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stack.bean(
                    com.evscallpro.core.ivr.InboundCallRecords.class).outcome(callId).isPresent());
            admin.navigate(browserSession.session().base() + "history/" + callId);
            Locator pathLink = admin.locator("#history-flow-path");
            assertThat(pathLink).hasAttribute("href", "flows/" + flow.id() + "?call=" + callId);
            pathLink.click();
            assertThat(admin.locator("#flow-modeler .djs-element.evs-path[data-element-id=Welcome]")).hasCount(1);
            assertThat(admin.locator("#flow-modeler .djs-element.evs-path[data-element-id=CallEnded]")).hasCount(1);
            admin.locator("#flow-tab-calls").click();
            assertThat(admin.locator("#flow-call-steps")).containsText("Goodbye");
            admin.context().close();

            // another edit (a new draft), compared with what is published: the change, on its element
            FlowService service = stack.bean(FlowService.class);
            service.saveDraft(flow.id(), service.bpmn(versions.get(0).id()).replace("\"hello-world\"",
                    "\"au-revoir\""), "autre message");
            again.reload();
            again.locator("#flow-tab-versions").click();
            again.locator("#flow-compare").click();
            assertThat(again.locator("#compare-summary")).containsText("1 élément(s) diffèrent");
            assertThat(again.locator("#compare-grid")).containsText("zeebe:input[prompt].source: hello-world → au-revoir");
            assertThat(again.locator("#compare-grid")).containsText("Welcome");
            again.context().close();
        }
    }

    /**
     * Drags the palette's task onto {@code connectionId} as a user would: a click on the palette entry starts bpmn-js's
     * create drag (waited for), the mouse moves to the connection in steps, a click drops it. Answers the id of what is
     * selected afterwards (the new task's when the drop took).
     */
    private static String dropPaletteTaskOn(Page page, Locator modeler, String connectionId) {
        BoundingBox paletteTask = modeler.locator(".djs-palette .entry[data-action='create.task']").boundingBox();
        BoundingBox between = modeler.locator(".djs-connection[data-element-id=" + connectionId + "]").boundingBox();
        page.mouse().click(paletteTask.x + paletteTask.width / 2, paletteTask.y + paletteTask.height / 2);
        try {
            page.waitForFunction("() => document.querySelector('#flow-modeler')._modeler.get('dragging').context()"
                    + " !== null", null,
                    new Page.WaitForFunctionOptions().setTimeout(5_000));
        } catch (com.microsoft.playwright.TimeoutError notStarted) {
            return null;
        }
        for (int i = 1; i <= 10; i++) {
            page.mouse().move(paletteTask.x + (between.x + between.width / 2 - paletteTask.x) * i / 10,
                    paletteTask.y + (between.y + between.height / 2 - paletteTask.y) * i / 10);
            page.waitForTimeout(50);
        }
        page.mouse().click(between.x + between.width / 2, between.y + between.height / 2);
        return (String) page.evaluate("() => { const s = document.querySelector('#flow-modeler')._modeler"
                + ".get('selection').get(); return s.length ? s[0].id : null; }");
    }
}
