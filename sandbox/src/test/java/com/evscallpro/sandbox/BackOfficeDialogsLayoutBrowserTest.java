package com.evscallpro.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.campaign.AmdMode;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.DialingMode;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.webhook.WebhookEventType;
import com.evscallpro.core.webhook.WebhookService;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The back office's dialogs and editor pages, the way {@link BackOfficeLayoutBrowserTest} checks its menu screens, in a
 * real Chromium, in French first (the longer texts) then in English: each create / edit dialog and form of the entities
 * the back office owns (users with their edit, password reset and delete confirmation, groups, skills, sites,
 * plannings, qualification groups, pause reasons, queues, trunks, DIDs, the PBX configuration's preview and apply
 * confirmation, a calling rule override's removal reason, prompts, scripts, flows, campaigns with the
 * predictive settings shown, and the campaign's sub-dialogs: custom fields, agent script, CRM link; the contacts'
 * recycling and import, a webhook's form) and the editor pages reached from it (campaign contacts, script editor, flow
 * editor) is opened at 1366×768, checked, then the window is narrowed to 800 pixels and it is checked again
 * ({@link LayoutProblems}: nothing out of the window or the dialog, no sideways scrolling, no text cut short, no
 * controls over each other, no squeezed menu, no row action out of its grid's sight). One browser page per language,
 * in-app navigation. Fails naming each language, size, dialog and fault.
 */
class BackOfficeDialogsLayoutBrowserTest {

    private static final int[][] SIZES = {{1366, 768}, {800, 768}};
    private static final String OPEN_DIALOG = "vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]";

    @RegisterExtension
    static final BrowserSessionExtension SESSION = BrowserSessionExtension.checkingCsp();
    private final SandboxTestContext stack = SandboxTestContext.get();

    /** A dialog or an editor page: the screen it is reached from and what opens it there. */
    private record Step(String what, String path, Consumer<Page> open) {
    }

    @Test
    void every_back_office_dialog_and_editor_page_fits_in_french_and_english_at_1366x768_and_800_pixels_wide() {
        String suffix = Long.toHexString(System.nanoTime());
        UserAccountService users = stack.bean(UserAccountService.class);
        Map<String, String> admins = new java.util.LinkedHashMap<>(); // French first: the longer texts
        for (String language : List.of("fr", "en")) {
            String admin = "layout-dialogs-" + language;
            users.findByUsername(admin).orElseGet(() -> users.create(admin, admin + "-pw",
                    "Administratrice mise en page", UserAccount.Role.ADMIN, null, language));
            admins.put(language, admin);
        }
        long userId = users.findByUsername(admins.get("fr")).orElseThrow().id();
        String webhook = "Webhook mise en page " + suffix;
        stack.bean(WebhookService.class).register(webhook, "https://crm.example.com/evs/hooks",
                Set.of(WebhookEventType.CALL_ENDED));
        // a predictive campaign with AMD: its form shows every setting; one contact for the contacts page
        String campaignName = "Mise en page " + suffix;
        long campaign = stack.bean(CampaignService.class).create(new CampaignEdit(campaignName,
                "Renouvellements du premier trimestre", null, 5, 1800, 30, "+33170000009", null, null, null, "FR",
                "FR", DialingMode.PREDICTIVE, 40, 2.0, 2.5, AmdMode.HANGUP, 300, 3600, 7200, 120, true, 600, 90,
                true, Set.of()));
        stack.bean(ContactImportService.class).importContacts(campaign,
                List.of(new ContactInput("Anne", "Mise", "+33612998877", Map.of())));
        ScriptService scripts = stack.bean(ScriptService.class);
        long script = scripts.create("Script mise en page " + suffix, "Questionnaire de satisfaction", """
                {"type": "default", "components": [
                  {"type": "textfield", "id": "Field_q", "key": "question", "label": "Question"}]}""", null).id();
        long flow = stack.bean(FlowService.class).flows().getFirst().id();
        stack.bean(com.evscallpro.core.rules.CallingRulesAdmin.class).override(campaign, "purpose", "prospecting",
                true, "false", "enquête de satisfaction de nos clients");
        Consumer<Page> campaignRow = filtered("#campaigns-filter input", campaignName);
        Consumer<Page> userRow = filtered("#users-filter-text input", admins.get("fr"));
        String userMenu = ".user-actions vaadin-menu-bar-button";
        List<Step> steps = List.of(
                new Step("new user", "admin/users", clicks("#add-user")),
                new Step("user edit", "admin/users", userRow.andThen(clicks(userMenu, "#user-edit-" + userId))),
                new Step("user password reset", "admin/users",
                        userRow.andThen(clicks(userMenu, "#user-reset-" + userId))),
                new Step("user delete confirmation", "admin/users",
                        userRow.andThen(clicks(userMenu, "#user-delete-" + userId))),
                new Step("new group", "admin/groups", clicks("#add-group")),
                new Step("new skill", "admin/skills", clicks("#add-skill")),
                new Step("new site with an AMI server", "admin/sites", clicks("#add-site", "#add-ami-server")),
                new Step("new planning with a slot and an exception", "admin/plannings",
                        clicks("#add-planning", "#add-slot", "#add-exception")),
                new Step("new qualification group with a qualification", "admin/qualifications",
                        clicks("#add-qualification-group", "#add-qualification")),
                new Step("new pause reason", "admin/pause-reasons", clicks("#add-pause-reason")),
                new Step("new queue", "admin/queues", clicks("#add-queue")),
                new Step("new SIP trunk", "admin/pbx", clicks("#add-trunk")),
                new Step("new DID", "admin/pbx", clicks("#add-did")),
                new Step("PBX configuration preview", "admin/pbx", clicks("#preview-config")),
                new Step("PBX configuration apply confirmation", "admin/pbx", clicks("#apply-config")),
                new Step("calling rules: the reason of a removal", "calling-rules", page -> {
                    page.locator("#rules-campaign input").fill(campaignName);
                    page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions()
                            .setHasText(campaignName)).first().click();
                    settle(page);
                    clicks("#overrides-grid vaadin-button").accept(page);
                    page.locator("#rules-reason").waitFor();
                }),
                new Step("new prompt", "admin/prompts", clicks("#add-prompt")),
                new Step("prompt hosts", "admin/prompts", clicks("#prompts-hosts")),
                new Step("new script", "scripts", clicks("#new-script")),
                new Step("new flow", "flows", clicks("#new-flow")),
                new Step("new campaign", "campaigns", clicks("#add-campaign")),
                new Step("campaign form, predictive with AMD", "campaigns", campaignRow.andThen(
                        clicks("#edit-campaign-" + campaign))),
                new Step("campaign custom fields", "campaigns", campaignRow.andThen(
                        clicks("#more-campaign-" + campaign, "#custom-fields-" + campaign, "#custom-fields-add"))),
                new Step("campaign agent script", "campaigns", campaignRow.andThen(
                        clicks("#more-campaign-" + campaign, "#campaign-script-" + campaign))),
                new Step("campaign CRM link", "admin", campaignRow.andThen(
                        clicks("#more-campaign-" + campaign, "#crm-link-" + campaign))),
                new Step("campaign contacts page", "campaigns/" + campaign + "/contacts", page -> { }),
                new Step("contacts recycling", "campaigns/" + campaign + "/contacts", clicks("#contacts-recycle")),
                new Step("contact import (mapping)", "campaigns/" + campaign + "/contacts", page -> {
                    page.locator("#contact-upload input[type=file]").setInputFiles(new FilePayload("contacts.csv",
                            "text/csv", "Prénom;Nom;Téléphone\nAnne;Mise;0612998878\n".getBytes(UTF_8)));
                    page.locator("#import-preview").waitFor();
                }),
                new Step("webhook form", "admin/webhooks", clicks(".edit-webhook[data-name='" + webhook + "']")),
                new Step("script editor page", "scripts/" + script, page -> { }),
                new Step("flow editor page", "flows/" + flow, page -> { }));

        List<String> problems = new ArrayList<>();
        for (var admin : admins.entrySet()) {
            check(admin.getKey(), admin.getValue(), steps, problems);
        }
        assertThat(problems).as("layout problems").isEmpty();
    }

    /** Opens each step's dialog or page as {@code admin} and adds what {@link LayoutProblems} finds there. */
    private static void check(String language, String admin, List<Step> steps, List<String> problems) {
        Page page = SESSION.session().signIn(admin, admin + "-pw");
        page.navigate(SESSION.session().base() + steps.getFirst().path());
        for (Step step : steps) {
            page.setViewportSize(SIZES[0][0], SIZES[0][1]);
            open(page, "/" + step.path());
            page.locator("[id$='-view']").first().waitFor();
            settle(page);
            try {
                step.open().accept(page);
            } catch (com.microsoft.playwright.PlaywrightException e) {
                throw new AssertionError(step.what() + " (/" + step.path() + ") did not open", e);
            }
            settle(page);
            for (int[] size : SIZES) {
                if (size != SIZES[0]) {
                    page.setViewportSize(size[0], size[1]);
                    settle(page);
                }
                for (String p : LayoutProblems.of(page)) {
                    problems.add(language + " " + size[0] + "×" + size[1] + " " + step.what() + " (/" + step.path()
                            + "): " + p);
                }
            }
            for (int tries = 0; page.locator(OPEN_DIALOG).count() > 0; tries++) {
                assertThat(tries).as(step.what() + ": the dialog closes on Escape").isLessThan(3);
                page.keyboard().press("Escape");
                settle(page);
            }
        }
        page.context().close();
    }

    /**
     * Filters a screen's grid on {@code text} and waits for its answer (the rows drawn again: their menus and buttons
     * are then the ones that stay); a screen shown again keeps its filter.
     */
    private static Consumer<Page> filtered(String input, String text) {
        return page -> {
            Locator filter = page.locator(input);
            if (!filter.inputValue().equals(text)) {
                page.waitForRequest(r -> r.url().contains("v-r=uidl") && r.postData() != null
                        && r.postData().contains(text), () -> filter.fill(text));
                settle(page);
            }
        };
    }

    /**
     * Shows the screen at {@code path} as a router link inside the application would
     * ({@link RbacMatrixEndToEndTest#navigateInApp}); when the router lets the click pass (seen now and then just after
     * a dialog closed), by loading the page.
     */
    private static void open(Page page, String path) {
        try {
            page.evaluate("p => { const a = document.createElement('a'); a.href = p; a.setAttribute('router-link', '');"
                    + " document.body.appendChild(a); a.click(); a.remove(); }", path);
            page.waitForFunction("p => location.pathname === p", path, new Page.WaitForFunctionOptions()
                    .setTimeout(5_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            System.out.println("In-app navigation to " + path + " ignored: loading the page");
            page.navigate(SESSION.session().base() + path.substring(1));
        }
        settle(page);
    }

    /** Clicks each element in turn (the first one shown), each click's round trip done before the next. */
    private static Consumer<Page> clicks(String... selectors) {
        return page -> {
            for (String selector : selectors) {
                page.locator(selector).filter(new Locator.FilterOptions().setVisible(true)).first().click();
                settle(page);
            }
        };
    }

    /**
     * Waits until the page is still: no server round trip running, no animation under way (a dialog opening grows),
     * and two frames drawn (the resize observers of form layouts and grids applied).
     */
    private static void settle(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow"
                + " && !Object.values(window.Vaadin.Flow.clients).some(c => c.isActive && c.isActive())"
                + " && document.getAnimations().every(a => a.playState !== 'running'"
                + " || !a.effect || a.effect.getTiming().iterations === Infinity)");
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }
}
