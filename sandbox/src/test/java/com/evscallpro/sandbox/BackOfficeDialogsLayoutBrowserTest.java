package com.evscallpro.sandbox;

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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The back office's dialogs and editor pages, the way {@link BackOfficeLayoutBrowserTest} checks its menu screens,
 * in French (the longer texts) in a real Chromium: each create / edit dialog and form of the entities the back office
 * owns (users, groups, skills, sites, plannings, qualification groups, pause reasons, queues, trunks, DIDs, prompts,
 * scripts, flows, campaigns with the predictive settings shown, and the campaign's sub-dialogs: custom fields, agent
 * script, CRM link; the contacts' recycling) and the editor pages reached from it (campaign
 * contacts, script editor, flow editor) is opened at 1366×768, checked, then the window is narrowed to 800 pixels and
 * it is checked again ({@link LayoutProblems}: nothing out of the window or the dialog, no sideways scrolling, no text
 * cut short, no controls over each other). One browser page, in-app navigation. Fails naming each dialog, size and
 * fault.
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
    void every_back_office_dialog_and_editor_page_fits_in_french_at_1366x768_and_800_pixels_wide() {
        String suffix = Long.toHexString(System.nanoTime());
        String admin = "layout-dialogs-admin";
        UserAccountService users = stack.bean(UserAccountService.class);
        users.findByUsername(admin).orElseGet(() -> users.create(admin, admin + "-pw", "Administratrice mise en page",
                UserAccount.Role.ADMIN, null, "fr"));
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
        Consumer<Page> campaignRow = page -> { // the grid filtered on it: its row is drawn again no more
            Locator filter = page.locator("#campaigns-filter input");
            if (!filter.inputValue().equals(campaignName)) { // a screen shown again keeps its filter
                page.waitForRequest(r -> r.url().contains("v-r=uidl") && r.postData() != null
                        && r.postData().contains(suffix), () -> filter.fill(campaignName));
                settle(page);
            }
        };
        List<Step> steps = List.of(
                new Step("new user", "admin/users", clicks("#add-user")),
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
                new Step("script editor page", "scripts/" + script, page -> { }),
                new Step("flow editor page", "flows/" + flow, page -> { }));

        Page page = SESSION.session().signIn(admin, admin + "-pw");
        page.navigate(SESSION.session().base() + steps.getFirst().path());
        List<String> problems = new ArrayList<>();
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
                    problems.add(size[0] + "×" + size[1] + " " + step.what() + " (/" + step.path() + "): " + p);
                }
            }
            for (int tries = 0; page.locator(OPEN_DIALOG).count() > 0; tries++) {
                assertThat(tries).as(step.what() + ": the dialog closes on Escape").isLessThan(3);
                page.keyboard().press("Escape");
                settle(page);
            }
        }
        page.context().close();
        assertThat(problems).as("layout problems").isEmpty();
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
