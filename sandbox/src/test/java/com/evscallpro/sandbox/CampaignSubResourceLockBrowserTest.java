package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agentdesk.CustomFieldLabels;
import com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignVersionGuard;
import com.evscallpro.core.rules.CallingRulesAdmin;
import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.script.ScriptView;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two admins on one campaign's sub-resources, in a real Chromium and in French: for each screen that edits a part of
 * the campaign (the calling rules' preset, the custom fields, the agent script from the row menu, the campaign form
 * with its script and journey fields), the screen is opened, another admin changes the campaign (through the same
 * {@link CampaignVersionGuard} the REST API uses), and this admin's save is refused with the French
 * {@code campaign.version-mismatch}, the form still open with what was typed and nothing written; after a reload the
 * same save goes through.
 */
class CampaignSubResourceLockBrowserTest {

    /** The French {@code error.campaign.version-mismatch}. */
    private static final String STALE = "Cette campagne a été modifiée entre-temps par quelqu’un d’autre";

    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void a_stale_save_of_each_campaign_sub_resource_is_refused_in_french_and_kept_then_saved_after_a_reload() {
        String suffix = Long.toHexString(System.nanoTime());
        CampaignService campaigns = stack.bean(CampaignService.class);
        String name = "Verrou sous-ressources " + suffix;
        long id = campaigns.create(CampaignEdit.defaults(name));
        String description = campaigns.edit(id).description();
        ScriptService scripts = stack.bean(ScriptService.class);
        String scriptName = "Script verrou " + suffix;
        ScriptView script = scripts.create(scriptName, null, """
                {"type": "default", "components": [
                  {"type": "textfield", "id": "Field_q", "key": "question", "label": "Question"}]}""", null);
        scripts.publish(scripts.latest(script.id()).orElseThrow().id(), null);
        stack.bean(UserAccountService.class).create("cv-admin-" + suffix, "cv-admin-password", "Admin Verrou",
                UserAccount.Role.ADMIN, null, "fr");
        Page page = browser.session().signIn("cv-admin-" + suffix, "cv-admin-password");

        // 1. calling rules: the legal preset
        page.navigate(browser.session().base() + "calling-rules");
        page.locator("#rules-campaign input").fill(name);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        assertThat(page.locator("#rules-preset")).containsText("FR");
        page.locator("#preset-code").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("NONE")).first().click();
        page.locator("#preset-reason input").fill("campagne de test");
        anotherAdminChanges(id, "regles");
        page.locator("#preset-use").click();
        refused(page, "Les règles d'appel n'ont pas pu être modifiées");
        assertThat(page.locator("#preset-reason input")).hasValue("campagne de test");
        assertThat(stack.bean(CallingRulesAdmin.class).campaignRules(id).preset()).isEqualTo("FR");
        page.locator("#rules-reload").click();
        page.locator("#preset-use").click();
        assertThat(notification(page, "Préréglage légal modifié.")).isVisible();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                stack.bean(CallingRulesAdmin.class).campaignRules(id).preset().equals("NONE"));

        // 2. custom fields, from the campaigns screen's row menu
        page.navigate(browser.session().base() + "campaigns");
        page.waitForRequest(r -> r.url().contains("v-r=uidl") && r.postData() != null
                && r.postData().contains(suffix), () -> page.locator("#campaigns-filter input").fill(name)).response();
        openRowMenuEntry(page, id, "#custom-fields-");
        assertThat(page.locator(".custom-field-row")).hasCount(1); // the field the other admin defined in step 1
        page.locator("#custom-fields-add").click();
        assertThat(page.locator(".custom-field-row")).hasCount(2);
        Locator row = page.locator(".custom-field-row").last();
        row.locator(".custom-field-key input").fill("verrou");
        row.locator(".custom-field-label-fr input").fill("Verrou");
        anotherAdminChanges(id, "champs");
        page.locator("#custom-fields-save").click();
        refused(page, "Les champs personnalisés n’ont pas pu être lus ou enregistrés.");
        assertThat(page.locator("#custom-fields-save")).isVisible(); // the dialog is still open
        assertThat(page.locator(".custom-field-row").last().locator(".custom-field-key input")).hasValue("verrou");
        assertThat(keys(id)).containsExactly("champs");
        page.keyboard().press("Escape"); // closing and opening again reloads
        assertThat(page.locator("#custom-fields-dialog")).hasCount(0);
        openRowMenuEntry(page, id, "#custom-fields-");
        assertThat(page.locator(".custom-field-row")).hasCount(1); // "champs", the other admin's, reloaded
        page.locator("#custom-fields-add").click();
        assertThat(page.locator(".custom-field-row")).hasCount(2);
        row = page.locator(".custom-field-row").last();
        row.locator(".custom-field-key input").fill("verrou");
        row.locator(".custom-field-label-fr input").fill("Verrou");
        page.locator("#custom-fields-save").click();
        assertThat(page.locator("#custom-fields-dialog")).hasCount(0);
        assertThat(keys(id)).containsExactly("champs", "verrou");

        // 3. the agent script, from the row menu
        openRowMenuEntry(page, id, "#campaign-script-");
        page.locator("#script-picker input").click();
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(scriptName)).click();
        anotherAdminChanges(id, "script");
        page.locator("#script-picker-save").click();
        refused(page, "Le script n'a pas été enregistré.");
        assertThat(page.locator("#script-picker-save")).isVisible(); // the dialog is still open
        assertThat(page.locator("#script-picker input")).hasValue(scriptName + " · v1");
        assertThat(scripts.campaignScriptId(id)).isEmpty();
        page.keyboard().press("Escape");
        assertThat(page.locator("#script-picker-dialog")).hasCount(0);
        openRowMenuEntry(page, id, "#campaign-script-");
        page.locator("#script-picker input").click();
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(scriptName)).click();
        page.locator("#script-picker-save").click();
        assertThat(page.locator("#script-picker-dialog")).hasCount(0);
        assertThat(scripts.campaignScriptId(id)).contains(script.id());

        // 4. the campaign form: its settings, script and journey are saved as one change, from the opened version
        page.locator("#edit-campaign-" + id).filter(new Locator.FilterOptions().setVisible(true)).click();
        assertThat(page.locator("#campaign-script input")).hasValue(scriptName + " · v1");
        page.locator("#campaign-script [part~='clear-button']").click();
        page.locator("#campaign-description textarea").fill("Modifiée en même temps");
        anotherAdminChanges(id, "formulaire");
        page.locator("#save-campaign").click();
        refused(page, "La campagne n’a pas été enregistrée :");
        assertThat(page.locator("#save-campaign")).isVisible(); // the form is still open
        assertThat(page.locator("#campaign-description textarea")).hasValue("Modifiée en même temps");
        assertThat(campaigns.edit(id).description()).isEqualTo(description);
        assertThat(scripts.campaignScriptId(id)).contains(script.id()); // the binding was not half-written either
        page.locator("#cancel-campaign").click();
        assertThat(page.locator("#campaign-form")).hasCount(0);
        page.locator("#edit-campaign-" + id).filter(new Locator.FilterOptions().setVisible(true)).click();
        page.locator("#campaign-script [part~='clear-button']").click();
        page.locator("#campaign-description textarea").fill("Modifiée après rechargement");
        page.locator("#save-campaign").click();
        assertThat(page.locator("#campaign-form")).hasCount(0);
        assertThat(campaigns.edit(id).description()).isEqualTo("Modifiée après rechargement");
        assertThat(scripts.campaignScriptId(id)).isEmpty();
        assertThat(browser.session().cspViolations).isEmpty();
    }

    /** Another admin changes the campaign's custom fields the way the REST API does (its version checked, +1). */
    private void anotherAdminChanges(long campaignId, String key) {
        CampaignVersionGuard guard = stack.bean(CampaignVersionGuard.class);
        guard.change(campaignId, guard.version(campaignId), () -> {
            stack.bean(CustomFieldLabels.class).define(campaignId, List.of(new FieldLabel(key, "Autre", "Other", 1)));
            return null;
        });
    }

    private List<String> keys(long campaignId) {
        return stack.bean(CustomFieldLabels.class).of(campaignId).stream().map(FieldLabel::key).toList();
    }

    private static void openRowMenuEntry(Page page, long campaignId, String entry) {
        page.locator("#more-campaign-" + campaignId).filter(new Locator.FilterOptions().setVisible(true)).click();
        page.locator(entry + campaignId).click();
    }

    /** The refusal of {@code headline}'s screen says the campaign changed meanwhile, in French. */
    private static void refused(Page page, String headline) {
        assertThat(notification(page, headline).filter(new Locator.FilterOptions().setHasText(STALE))).isVisible();
    }

    private static Locator notification(Page page, String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text));
    }
}
