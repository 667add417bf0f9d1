package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Preview dialing in a real Chromium against the running stack (engine, simulator over AMI): the agent sees the
 * contact and the countdown before anything is dialled, clicks Call, and is connected to the customer.
 */
class PreviewDialingBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);

    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_agent_in_preview_mode_sees_the_contact_and_the_countdown_clicks_call_and_is_connected() {
        CampaignService campaigns = stack.bean(CampaignService.class);
        campaigns.running().forEach(c -> campaigns.pause(c.id())); // only this test's campaign dials
        UserAccount agent = stack.bean(UserAccountService.class).create("pv-agent", "pv-agent-secret",
                "Petra Preview", UserAccount.Role.AGENT, "2202", "en");
        long campaignId = stack.withoutCallingRules(
                campaigns.create(new NewCampaign("Preview browser campaign", 1, 60, 20, "+33170000003")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(new ContactInput("Paul",
                "Aperçu", SandboxTestContext.ANSWERS_AND_TALKS, Map.of("offer", "Fibre"))));
        stack.bean(JdbcClient.class)
                .sql("UPDATE campaign SET dialing_mode = 'PREVIEW', preview_timeout_seconds = 120 WHERE id = ?")
                .param(campaignId).update();
        String base = "http://localhost:" + stack.httpPort() + "/";
        try {
            Page page = browser.session().browser().newContext().newPage();
            page.setDefaultTimeout(30_000);
            page.navigate(base + "login");
            page.locator("#vaadinLoginUsername input").fill("pv-agent");
            page.locator("#vaadinLoginPassword input").fill("pv-agent-secret");
            page.locator("#vaadinLoginPassword input").press("Enter");
            page.waitForURL(url -> !url.contains("/login"));
            page.navigate(base + "agent");
            page.locator("#ready-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            campaigns.start(campaignId);

            // The contact first, reserved for the agent, nothing dialled; the countdown runs.
            assertThat(page.locator("#preview-panel")).isVisible();
            assertThat(page.locator("#preview-name")).hasText("Paul Aperçu");
            assertThat(page.locator("#preview-phone")).hasText(SandboxTestContext.ANSWERS_AND_TALKS);
            assertThat(page.locator("#preview-fields")).containsText("Fibre");
            assertThat(page.locator("#preview-countdown")).containsText("Dialled in");
            int first = Integer.parseInt(page.locator("#preview-countdown").getAttribute("data-seconds"));
            assertThat(first).isBetween(1, 120);
            await().atMost(Duration.ofSeconds(20)).until(() -> Integer.parseInt(
                    page.locator("#preview-countdown").getAttribute("data-seconds")) < first);
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "RESERVED", WAIT);
            assertThat(page.locator("#screen-pop")).isHidden();

            page.locator("#preview-call").click();

            // Dialled now, answered, bridged: the screen-pop of the call and the agent on the call.
            assertThat(page.locator("#preview-panel")).isHidden();
            assertThat(page.locator("#screen-pop")).isVisible();
            assertThat(page.locator("#contact-name")).containsText("Aperçu");
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
        } finally {
            campaigns.pause(campaignId);
            stack.wrapUpCallOf(agent.id(), "preview");
        }
    }
}
