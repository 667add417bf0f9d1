package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignStatus;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.cdr.CallRecord;
import com.evscallpro.core.cdr.CdrDisposition;
import com.evscallpro.core.cdr.CdrService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserCredentials;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's and the supervisor's journeys in a real Chromium (Debian's, headless) against the running stack: the
 * agent logs in, goes ready, receives the answered call with its screen-pop and qualifies it, while a supervisor
 * page opened beforehand follows the agent's state by server push, never reloaded.
 */
class AgentAndSupervisorBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);

    private static Playwright playwright;
    private static Browser browser;

    private final SandboxTestContext stack = SandboxTestContext.get();
    /** Content-Security-Policy violations reported by any page (the views must work under the app's CSP). */
    private final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void no_view_broke_the_content_security_policy() {
        assertThat(cspViolations).as("CSP violations").isEmpty();
    }

    @BeforeAll
    static void launchBrowser() {
        // The first page of a fresh checkout is slower (Vaadin dev mode prepares its frontend files once).
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = chromium(playwright);
    }

    /** Debian's Chromium, headless (shared with the other browser checks). */
    static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("evs.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
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
    void agent_takes_and_qualifies_a_call_while_the_supervisor_watches_live() {
        UserAccountService users = stack.bean(UserAccountService.class);
        UserAccount agent = users.create("pw-agent", "pw-agent-secret", "Paula Browser", UserAccount.Role.AGENT,
                "2201", "en");
        users.create("pw-supervisor", "pw-supervisor-secret", "Sam Supervisor", UserAccount.Role.SUPERVISOR, null,
                "en");
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Browser campaign", 1, 60, 20, "+33170000002")));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(new ContactInput("Zoé", "Écran",
                SandboxTestContext.ANSWERS_AND_TALKS, Map.of("city", "Lyon", "customerId", "C-4242"))));
        String base = "http://localhost:" + stack.httpPort() + "/";

        Page supervisor = browser.newContext().newPage();
        supervisor.setDefaultTimeout(30_000);
        login(supervisor, base, "pw-supervisor", "pw-supervisor-secret");
        supervisor.navigate(base + "supervision");
        assertThat(supervisor.locator("#agents-grid")).isVisible();
        assertThat(supervisor.locator("#pbx-status")).hasAttribute("data-state", "UP", WAIT); // the simulator's AMI
        supervisor.evaluate("() => window.__notReloaded = true");
        Locator agentRow = supervisor.locator("#agents-grid [role=row]", new Page.LocatorOptions()
                .setHasText("Paula Browser"));
        assertThat(agentRow).isVisible();

        Page agentPage = browser.newContext().newPage();
        agentPage.setDefaultTimeout(30_000);
        login(agentPage, base, "pw-agent", "pw-agent-secret");
        agentPage.navigate(base + "admin"); // an agent typing an admin address gets a page in their language
        assertThat(agentPage.locator("#refused-page")).isVisible();
        assertThat(agentPage.locator("#refused-home")).hasText("Back to my workspace");
        agentPage.navigate(base + "agent");
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "OFFLINE", WAIT);

        // The agent goes ready; the supervisor sees it without reloading. Only then does the campaign start: with
        // it running, the dialer reserves a READY agent at once and READY may last less than one push to the board.
        agentPage.locator("#ready-button").click();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
        assertThat(supervisor.locator(".agent-state-badge[data-agent='pw-agent'][data-state='READY']")).hasCount(1);
        // Time in state is counted by the browser (the server re-sends a row only when it changes): mm:ss, moving.
        Locator elapsed = supervisor.locator("#agents-grid .evs-elapsed");
        assertThat(elapsed.first()).hasText(java.util.regex.Pattern.compile("^\\d{2}:\\d{2}$"));
        String before = String.join("|", elapsed.allTextContents());
        supervisor.waitForFunction("b => [...document.querySelectorAll('#agents-grid .evs-elapsed')]"
                + ".map(e => e.textContent).join('|') !== b", before);
        campaigns.start(campaignId);

        // The answered customer is bridged to the agent: screen-pop with the contact and the custom fields.
        assertThat(agentPage.locator("#screen-pop")).isVisible();
        assertThat(agentPage.locator("#contact-name")).containsText("Zoé");
        assertThat(agentPage.locator("#contact-name")).containsText("Écran");
        assertThat(agentPage.locator("#contact-phone")).containsText("6");
        assertThat(agentPage.locator("#custom-fields")).containsText("C-4242");
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
        assertThat(supervisor.locator(".agent-state-badge[data-agent='pw-agent'][data-state='ON_CALL']")).hasCount(1);
        assertThat(supervisor.locator("#count-calls")).hasText("1");
        // the call came onto the calls grid (the whole list sent) and then moved on in its own row (that row only)
        String callId = stack.bean(AgentService.class).status(agent.id()).callId();
        Locator callState = supervisor.locator("#calls-grid .call-state[data-call='" + callId + "']");
        assertThat(callState).hasText("Connected");

        // The customer is still on the line: qualifying alone would hang them up, so it waits; the agent chooses
        // "qualify and hang up" and is READY again.
        assertThat(agentPage.locator("#screen-pop")).hasAttribute("data-customer-on-line", "true", WAIT);
        assertThat(agentPage.locator("#qualify-button")).isDisabled();
        agentPage.locator("#qualification-select vaadin-radio-button", new Page.LocatorOptions().setHasText("Sale"))
                .click();
        agentPage.locator("#comment textarea").fill("Wants fibre in Lyon");
        agentPage.locator("#qualify-hangup-button").click();
        assertThat(agentPage.locator("#screen-pop")).isHidden();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
        assertThat(supervisor.locator(".agent-state-badge[data-agent='pw-agent'][data-state='READY']")).hasCount(1);
        assertThat(supervisor.locator("#count-calls")).hasText("0");
        assertThat(callState).isHidden(); // the grid keeps the row element for reuse, hidden
        agentPage.locator("#pause-button").click();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "PAUSED", WAIT);
        assertThat(supervisor.locator(".agent-state-badge[data-agent='pw-agent'][data-state='PAUSED']")).not().hasCount(0);
        assertThat(supervisor.evaluate("() => window.__notReloaded === true")).isEqualTo(true);

        // The qualification reached the database through the process.
        long contactId = stack.bean(ContactLifecycleService.class).contacts(campaignId, 0, 1).get(0).id();
        CallRecord record = await().atMost(Duration.ofSeconds(20)).until(
                () -> stack.bean(CdrService.class).byContact(contactId).stream().findFirst().orElse(null),
                r -> r != null && r.qualificationCode() != null);
        assertThat(record.disposition()).isEqualTo(CdrDisposition.ANSWERED);
        assertThat(record.qualificationCode()).isEqualTo("SALE");
        assertThat(record.comment()).isEqualTo("Wants fibre in Lyon");
        assertThat(record.agentId()).isEqualTo(agent.id());
        campaigns.pause(campaignId);

        // The agent goes ready and closes the browser without signing out: once the push connection has been gone
        // for about 15 s, the agent is paused as disconnected, so the dialer never reserves them.
        agentPage.locator("#ready-button").click();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
        agentPage.context().close();
        AgentService agents = stack.bean(AgentService.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> agents.status(agent.id()),
                s -> s.state() == AgentState.PAUSED && "disconnected".equals(s.pauseReason()));
        assertThat(supervisor.locator(".agent-state-badge[data-agent='pw-agent'][data-state='PAUSED']")).containsText("Disconnected");
    }

    @Test
    void admin_pauses_and_starts_a_campaign_and_imports_contacts_with_rejected_lines_reported() throws Exception {
        stack.bean(UserAccountService.class).create("pw-admin", "pw-admin-secret", "Ada Admin",
                UserAccount.Role.ADMIN, null, "en");
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Admin campaign", 3, 600, 25, null)));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(
                new ContactInput("Ann", "One", "+33612000101", Map.of()),
                new ContactInput("Ben", "Two", "+33612000102", Map.of())));
        campaigns.start(campaignId);
        try {
            String base = "http://localhost:" + stack.httpPort() + "/";

            Page admin = browser.newContext().newPage();
            admin.setDefaultTimeout(30_000);
            login(admin, base, "pw-admin", "pw-admin-secret");
            admin.navigate(base + "admin");
            Locator row = admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Admin campaign"));
            assertThat(row).isVisible();

            campaignAction(admin, "#pause-campaign-" + campaignId, "Campaign Admin campaign paused.");
            assertThat(status(campaigns, campaignId)).isEqualTo(CampaignStatus.PAUSED);
            assertThat(admin.locator("#pause-campaign-" + campaignId)).isDisabled(); // only what applies is offered
            campaignAction(admin, "#start-campaign-" + campaignId, "Campaign Admin campaign started.");
            assertThat(status(campaigns, campaignId)).isEqualTo(CampaignStatus.RUNNING);
            assertThat(admin.locator("#start-campaign-" + campaignId)).isDisabled();
            campaignAction(admin, "#pause-campaign-" + campaignId, "Campaign Admin campaign paused.");
            assertThat(status(campaigns, campaignId)).isEqualTo(CampaignStatus.PAUSED);

            // CSV import: good rows are stored, the bad one is reported with its line number.
            Path csv = java.nio.file.Files.createTempFile("contacts", ".csv");
            java.nio.file.Files.writeString(csv, "firstName,lastName,phone,city\n"
                    + "Chris,Three,06 12 00 01 03,Nantes\n"
                    + "Dana,Bad,not-a-number,Lille\n"
                    + "Eve,Four,+33612000104,Brest\n");
            admin.locator("#import-campaign").click();
            admin.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Admin campaign").setExact(true)).click();
            assertThat(admin.locator("#import-campaign")).containsText("Admin campaign");
            admin.locator("#contact-upload input[type=file]").setInputFiles(csv);
            admin.locator("#import-start").click(); // the mapping the header suggests
            assertThat(admin.locator("#import-imported")).isVisible(); // the dialog's content (its host has no box)
            assertThat(admin.locator("#import-imported")).hasText("2 contacts imported");
            assertThat(admin.locator("#import-rejected-count")).hasText("1 row rejected"); // not "1 rows"
            assertThat(admin.locator("#import-rejected")).hasText("line 3, column phone: not-a-number is not a valid phone number");
            assertThat(stack.bean(ContactLifecycleService.class).contacts(campaignId, 0, 10)).hasSize(4);
            admin.locator("#import-close").click();
            assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Admin campaign")))
                    .isVisible();
        } finally { // a campaign left running would hand its contacts to the next tests' agents
            if (status(campaigns, campaignId) == CampaignStatus.RUNNING) {
                campaigns.pause(campaignId);
            }
        }
    }

    @Test
    void admin_creates_edits_and_deletes_a_planning_from_the_screens_in_french() {
        stack.bean(UserAccountService.class).create("pw-planner", "pw-planner-secret", "Paul Planning",
                UserAccount.Role.ADMIN, null, "fr");
        String base = "http://localhost:" + stack.httpPort() + "/";
        Page admin = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR")).newPage();
        admin.setDefaultTimeout(30_000);
        login(admin, base, "pw-planner", "pw-planner-secret");
        admin.locator("#nav-plannings").click();
        assertThat(admin.locator("#plannings-view")).isVisible();

        admin.locator("#add-planning").click();
        assertThat(admin.locator(".slot-row")).hasCount(5); // Monday to Friday 9:00-20:00 offered
        admin.locator("#planning-name input").fill("Heures légales");
        // a Saturday slot that ends before it starts: refused with the reason, in French, nothing saved
        admin.locator("#add-slot").click();
        Locator saturday = admin.locator(".slot-row").nth(5);
        saturday.locator(".slot-day").click();
        admin.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("samedi")).click();
        saturday.locator(".slot-start input").fill("12:00");
        saturday.locator(".slot-start input").press("Enter");
        saturday.locator(".slot-end input").fill("10:00");
        saturday.locator(".slot-end input").press("Enter");
        admin.locator("#save-planning").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("La plage du samedi doit finir après son début"))).isVisible();
        PlanningService plannings = stack.bean(PlanningService.class);
        org.assertj.core.api.Assertions.assertThat(plannings.plannings())
                .noneMatch(p -> p.name().equals("Heures légales"));

        saturday.locator(".slot-end input").fill("12:30");
        saturday.locator(".slot-end input").press("Enter");
        saturday.locator(".slot-start input").fill("10:00");
        saturday.locator(".slot-start input").press("Enter");
        admin.locator("#add-exception").click();
        admin.locator(".exception-row .exception-date input").fill("31/12/2026");
        admin.locator(".exception-row .exception-date input").press("Enter");
        admin.locator(".exception-row .exception-label input").fill("Inventaire");
        admin.locator("#save-planning").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Planning enregistré."))).isVisible();
        PlanningDefinition saved = plannings.plannings().stream().filter(p -> p.name().equals("Heures légales"))
                .findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(saved.slots()).hasSize(6)
                .anySatisfy(slot -> {
                    org.assertj.core.api.Assertions.assertThat(slot.day()).isEqualTo(java.time.DayOfWeek.SATURDAY);
                    org.assertj.core.api.Assertions.assertThat(slot.start()).isEqualTo(java.time.LocalTime.of(10, 0));
                    org.assertj.core.api.Assertions.assertThat(slot.end()).isEqualTo(java.time.LocalTime.of(12, 30));
                });
        org.assertj.core.api.Assertions.assertThat(saved.exceptions()).singleElement().satisfies(e -> {
            org.assertj.core.api.Assertions.assertThat(e.date()).isEqualTo(java.time.LocalDate.of(2026, 12, 31));
            org.assertj.core.api.Assertions.assertThat(e.closedAllDay()).isTrue();
            org.assertj.core.api.Assertions.assertThat(e.label()).isEqualTo("Inventaire");
        });
        org.assertj.core.api.Assertions.assertThat(saved.holidays()).isEqualTo("FR");
        Locator row = admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("sam. 10:00–12:30"));
        assertThat(row).isVisible();

        // edit: the form comes back with what was saved; a new name is kept with the rest unchanged
        admin.locator(".edit-planning[data-name='Heures légales']").click();
        assertThat(admin.locator(".slot-row")).hasCount(6);
        assertThat(admin.locator(".exception-row .exception-label input")).hasValue("Inventaire");
        admin.locator("#planning-name input").fill("Heures légales 2027");
        admin.locator("#save-planning").click();
        assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText("Heures légales 2027"))).isVisible();
        PlanningDefinition renamed = plannings.planning(saved.id()).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(renamed.name()).isEqualTo("Heures légales 2027");
        org.assertj.core.api.Assertions.assertThat(renamed.slots()).isEqualTo(saved.slots());
        org.assertj.core.api.Assertions.assertThat(renamed.exceptions()).isEqualTo(saved.exceptions());

        // a delete confirmed after another admin saved the planning is refused: their change is not lost
        admin.locator(".delete-planning[data-name='Heures légales 2027']").click();
        // the confirmation is open (the version it will delete is read then) before the other admin saves
        assertThat(admin.locator("vaadin-confirm-dialog-overlay")).isVisible();
        plannings.save(new PlanningDefinition(saved.id(), "Heures légales 2027 bis", renamed.timeZone(),
                renamed.holidays(), renamed.slots(), renamed.exceptions()), plannings.version(saved.id()));
        admin.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Supprimer")).click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Ce planning a été modifié entre-temps par quelqu’un d’autre"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(plannings.planning(saved.id())).map(PlanningDefinition::name)
                .hasValue("Heures légales 2027 bis");

        admin.locator(".delete-planning[data-name^='Heures légales 2027']").click();
        admin.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Supprimer")).click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Planning Heures légales 2027 bis supprimé."))).isVisible();
        org.assertj.core.api.Assertions.assertThat(plannings.planning(saved.id())).isEmpty();

        // the audit log says who did it, from the screens, and exports it
        admin.locator("#nav-audit").click();
        admin.locator("#audit-actor input").fill("pw-planner");
        admin.locator("#audit-actor input").press("Enter");
        assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Heures légales 2027")))
                .not().hasCount(0);
        com.microsoft.playwright.Download download = admin.waitForDownload(() -> admin.locator("#audit-export vaadin-button").click());
        try {
            String csv = java.nio.file.Files.readString(download.path());
            org.assertj.core.api.Assertions.assertThat(csv).startsWith("at,actor,source,action,entity")
                    .contains("pw-planner").contains("create,planning").contains("update,planning")
                    .contains("delete,planning").doesNotContain("pw-qualifier");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void admin_builds_a_qualification_group_from_the_screens() {
        stack.bean(UserAccountService.class).create("pw-qualifier", "pw-qualifier-secret", "Quentin Qualif",
                UserAccount.Role.ADMIN, null, "en");
        String base = "http://localhost:" + stack.httpPort() + "/";
        Page admin = browser.newContext().newPage();
        admin.setDefaultTimeout(30_000);
        login(admin, base, "pw-qualifier", "pw-qualifier-secret");
        admin.locator("#nav-qualifications").click();
        assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Answering machine")))
                .isVisible(); // the Standard group, in English

        admin.locator("#add-qualification-group").click();
        admin.locator("#qualification-group-name input").fill("Energy");
        Locator first = admin.locator(".qualification-row").nth(0);
        first.locator(".qualification-code input").fill("voicemail");
        first.locator(".qualification-label-fr input").fill("Messagerie");
        first.locator(".qualification-label-en input").fill("Voicemail");
        first.locator(".qualification-final input").uncheck();
        admin.locator("#add-qualification").click();
        Locator second = admin.locator(".qualification-row").nth(1);
        second.locator(".qualification-code input").fill("CONTRACT");
        second.locator(".qualification-label-fr input").fill("Contrat signé");
        second.locator(".qualification-label-en input").fill("Contract signed");
        second.locator(".qualification-category").click();
        admin.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Positive")).click();
        second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move up")).click();
        admin.locator("#save-qualification-group").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Qualification group saved."))).isVisible();

        com.evscallpro.core.qualification.QualificationGroupDefinition energy =
                stack.bean(com.evscallpro.core.qualification.QualificationService.class).groups().stream()
                        .filter(g -> g.name().equals("Energy")).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(energy.qualifications())
                .extracting(q -> q.code() + "/" + q.category() + "/" + q.finalOutcome())
                .containsExactly("CONTRACT/POSITIVE/true", "VOICEMAIL/NEUTRAL/false");

        // a code typed twice is refused with the reason, and the dialog keeps what was typed
        admin.locator(".edit-qualification-group").first().click(); // by name: Energy, then Standard
        admin.locator("#add-qualification").click();
        Locator third = admin.locator(".qualification-row").nth(2);
        third.locator(".qualification-code input").fill("CONTRACT");
        third.locator(".qualification-label-fr input").fill("Encore");
        third.locator(".qualification-label-en input").fill("Again");
        admin.locator("#save-qualification-group").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("The code CONTRACT is used twice."))).isVisible();
        assertThat(admin.locator(".qualification-row")).hasCount(3);
        admin.keyboard().press("Escape");

        // a delete confirmed after another admin saved the group is refused: their change is not lost
        com.evscallpro.core.qualification.QualificationService qualifications =
                stack.bean(com.evscallpro.core.qualification.QualificationService.class);
        admin.locator(".delete-qualification-group[data-name='Energy']").click();
        // the confirmation is open (the version it will delete is read then) before the other admin saves
        assertThat(admin.locator("vaadin-confirm-dialog-overlay")).isVisible();
        qualifications.saveGroup(new com.evscallpro.core.qualification.QualificationGroupDefinition(energy.id(),
                "Energy", energy.qualifications().reversed(), 0), qualifications.groupVersion(energy.id()));
        admin.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("This qualification group was changed by someone else meanwhile"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(qualifications.group(energy.id())).isPresent();
        admin.locator(".delete-qualification-group[data-name='Energy']").click();
        admin.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Group Energy deleted."))).isVisible();
        org.assertj.core.api.Assertions.assertThat(qualifications.group(energy.id())).isEmpty();
    }

    @Test
    void a_pause_reason_an_admin_adds_is_offered_to_agents_and_labelled_in_their_language() {
        UserAccountService users = stack.bean(UserAccountService.class);
        users.create("pw-pauser", "pw-pauser-secret", "Pat Pauses", UserAccount.Role.ADMIN, null, "fr");
        users.create("pw-briefed", "pw-briefed-secret", "Bea Briefed", UserAccount.Role.AGENT, "2231", "en");
        String base = "http://localhost:" + stack.httpPort() + "/";
        Page admin = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR")).newPage();
        admin.setDefaultTimeout(30_000);
        login(admin, base, "pw-pauser", "pw-pauser-secret");
        admin.locator("#nav-pause-reasons").click();
        assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Déjeuner")))
                .isVisible();
        admin.locator("#add-pause-reason").click();
        admin.locator("#pause-reason-code input").fill("disconnected"); // the system's own: refused with the reason
        admin.locator("#pause-reason-fr input").fill("Débranché");
        admin.locator("#pause-reason-en input").fill("Unplugged");
        admin.locator("#save-pause-reason").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("est un motif que le système pose lui-même"))).isVisible();
        admin.locator("#pause-reason-code input").fill("team-brief");
        admin.locator("#pause-reason-fr input").fill("Brief d’équipe");
        admin.locator("#pause-reason-en input").fill("Team brief");
        admin.locator("#pause-reason-position input").fill("3");
        admin.locator("#save-pause-reason").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Motif de pause enregistré."))).isVisible();

        // two admins do not overwrite each other: adding the same code again is refused, and an edit opened before
        // another admin's save is refused with the reason; the stored labels stay the other admin's
        com.evscallpro.core.agent.PauseReasonCatalog catalog =
                stack.bean(com.evscallpro.core.agent.PauseReasonCatalog.class);
        admin.locator("#add-pause-reason").click();
        admin.locator("#pause-reason-code input").fill("team-brief");
        admin.locator("#pause-reason-fr input").fill("Autre chose");
        admin.locator("#pause-reason-en input").fill("Something else");
        admin.locator("#save-pause-reason").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Le motif de pause team-brief existe déjà"))).isVisible();
        admin.locator("#cancel-pause-reason").click();
        admin.locator(".edit-pause-reason[data-code='team-brief']").click();
        assertThat(admin.locator("#pause-reason-fr input")).hasValue("Brief d’équipe");
        catalog.save(new com.evscallpro.core.agent.PauseReasonChoice("team-brief", "Brief de l’équipe",
                "Team brief", 3, true), catalog.version("team-brief"));
        admin.locator("#pause-reason-fr input").fill("Réunion");
        admin.locator("#save-pause-reason").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Ce motif de pause a été modifié entre-temps par quelqu’un d’autre"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(catalog.find("team-brief").orElseThrow().labelFr())
                .isEqualTo("Brief de l’équipe");
        admin.locator("#cancel-pause-reason").click();

        Page agentPage = browser.newContext().newPage();
        agentPage.setDefaultTimeout(30_000);
        login(agentPage, base, "pw-briefed", "pw-briefed-secret");
        agentPage.locator("#pause-reason").click();
        agentPage.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Team brief")).click();
        agentPage.locator("#pause-button").click();
        assertThat(agentPage.locator("#agent-state")).hasAttribute("data-state", "PAUSED", WAIT);
        assertThat(agentPage.locator("#agent-pause-reason")).hasText("Team brief");
        org.assertj.core.api.Assertions.assertThat(stack.bean(com.evscallpro.core.agent.AgentService.class)
                .status(users.findByUsername("pw-briefed").orElseThrow().id()).pauseReason()).isEqualTo("team-brief");
    }

    /** Clicks a row action and waits for its notification, so the next click hits the refreshed grid. */
    private static void campaignAction(Page page, String button, String notification) {
        page.locator(button).click();
        Locator toast = page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText(notification));
        assertThat(toast).isVisible();
        toast.evaluate("card => card.remove()");
    }

    private static CampaignStatus status(CampaignService campaigns, long campaignId) {
        return campaigns.summaries().stream().filter(c -> c.id() == campaignId).findFirst().orElseThrow().status();
    }

    @Test
    void an_admin_who_owes_a_password_change_goes_nowhere_else_until_it_is_done() {
        UserAccount admin = stack.bean(UserAccountService.class).create("pw-first-admin", "first-admin-pass",
                "First Admin", UserAccount.Role.ADMIN, null, "en");
        stack.bean(UserCredentials.class).requirePasswordChange(admin.id());
        String base = "http://localhost:" + stack.httpPort() + "/";
        Page page = browser.newContext().newPage();
        page.setDefaultTimeout(30_000);

        login(page, base, "pw-first-admin", "first-admin-pass");
        page.waitForURL(url -> url.endsWith("/change-password"));
        page.navigate(base + "admin");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/change-password$"));
        assertThat(page.locator("#change-password-view")).isVisible();
        assertThat(page.locator("#admin-view")).hasCount(0);

        page.locator("#current-password input").fill("first-admin-pass");
        page.locator("#new-password input").fill("pw-first-admin");
        page.locator("#confirm-password input").fill("pw-first-admin");
        page.locator("#change-password").click();
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("The new password cannot be your user name."))).isVisible();
        assertThat(stack.bean(UserCredentials.class).state(admin.id()).mustChangePassword()).isTrue();

        page.locator("#new-password input").fill("a-much-better-one");
        page.locator("#confirm-password input").fill("a-much-better-one");
        page.locator("#change-password").click();
        assertThat(page.locator("#admin-view")).isVisible();
        assertThat(stack.bean(UserCredentials.class).state(admin.id()).mustChangePassword()).isFalse();
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
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/login-failure.png")));
            try {
                java.nio.file.Files.writeString(Path.of("target/login-failure.html"), page.content());
            } catch (java.io.IOException io) {
                e.addSuppressed(io);
            }
            throw e;
        }
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }
}
