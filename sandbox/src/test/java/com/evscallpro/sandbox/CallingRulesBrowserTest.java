package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.rules.CallingRules;
import com.evscallpro.core.rules.CallingRulesAdmin;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The calling rules screen in a real Chromium: an admin picks a campaign and sees its preset and why its contacts
 * were refused, then puts a number on the do-not-call list with a reason and takes it off again.
 */
class CallingRulesBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_admin_reads_a_campaign_refusals_and_edits_the_do_not_call_list() {
        String name = "Rules browser " + UUID.randomUUID().toString().substring(0, 8);
        // a 01 number is not an ARCEP number for automated calls: every contact is refused, at any hour
        long campaignId = stack.bean(CampaignService.class).create(new NewCampaign(name, 3, 60, 20, "+33170000077"));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Paul", "Presented", "+33612990077", Map.of())));
        stack.bean(JdbcTemplate.class).update("UPDATE contact SET existing_contract = true WHERE campaign_id = ?",
                campaignId);
        DialableContact contact = stack.bean(ContactLifecycleService.class).claimDue(campaignId, 1).getFirst();
        assertThat(stack.bean(CallingRules.class).vet(stack.bean(CampaignService.class).settings(campaignId), contact,
                Instant.now()).rule()).isEqualTo("presented-number");
        stack.bean(UserAccountService.class).findByUsername("pw-rules-admin").orElseGet(() -> stack
                .bean(UserAccountService.class).create("pw-rules-admin", "pw-rules-admin-secret", "Rules Admin",
                        UserAccount.Role.ADMIN, null, "en"));

        String base = "http://localhost:" + stack.httpPort() + "/";
        Page page = browser.session().browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
        page.setDefaultTimeout(30_000);
        page.navigate(base + "login");
        page.locator("#vaadinLoginUsername input").fill("pw-rules-admin");
        page.locator("#vaadinLoginPassword input").fill("pw-rules-admin-secret");
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));

        page.navigate(base + "calling-rules");
        assertThat(page.locator("#calling-rules-view")).isVisible();
        page.locator("#rules-campaign input").fill(name);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        assertThat(page.locator("#rules-preset")).containsText("FR");
        assertThat(page.locator("#rules-grid")).containsText("Days and hours");
        assertThat(page.locator("#rules-grid")).containsText("Presented number (ARCEP)");

        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("Refusals")).click();
        assertThat(page.locator("#refusals-grid")).containsText("Presented number (ARCEP)");

        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("Do not call")).click();
        page.locator("#dnc-phone input").fill("06 12 99 00 78");
        page.locator("#dnc-reason input").fill("asked by phone");
        page.locator("#dnc-add").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("added");
        // newest first: the number just added is on the first row
        assertThat(page.locator("#dnc-grid")).containsText("+33612990078");
        assertThat(page.locator("#dnc-grid")).containsText("asked by phone");
        assertThat(stack.bean(CallingRulesAdmin.class).doNotCall("612990078", 0, 5)).hasSize(1);

        page.locator("#dnc-grid vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions()
                .setHasText("+33612990078")).first().click();
        assertThat(page.locator("#dnc-remove")).isEnabled();
        page.locator("#dnc-remove").click();
        page.locator("#rules-reason input").fill("entered by mistake");
        page.locator("#rules-reason-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("removed");
        // the grid keeps the cells of rows it hides: only the visible ones count
        assertThat(page.locator("#dnc-grid vaadin-grid-cell-content:visible")
                .filter(new Locator.FilterOptions().setHasText("+33612990078"))).hasCount(0);
        assertThat(stack.bean(CallingRulesAdmin.class).doNotCall("612990078", 0, 5)).isEmpty();
    }
}
