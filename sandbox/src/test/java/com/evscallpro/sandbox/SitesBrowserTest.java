package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteLinks;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin creates a site (pointing at a PBX the test starts), then a trunk and a DID under it, from the screens, in a
 * real Chromium at 1366×768; the site connects without restart and its state shows on the sites screen. A trunk another
 * admin saved while the form was open is refused with a clear message and nothing is overwritten.
 */
class SitesBrowserTest {

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
    void an_admin_creates_a_site_a_trunk_and_a_did_from_the_screens() throws Exception {
        String secret = "browser-ami-" + UUID.randomUUID();
        try (PbxSimulator pbx = new PbxSimulator(SimulatorSettings.defaults().withPort(0)
                .withCredentials("evs-browser", secret)).start()) {
            stack.bean(UserAccountService.class).create("pw-sites-admin", "pw-sites-admin-secret", "Sites Admin",
                    UserAccount.Role.ADMIN, null, "en");
            String code = "web-" + UUID.randomUUID().toString().substring(0, 6);
            String base = "http://localhost:" + stack.httpPort() + "/";
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
            page.setDefaultTimeout(30_000);
            login(page, base, "pw-sites-admin", "pw-sites-admin-secret");

            // the site, with one AMI server
            page.navigate(base + "admin/sites");
            assertThat(page.locator("#sites-grid")).isVisible();
            page.locator("#add-site").click();
            page.locator("#site-code input").fill(code);
            page.locator("#site-name input").fill("Browser site " + code);
            Locator server = page.locator(".ami-server-row").first();
            server.locator(".ami-server-id input").fill("ast-web");
            server.locator(".ami-host input").fill("127.0.0.1");
            server.locator(".ami-port input").fill(String.valueOf(pbx.port()));
            server.locator(".ami-username input").fill("evs-browser");
            server.locator(".ami-secret input").fill(secret);
            page.locator("#save-site").click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("Site " + code + " saved"))).isVisible();
            SiteDetails site = stack.bean(SiteService.class).list(code, "code", true, 0, 5).getFirst();
            assertThat(site.code()).isEqualTo(code);
            SiteLinks links = stack.bean(SiteLinks.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(links.states(code).get("ast-web")));
            assertThat(pbx.connectionCount()).isEqualTo(1);
            page.locator("#site-filter input").fill(code); // the filter reloads the grid with the live state
            assertThat(page.locator(".site-state[data-code='" + code + "']")).hasText("1/1 connected");

            // a trunk and a DID under that site
            page.navigate(base + "admin/pbx");
            page.locator("#pbx-site input").fill(code);
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(code)).click();
            page.locator("#add-trunk").click();
            String trunkName = "tw" + code.substring(4);
            page.locator("#trunk-name input").fill(trunkName);
            page.locator("#trunk-host input").fill("sip.browser.example");
            page.locator("#trunk-save").click();
            assertThat(page.locator("#trunks-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(trunkName))).isVisible();

            // two admins: this page opens the trunk, another admin saves it first; this save is refused with a
            // clear message and overwrites nothing (the form keeps the version it opened)
            PbxConfigService pbxConfig = stack.bean(PbxConfigService.class);
            Trunk opened = pbxConfig.trunks().stream().filter(t -> t.name().equals(trunkName)).findFirst()
                    .orElseThrow();
            page.locator("#edit-trunk-" + opened.id()).click();
            assertThat(page.locator("#trunk-host input")).hasValue("sip.browser.example");
            pbxConfig.updateTrunk(opened.id(), opened.version(), new TrunkDefinition(trunkName,
                    "sip-other.browser.example", opened.port(), opened.transport(), null, null, null, null,
                    opened.codecs(), false, null, null, true, opened.siteId()));
            page.locator("#trunk-host input").fill("sip-mine.browser.example");
            page.locator("#trunk-save").click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("Trunk " + trunkName + " was changed by someone else meanwhile"))).isVisible();
            assertThat(page.locator("#trunk-host input")).hasValue("sip-mine.browser.example"); // the form stays open
            assertThat(pbxConfig.trunks()).filteredOn(t -> t.id() == opened.id()).singleElement()
                    .satisfies(t -> assertThat(t.host()).isEqualTo("sip-other.browser.example"));
            page.locator("#trunk-cancel").click();

            page.locator("#add-did").click();
            String number = "+3319" + (1_000_000 + (int) (Math.random() * 8_999_999));
            page.locator("#did-number input").fill(number);
            // the site's only trunk is offered (and chosen): the other sites' trunks are not
            assertThat(page.locator("#did-trunk")).containsText(trunkName);
            page.locator("#did-save").click();
            assertThat(page.locator("#dids-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(number))).isVisible();

            PbxConfigService config = stack.bean(PbxConfigService.class);
            long trunkId = config.trunks().stream().filter(t -> t.name().equals(trunkName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no trunk " + trunkName)).id();
            assertThat(config.trunks()).filteredOn(t -> t.id() == trunkId).singleElement()
                    .satisfies(t -> assertThat(t.siteId()).isEqualTo(site.id()));
            assertThat(config.dids()).filteredOn(d -> d.number().equals(number)).singleElement()
                    .satisfies(d -> assertThat(d.trunkId()).isEqualTo(trunkId));

            // leave the shared stack as found: a site whose PBX is gone would degrade the health of later tests
            config.dids().stream().filter(d -> d.trunkId() == trunkId).forEach(d -> config.deleteDid(d.id()));
            config.deleteTrunk(trunkId);
            SiteService sites = stack.bean(SiteService.class);
            sites.delete(site.id(), sites.get(site.id()).version());
            await().atMost(Duration.ofSeconds(30)).until(() -> links.states(code).isEmpty());
        }
    }

    private void login(Page page, String base, String username, String password) {
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(page.url() + ": " + message.text());
            }
        });
        page.navigate(base + "login");
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/sites-after-login.png")));
    }
}
