package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.webhook.WebhookEndpoint;
import com.evscallpro.core.webhook.WebhookEventType;
import com.evscallpro.core.webhook.WebhookService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data protection and webhook screens in a real Chromium against the running stack: an admin finds a number
 * across campaigns and erases it (nothing of it left in the tables, a proof listed), and registers a webhook (its
 * secret shown once).
 */
class PrivacyBrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void no_view_broke_the_content_security_policy() {
        assertThat(cspViolations).as("CSP violations").isEmpty();
    }

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
    void an_admin_finds_a_number_across_campaigns_and_erases_it() {
        stack.bean(UserAccountService.class).create("pw-dpo", "pw-dpo-secret", "Dana Privacy",
                UserAccount.Role.ADMIN, null, "en");
        CampaignService campaigns = stack.bean(CampaignService.class);
        long first = stack.withoutCallingRules(campaigns.create(new NewCampaign("Privacy browser A", 1, 60, 20, null)));
        long second = stack.withoutCallingRules(campaigns.create(new NewCampaign("Privacy browser B", 1, 60, 20, null)));
        ContactImportService imports = stack.bean(ContactImportService.class);
        imports.importContacts(first, List.of(new ContactInput("Erin", "Erased", "+33612340099", Map.of()),
                new ContactInput("Kim", "Kept", "+33612340098", Map.of())));
        imports.importContacts(second, List.of(new ContactInput("Erin", "Erased", "0612340099", Map.of())));
        JdbcClient jdbc = stack.bean(JdbcClient.class);
        String base = "http://localhost:" + stack.httpPort() + "/";

        Page admin = browser.newContext().newPage();
        admin.setDefaultTimeout(30_000);
        login(admin, base, "pw-dpo", "pw-dpo-secret");
        admin.locator("#nav-privacy").click();
        admin.locator("#privacy-phone input").fill("06 12 34 00 99");
        admin.locator("#privacy-search").click();
        assertThat(admin.locator("#privacy-summary")).containsText("+33612340099: 2 record(s) found");
        assertThat(admin.locator("#privacy-records-contacts")).containsText("Privacy browser B");

        admin.locator("#privacy-erase").click();
        admin.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Erase")).click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("+33612340099: 2 record(s) erased"))).isVisible();
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE phone_e164 = '+33612340099'").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE phone_e164 = '+33612340098'").query(Long.class)
                .single()).isOne();
        assertThat(admin.locator("#privacy-requests")).containsText("Erasure");
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_request WHERE kind = 'ERASE' AND done->>'contacts' = '2'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void an_admin_registers_a_webhook_and_sees_its_secret_once() {
        stack.bean(UserAccountService.class).create("pw-integrator", "pw-integrator-secret", "Ivo Integrator",
                UserAccount.Role.ADMIN, null, "en");
        String base = "http://localhost:" + stack.httpPort() + "/";
        Page admin = browser.newContext().newPage();
        admin.setDefaultTimeout(30_000);
        login(admin, base, "pw-integrator", "pw-integrator-secret");
        admin.locator("#nav-webhooks").click();
        admin.locator("#webhook-name input").fill("Browser CRM");
        admin.locator("#webhook-url input").fill("ftp://crm.example.com/hook");
        admin.locator("#webhook-events vaadin-checkbox", new Page.LocatorOptions().setHasText("contact.closed"))
                .click();
        admin.locator("#webhook-register").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("is not an http or https address"))).isVisible();
        admin.locator("#webhook-url input").fill("https://crm.example.com/hooks/evs");
        admin.locator("#webhook-register").click();
        assertThat(admin.locator("#webhook-secret")).containsText("whsec_");
        String secret = admin.locator("#webhook-secret").textContent().strip();
        admin.locator("#webhook-secret-close").click();
        assertThat(admin.locator("#webhook-grid")).containsText("Browser CRM");
        assertThat(admin.locator("#webhook-grid")).not().containsText(secret);

        WebhookEndpoint saved = stack.bean(WebhookService.class).endpoints().stream()
                .filter(e -> e.name().equals("Browser CRM")).findFirst().orElseThrow();
        assertThat(saved.url()).isEqualTo("https://crm.example.com/hooks/evs");
        assertThat(saved.events()).containsExactly(WebhookEventType.CONTACT_CLOSED);
        stack.bean(WebhookService.class).delete(saved.id());
    }

    @Test
    void the_screen_pop_opens_the_campaign_crm_link_set_by_an_admin() {
        UserAccountService users = stack.bean(UserAccountService.class);
        users.create("pw-crm-admin", "pw-crm-admin-secret", "Cora Admin", UserAccount.Role.ADMIN, null, "en");
        users.create("pw-crm-agent", "pw-crm-agent-secret", "Carl Crm", UserAccount.Role.AGENT, "2277", "en");
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("CRM browser campaign", 1, 60, 20, "+33170000002")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(new ContactInput("Léa", "Crm",
                SandboxTestContext.ANSWERS_AND_TALKS, Map.of())));
        String base = "http://localhost:" + stack.httpPort() + "/";

        Page admin = browser.newContext().newPage();
        admin.setDefaultTimeout(30_000);
        login(admin, base, "pw-crm-admin", "pw-crm-admin-secret");
        admin.navigate(base + "admin");
        admin.locator("#more-campaign-" + campaignId).click(); // the CRM link is in the row's "more" menu
        admin.locator("#crm-link-" + campaignId).click();
        admin.locator("#crm-link-template input").fill("https://crm.example.com/c?phone={phone}&who={lastName}");
        admin.locator("#crm-link-save").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("CRM link saved")))
                .isVisible();

        Page agentPage = browser.newContext().newPage();
        agentPage.setDefaultTimeout(30_000);
        login(agentPage, base, "pw-crm-agent", "pw-crm-agent-secret");
        agentPage.navigate(base + "agent");
        agentPage.locator("#ready-button").click();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "READY");
        campaigns.start(campaignId);
        try {
            assertThat(agentPage.locator("#screen-pop")).isVisible();
            Locator link = agentPage.locator("#crm-link");
            assertThat(link).isVisible();
            assertThat(link).hasAttribute("href", "https://crm.example.com/c?phone="
                    + SandboxTestContext.ANSWERS_AND_TALKS.replace("+", "%2B") + "&who=Crm");
            assertThat(link).hasAttribute("target", "_blank");
            agentPage.locator("#qualification-select vaadin-radio-button", new Page.LocatorOptions()
                    .setHasText("Sale")).click();
            agentPage.locator("#qualify-hangup-button").click();
            assertThat(agentPage.locator("#screen-pop")).isHidden();
        } finally {
            campaigns.pause(campaignId);
        }
        agentPage.locator("#pause-button").click();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "PAUSED");
    }

    private void login(Page page, String base, String username, String password) {
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(page.url() + ": " + message.text());
            }
        });
        page.navigate(base + "login");
        try {
            page.locator("#vaadinLoginUsername input").fill(username);
        } catch (RuntimeException e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/privacy-login-failure.png")));
            throw e;
        }
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }
}
