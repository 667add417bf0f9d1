package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The campaign editor in a real Chromium at 1366×768: an admin creates a campaign with a planning, an agent group,
 * the predictive mode with answering-machine detection and its measured false-positive rate, and retry delays per
 * outcome, is told which values are invalid, saves, clones it and starts it; the values reload into the form as saved.
 */
class CampaignEditorBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_admin_creates_a_campaign_with_every_setting_sees_an_invalid_value_saves_clones_and_starts_it() {
        String suffix = Long.toHexString(System.nanoTime());
        String name = "Editor campaign " + suffix;
        String planningName = "Editor hours " + suffix;
        String groupName = "Editor team " + suffix;
        stack.bean(UserAccountService.class).create("ce-admin-" + suffix, "ce-admin-password", "Editor Admin",
                UserAccount.Role.ADMIN, null, "en");
        long planning = stack.bean(PlanningService.class).save(new PlanningDefinition(null, planningName,
                "Europe/Paris", "fr", List.of(new PlanningDefinition.Slot(DayOfWeek.MONDAY, LocalTime.of(10, 0),
                LocalTime.of(13, 0))), List.of()));
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft(groupName, null, null)).id();
        CampaignService campaigns = stack.bean(CampaignService.class);

        Page admin = newCampaignForm("ce-admin-" + suffix, "ce-admin-password", "admin", name);
        pick(admin, "#campaign-planning", planningName);
        pick(admin, "#campaign-groups", groupName);
        admin.keyboard().press("Escape"); // closes the multi-select's list, not the dialog
        admin.locator("#campaign-mode").click();
        admin.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Predictive").setExact(true)).click();
        assertThat(admin.locator("#campaign-abandon-target")).isVisible(); // predictive settings appear
        assertThat(admin.locator("#campaign-preview-timeout")).isHidden();
        assertThat(admin.locator("#campaign-amd-false-positive")).isHidden(); // no AMD: nothing to count
        admin.locator("#campaign-amd").click();
        admin.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Detect and hang up").setExact(true))
                .click();
        assertThat(admin.locator("#campaign-amd-false-positive")).isVisible();
        assertThat(admin.locator("#campaign-amd-false-positive")).containsText("abandoned calls"); // its help
        admin.locator("#campaign-amd-false-positive input").fill("150");
        admin.locator("#campaign-abandon-target input").fill("4");
        admin.locator("#campaign-max-lines input").fill("2.5");
        admin.locator("#campaign-retry-busy input").fill("120");
        admin.locator("#campaign-retry-no-answer input").fill("3600");
        admin.locator("#campaign-retry-machine input").fill("7200");
        admin.locator("#campaign-max-attempts input").fill("4");
        admin.locator("#save-campaign").click();
        assertThat(admin.locator("#campaign-abandon-target")).hasAttribute("invalid", "");
        assertThat(admin.locator("#campaign-abandon-target")).containsText("3");
        assertThat(admin.locator("#campaign-amd-false-positive")).hasAttribute("invalid", "");
        assertThat(admin.locator("#campaign-amd-false-positive")).containsText(
                "The AMD false-positive rate must be between 0 and 100 % (not 150)");
        assertThat(campaigns.summaries()).extracting(CampaignSummary::name).doesNotContain(name);
        admin.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/campaign-form-1366.png")));

        admin.locator("#campaign-abandon-target input").fill("2.5");
        admin.locator("#campaign-amd-false-positive input").fill("4.5");
        admin.locator("#save-campaign").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Campaign " + name + " created."))).isVisible();
        long id = idOf(campaigns, name);
        CampaignSettings saved = campaigns.settings(id);
        assertThat(saved.planningId()).isEqualTo(planning);
        assertThat(saved.agentGroupIds()).containsExactly(group);
        assertThat(saved.dialing().mode()).isEqualTo(DialingMode.PREDICTIVE);
        assertThat(saved.dialing().abandonTargetPercent()).isEqualTo(2.5);
        assertThat(saved.dialing().amd()).isEqualTo(com.evscallpro.core.campaign.AmdMode.HANGUP);
        assertThat(saved.dialing().amdFalsePositivePercent()).isEqualTo(4.5);
        assertThat(saved.retryDelays().after("BUSY")).isEqualTo(Duration.ofSeconds(120));
        assertThat(saved.retryDelays().after("NO_ANSWER")).isEqualTo(Duration.ofSeconds(3600));
        assertThat(saved.retryDelays().after("MACHINE")).isEqualTo(Duration.ofSeconds(7200));
        assertThat(saved.retryDelays().after("CONGESTION")).as("left blank: the general delay")
                .isEqualTo(Duration.ofSeconds(600));
        assertThat(saved.maxAttempts()).isEqualTo(4);

        admin.locator("#more-campaign-" + id).click();
        admin.locator("#clone-campaign-" + id).click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Campaign " + name + " (copy) created as a copy"))).isVisible();
        long copy = idOf(campaigns, name + " (copy)");
        assertThat(campaigns.settings(copy).agentGroupIds()).containsExactly(group);
        assertThat(campaigns.settings(copy).retryDelays()).isEqualTo(saved.retryDelays());
        assertThat(campaigns.settings(copy).dialing().amdFalsePositivePercent()).isEqualTo(4.5);

        try {
            admin.locator("#start-campaign-" + id).click();
            assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                    .setHasText("Campaign " + name + " started."))).isVisible();
            assertThat(campaigns.summary(id).status()).isEqualTo(CampaignStatus.RUNNING);

            admin.locator("#edit-campaign-" + id).click();
            assertThat(admin.locator("#campaign-name input")).hasValue(name);
            assertThat(admin.locator("#campaign-planning input")).hasValue(planningName);
            assertThat(admin.locator("#campaign-groups")).containsText(groupName);
            assertThat(admin.locator("#campaign-mode")).containsText("Predictive");
            assertThat(admin.locator("#campaign-abandon-target input")).hasValue("2.5");
            assertThat(admin.locator("#campaign-amd-false-positive input")).hasValue("4.5");
            assertThat(admin.locator("#campaign-retry-busy input")).hasValue("120");
            assertThat(admin.locator("#campaign-retry-no-answer input")).hasValue("3600");
            assertThat(admin.locator("#campaign-retry-congestion input")).hasValue("");
            assertThat(admin.locator("#campaign-max-attempts input")).hasValue("4");
            admin.locator("#cancel-campaign").click();
        } finally { // a campaign left running would hand its contacts to the next tests' agents
            if (campaigns.summary(id).status() == CampaignStatus.RUNNING) {
                campaigns.pause(id);
            }
        }
    }

    @Test
    void on_a_narrow_window_a_supervisor_lists_campaigns_and_moves_a_callback_that_the_agent_sees_in_their_workspace() {
        String suffix = Long.toHexString(System.nanoTime());
        UserAccountService users = stack.bean(UserAccountService.class);
        users.create("ce-super-" + suffix, "ce-super-password", "Editor Supervisor", UserAccount.Role.SUPERVISOR,
                null, "en");
        UserAccount agent = users.create("ce-agent-" + suffix, "ce-agent-password", "Callback Agent " + suffix,
                UserAccount.Role.AGENT, null, "en");
        CampaignService campaigns = stack.bean(CampaignService.class);
        String name = "Callbacks screen " + suffix;
        long campaignId = campaigns.create(com.evscallpro.core.campaign.CampaignEdit.defaults(name));
        stack.bean(com.evscallpro.core.contact.ContactImportService.class).importContacts(campaignId, List.of(
                new com.evscallpro.core.contact.ContactInput("Lea", "Later" + suffix, "+33612000123", Map.of())));
        com.evscallpro.core.contact.ContactLifecycleService contacts =
                stack.bean(com.evscallpro.core.contact.ContactLifecycleService.class);
        long contact = contacts.claimDue(campaignId, 1).getFirst().contactId();
        contacts.scheduleCallback(contact, java.time.Instant.now().minusSeconds(600), null); // overdue, anyone's
        String base = "http://localhost:" + stack.httpPort() + "/";

        Page supervisor = browser.session().browser().newContext(new Browser.NewContextOptions().setViewportSize(420, 800)).newPage();
        supervisor.setDefaultTimeout(30_000);
        login(supervisor, base, "ce-super-" + suffix, "ce-super-password");
        supervisor.navigate(base + "campaigns");
        assertThat(supervisor.locator("#campaigns-grid vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText(name))).isVisible();
        supervisor.navigate(base + "callbacks");
        pick(supervisor, "#callbacks-campaign", name);
        Locator row = supervisor.locator("#callbacks-grid vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText("Lea Later" + suffix));
        assertThat(row).isVisible();
        supervisor.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/callbacks-420.png")));
        // the grid re-renders its rows once the browser's time zone is known: click the row's current button
        for (int tries = 0; tries < 5 && !supervisor.locator("#reassign-agent").isVisible(); tries++) {
            supervisor.locator("#reassign-callback-" + contact).click();
            supervisor.waitForTimeout(1000);
        }
        pick(supervisor, "#reassign-agent", "Callback Agent " + suffix);
        supervisor.locator("#save-reassign").click();
        assertThat(supervisor.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("The callback of Lea Later" + suffix + " goes to Callback Agent " + suffix))).isVisible();
        assertThat(stack.bean(com.evscallpro.core.contact.Callbacks.class).list(
                new com.evscallpro.core.contact.Callbacks.Filter(campaignId, agent.id(), true), 0, 10)).hasSize(1);

        Page agentPage = browser.session().browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
        agentPage.setDefaultTimeout(30_000);
        login(agentPage, base, "ce-agent-" + suffix, "ce-agent-password");
        assertThat(agentPage.locator("#agent-callbacks-summary")).hasText("My callbacks: 1 (1 overdue)");
        agentPage.locator("#agent-callbacks-summary").click();
        assertThat(agentPage.locator("#agent-callbacks-grid vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText("Lea Later" + suffix))).isVisible();
    }

    @Test
    void a_new_campaign_whose_agent_script_was_deleted_meanwhile_is_not_created_at_all() {
        String suffix = Long.toHexString(System.nanoTime());
        String name = "All or nothing " + suffix;
        stack.bean(UserAccountService.class).create("ce-atomic-" + suffix, "ce-atomic-password", "Editor Admin",
                UserAccount.Role.ADMIN, null, "en");
        com.evscallpro.core.script.ScriptService scripts = stack.bean(com.evscallpro.core.script.ScriptService.class);
        String scriptName = "Script gone " + suffix;
        long script = scripts.create(scriptName, null, """
                {"type": "default", "components": [
                  {"type": "textfield", "id": "Field_q", "key": "question", "label": "Question"}]}""", null).id();
        scripts.publish(scripts.latest(script).orElseThrow().id(), null);
        CampaignService campaigns = stack.bean(CampaignService.class);
        Page admin = newCampaignForm("ce-atomic-" + suffix, "ce-atomic-password", "campaigns", name);
        pick(admin, "#campaign-script", scriptName);
        scripts.delete(script); // another admin deletes it before this one saves

        // the campaign row is written, then the script's binding refused: the whole create is undone
        admin.locator("#save-campaign").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("The campaign was not saved"))).isVisible();
        assertThat(admin.locator("#save-campaign")).isVisible(); // the form stays open with what was typed
        assertThat(campaigns.summaries()).extracting(CampaignSummary::name).doesNotContain(name);

        admin.locator("#campaign-script [part~='clear-button']").click();
        admin.locator("#save-campaign").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Campaign " + name + " created."))).isVisible();
        assertThat(campaigns.summaries()).extracting(CampaignSummary::name).containsOnlyOnce(name);
        admin.context().close();
    }

    /** A new 1366×768 page signed in, the new campaign form opened on {@code screen} with {@code name} typed. */
    private Page newCampaignForm(String username, String password, String screen, String name) {
        String base = "http://localhost:" + stack.httpPort() + "/";
        Page page = browser.session().browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))
                .newPage();
        page.setDefaultTimeout(30_000);
        login(page, base, username, password);
        page.navigate(base + screen);
        page.locator("#add-campaign").click();
        page.locator("#campaign-name input").fill(name);
        return page;
    }

    private static void pick(Page page, String comboId, String text) {
        page.locator(comboId + " input").fill(text);
        page.locator("vaadin-combo-box-item, vaadin-multi-select-combo-box-item",
                new Page.LocatorOptions().setHasText(text)).first().click();
    }

    private static long idOf(CampaignService campaigns, String name) {
        return campaigns.summaries().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static void login(Page page, String base, String username, String password) {
        page.navigate(base + "login");
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }
}
