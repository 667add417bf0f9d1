package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The campaign form's "Call journey" in a real Chromium: an admin creates a campaign that runs a published journey
 * flow (stored as the campaign's journey), finds it chosen when editing it again, and sets it back to the shipped
 * journey.
 */
class CampaignJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_admin_points_a_campaign_at_a_journey_flow_and_back_to_the_shipped_one() {
        String suffix = Long.toHexString(System.nanoTime());
        FlowService flows = stack.bean(FlowService.class);
        String journeyName = "Browser journey " + suffix;
        FlowView journey = flows.create(FlowKind.OUTBOUND_CALL, journeyName, null,
                JourneyFlowEndToEndTest.shippedJourneyAs(flows, "journey-ui-" + suffix), null);
        flows.publish(journey.draftVersionId(), null);
        stack.bean(UserAccountService.class).create("cj-admin-" + suffix, "cj-admin-password", "Journey Admin",
                UserAccount.Role.ADMIN, null, "en");
        String base = "http://localhost:" + stack.httpPort() + "/";
        Page admin = browser.session().browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))
                .newPage();
        admin.setDefaultTimeout(30_000);
        admin.navigate(base + "login");
        admin.locator("#vaadinLoginUsername input").fill("cj-admin-" + suffix);
        admin.locator("#vaadinLoginPassword input").fill("cj-admin-password");
        admin.locator("#vaadinLoginPassword input").press("Enter");
        admin.waitForURL(url -> !url.contains("/login"));

        admin.navigate(base + "campaigns");
        admin.locator("#add-campaign").click();
        String name = "Journey campaign " + suffix;
        admin.locator("#campaign-name input").fill(name);
        assertThat(admin.locator("#campaign-journey input")).hasAttribute("placeholder",
                "The shipped journey (outbound-call)");
        admin.locator("#campaign-journey input").fill(journeyName);
        admin.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(journeyName)).first().click();
        admin.locator("#save-campaign").click();
        assertThat(admin.locator("#campaign-form")).isHidden();
        CampaignService campaigns = stack.bean(CampaignService.class);
        long id = await().atMost(Duration.ofSeconds(30)).until(() -> campaigns.summaries().stream()
                .filter(c -> c.name().equals(name)).findFirst(), java.util.Optional::isPresent).orElseThrow().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> flows.journey(id).map(FlowView::id),
                j -> j.equals(java.util.Optional.of(journey.id())));
        assertThat(flows.journeyProcessId(id, "outbound-call")).isEqualTo("journey-ui-" + suffix);

        // found through the name filter, once the server applied it (a grid refresh after the click would lose it)
        admin.waitForRequest(r -> r.url().contains("v-r=uidl") && r.postData() != null
                && r.postData().contains(suffix), () -> admin.locator("#campaigns-filter input").fill(name)).response();
        admin.locator("#edit-campaign-" + id).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setVisible(true)).click();
        assertThat(admin.locator("#campaign-journey input")).hasValue(journeyName + " (journey-ui-" + suffix + ", v1)");
        admin.locator("#campaign-journey [part~='clear-button']").click();
        admin.locator("#save-campaign").click();
        assertThat(admin.locator("#campaign-form")).isHidden();
        await().atMost(Duration.ofSeconds(30)).until(() -> flows.journey(id).isEmpty()); // back to outbound-call
    }
}
