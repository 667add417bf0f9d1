package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.ivr.IvrRouting;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.DidTargetType;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a real Chromium: the flow library says where each flow is used (the DIDs pointing at an IVR flow, the campaigns
 * running a journey, the shipped journey's campaigns bound to none marked "by default"), and names the shipped journey
 * in the analyst's language instead of its process id; the editor repeats where the flow is used. French, then English.
 */
class FlowLibraryBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension browserSession = BrowserSessionExtension.checkingCsp();
    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void the_library_names_the_users_of_each_flow_and_the_shipped_journey_in_the_analysts_language() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        FlowService flows = stack.bean(FlowService.class);
        String ivrId = "svi-usage-" + suffix;
        FlowView ivr = flows.create(FlowKind.IVR, "SVI usage " + suffix, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess(ivrId).startEvent().endEvent().done()), null);
        String unusedId = "svi-unused-" + suffix;
        flows.create(FlowKind.IVR, "SVI inutilisé " + suffix, null, Bpmn.convertToString(
                Bpmn.createExecutableProcess(unusedId).startEvent().endEvent().done()), null);
        String journeyId = "journey-usage-" + suffix;
        FlowView journey = flows.create(FlowKind.OUTBOUND_CALL, "Parcours relance " + suffix, null,
                JourneyFlowEndToEndTest.shippedJourneyAs(flows, journeyId), null);
        flows.publish(journey.draftVersionId(), null);

        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk trunk = pbx.createTrunk(TrunkDefinition.of("lib-" + suffix, "sip.library.example"));
        String number = "+3316" + (1000000 + ThreadLocalRandom.current().nextInt(8000000));
        // DIDs are listed by number: the disabled one second
        String disabledNumber = "+3317" + (1000000 + ThreadLocalRandom.current().nextInt(8000000));
        Did welcome = pbx.createDid(DidDefinition.ivr(number, trunk.id(), "Standard " + suffix));
        Did off = pbx.createDid(new DidDefinition(disabledNumber, trunk.id(), null, DidTargetType.IVR,
                PbxConfigService.DEFAULT_IVR_SCRIPT, false));
        stack.bean(IvrRouting.class).assignFlow(welcome.id(), ivr.id());
        stack.bean(IvrRouting.class).assignFlow(off.id(), ivr.id());
        CampaignService campaigns = stack.bean(CampaignService.class);
        long bound = campaigns.create(NewCampaign.withDefaults("Relance " + suffix));
        flows.bindJourney(bound, journey.id());
        campaigns.create(NewCampaign.withDefaults("Promo " + suffix)); // on the shipped journey

        Page page = signIn("pw-library-fr", "fr");
        filter(page, suffix);
        Locator ivrUsage = page.locator("#flow-usage-" + ivrId + ":visible");
        assertThat(ivrUsage).hasText("SDA : " + number + " (Standard " + suffix + "), " + disabledNumber
                + " (désactivée)");
        assertThat(ivrUsage).hasAttribute("data-dids", "2");
        assertThat(page.locator("#flow-usage-" + journeyId + ":visible")).hasText("Campagnes : Relance " + suffix);
        assertThat(page.locator("#flow-usage-" + unusedId + ":visible")).hasText("Non utilisé");

        filter(page, "sortant standard"); // the name shown, not the one stored
        Locator shippedUsage = page.locator("#flow-usage-outbound-call:visible");
        assertThat(shippedUsage).isVisible();
        assertThat(ivrUsage).hasCount(0);
        assertThat(page.locator("#flows-grid vaadin-grid-cell-content:visible")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^Parcours sortant standard$"))))
                .hasCount(1);
        assertThat(page.locator("#flows-grid vaadin-grid-cell-content:visible")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^outbound-call$"))))
                .hasCount(1); // the process id column only
        assertThat(shippedUsage).hasAttribute("title", Pattern.compile("Promo " + suffix + " \\(par défaut\\)"));
        assertThat(shippedUsage).not().hasAttribute("title", Pattern.compile("Relance " + suffix));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/flow-library-usage.png")));

        page.locator("#open-flow-outbound-call:visible").click();
        assertThat(page.locator("#flow-modeler .djs-container")).isVisible();
        assertThat(page.locator("h2").filter(new Locator.FilterOptions().setHasText("Parcours sortant standard")))
                .hasCount(1);
        assertThat(page.locator("#flow-usage")).containsText("Utilisé par : Campagnes : ");
        page.navigate(browserSession.session().base() + "flows/" + ivr.id());
        assertThat(page.locator("#flow-usage")).hasText("Utilisé par : SDA : " + number + " (Standard " + suffix
                + "), " + disabledNumber + " (désactivée)");
        page.context().close();

        Page english = signIn("pw-library-en", "en");
        filter(english, suffix);
        assertThat(english.locator("#flow-usage-" + ivrId + ":visible")).hasText("DIDs: " + number + " (Standard "
                + suffix + "), " + disabledNumber + " (disabled)");
        assertThat(english.locator("#flow-usage-" + unusedId + ":visible")).hasText("Not used");
        filter(english, "standard outbound");
        assertThat(english.locator("#flow-usage-" + ivrId + ":visible")).hasCount(0);
        assertThat(english.locator("#flow-usage-outbound-call:visible")).hasAttribute("title",
                Pattern.compile("Promo " + suffix + " \\(by default\\)"));
        assertThat(english.locator("#flows-grid vaadin-grid-cell-content:visible")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^Standard outbound journey$"))))
                .hasCount(1);
        english.context().close();
    }

    /** Types in the library's filter and waits for the server to have it. */
    private static void filter(Page page, String value) {
        page.waitForRequest(r -> r.url().contains("v-r=uidl") && r.postData() != null
                && r.postData().contains(value), () -> page.locator("#flows-filter input").fill(value)).response();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/flow-library-filter.png")));
    }

    private Page signIn(String username, String language) {
        UserAccountService users = stack.bean(UserAccountService.class);
        if (users.findByUsername(username).isEmpty()) {
            users.create(username, username + "-secret", "Analyste", UserAccount.Role.ANALYST, null, language);
        }
        Page page = browserSession.session().signIn(username, username + "-secret");
        assertThat(page.locator("#flows-grid")).isVisible();
        return page;
    }
}
