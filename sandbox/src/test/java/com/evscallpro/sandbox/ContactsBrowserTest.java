package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactDirectory;
import com.evscallpro.core.contact.ContactEntry;
import com.evscallpro.core.contact.ContactQuery;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contact import and list in a real Chromium: an admin opens a campaign's contact list from the campaigns grid,
 * uploads a CSV larger than the 2 MB that used to be refused, maps a column, watches the progress bar reach its end,
 * reads the rejected lines with their line numbers, downloads the report, and finds the contacts in the list, where
 * the search narrows them down.
 */
class ContactsBrowserTest {

    private static final int ROWS = 45_000;
    private static Playwright playwright;
    private static Browser browser;

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

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

    @AfterEach
    void no_view_broke_the_content_security_policy() {
        assertThat(cspViolations).as("CSP violations").isEmpty();
    }

    @Test
    void admin_imports_a_large_csv_with_a_mapping_follows_the_progress_gets_the_report_and_searches_the_list()
            throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        stack.bean(UserAccountService.class).create("cb-admin-" + suffix, "cb-admin-password", "Contacts Admin",
                UserAccount.Role.ADMIN, null, "en");
        long campaignId = stack.bean(CampaignService.class).create(NewCampaign.withDefaults("Import UI " + suffix));
        Path csv = Files.createTempFile("contacts", ".csv");
        StringBuilder text = new StringBuilder("Prénom;Nom;Téléphone;Dossier;Interne\n");
        for (int i = 0; i < ROWS; i++) {
            String phone = i == 5 ? "12ab" : i == 8 ? "06 40 00 00 01" : String.format("06 4%d %02d %02d %02d",
                    i / 1_000_000 % 10, i / 10_000 % 100, i / 100 % 100, i % 100);
            text.append("Prénom").append(i).append(';').append(i == 2 ? "Zyxwvu" : "Nom" + i).append(';').append(phone)
                    .append(";D-").append(i).append(";secret interne ").append(i).append('\n');
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        assertThat(Files.size(csv)).isGreaterThan(2L * 1024 * 1024);
        String base = "http://localhost:" + stack.httpPort() + "/";

        Page admin = page();
        login(admin, base, "cb-admin-" + suffix, "cb-admin-password");
        admin.navigate(base + "admin");
        admin.locator("#contacts-" + campaignId).click();
        assertThat(admin.locator("#contacts-title")).hasText("Contacts of Import UI " + suffix);
        assertThat(admin.locator("#contact-count")).hasText("No contact");

        admin.locator("#contact-upload input[type=file]").setInputFiles(csv);
        assertThat(admin.locator("#import-preview")).isVisible();
        assertThat(admin.locator("#import-delimiter")).containsText("Semicolon");
        admin.locator(".import-target[data-header='Interne']").click();
        admin.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Ignore").setExact(true)).click();
        admin.locator("#import-start").click();

        assertThat(admin.locator("#import-progress")).hasAttribute("data-state", "DONE",
                new LocatorAssertions.HasAttributeOptions().setTimeout(180_000));
        assertThat(admin.locator("#import-progress")).hasAttribute("data-percent", "100");
        assertThat(admin.locator("#import-figures")).hasText(ROWS + " rows read · " + (ROWS - 2) + " imported · 2 rejected");
        assertThat(admin.locator("#import-imported")).hasText((ROWS - 2) + " contacts imported");
        assertThat(admin.locator("#import-duplicates")).hasText("1 duplicate skipped (1 in the file, 0 already in the campaign)");
        assertThat(admin.locator("#import-rejected li")).hasText(new String[] {
            "line 7, column Téléphone: 12ab is not a valid phone number",
            "line 10, column Téléphone: duplicate of line 3"});

        Download download = admin.waitForDownload(() -> admin.locator("#import-report").click());
        String report = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(report).contains("line,column,code,reason,value")
                .contains("7,Téléphone,import.not-a-phone,12ab is not a valid phone number,12ab")
                .contains("10,Téléphone,import.duplicate,duplicate of line 3,06 40 00 00 01");
        admin.locator("#import-close").click();

        assertThat(admin.locator("#contact-count")).hasText((ROWS - 2) + " contacts");
        admin.locator("#contact-search input").fill("Zyxwvu");
        assertThat(admin.locator("#contact-count")).hasText("1 contact");
        assertThat(admin.locator("#contacts-grid vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText("Zyxwvu")).first()).isVisible();
        admin.locator("#contact-search input").fill("06 40 00 00 1");
        assertThat(admin.locator("#contact-count")).hasText("10 contacts"); // +3364000001x

        List<ContactEntry> stored = stack.bean(ContactDirectory.class).page(campaignId,
                new ContactQuery("Zyxwvu", null, null, null), "id", false, 0, 5);
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.phoneE164()).isEqualTo("+33640000002");
            assertThat(c.customFields()).containsExactly(Map.entry("Dossier", "D-2")); // Interne ignored
        });
        Files.deleteIfExists(csv);
    }

    private Page page() {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)
                .setAcceptDownloads(true)).newPage();
        page.setDefaultTimeout(30_000);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    private static void login(Page page, String base, String username, String password) {
        page.navigate(base + "login");
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }
}
