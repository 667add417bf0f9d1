package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.ManagedUser;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.core.user.UserAdmin;
import com.evscallpro.core.user.UserCredentials;
import com.evscallpro.core.user.UserFilter;
import com.evscallpro.core.user.UserProfile;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The users back office in a real Chromium at 1366×768: an admin creates an agent group, then an agent in it with a
 * temporary password, from the screens; the new agent signs in, is made to change the password, then sees only the
 * agent workspace and is refused {@code /admin/users} typed by hand.
 */
class UsersBrowserTest {

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
    void an_admin_creates_an_agent_with_a_group_who_must_change_the_password_and_sees_only_the_workspace() {
        String suffix = Long.toHexString(System.nanoTime());
        String groupName = "Browser team " + suffix;
        String agentName = "ub-agent-" + suffix;
        stack.bean(UserAccountService.class).create("ub-admin-" + suffix, "ub-admin-password", "Users Admin",
                UserAccount.Role.ADMIN, null, "en");
        String base = "http://localhost:" + stack.httpPort() + "/";

        Page admin = page();
        login(admin, base, "ub-admin-" + suffix, "ub-admin-password");
        admin.locator("#nav-groups").click();
        assertThat(admin.locator("#groups-grid")).isVisible();
        admin.locator("#add-group").click();
        admin.locator("#group-name input").fill(groupName);
        admin.locator("#group-description textarea").fill("Created from the browser");
        admin.locator("#save-group").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Agent group saved."))).isVisible();
        assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(groupName)))
                .isVisible();

        admin.locator("#nav-users").click();
        assertThat(admin.locator("#users-grid")).isVisible();
        admin.locator("#add-user").click();
        admin.locator("#user-username input").fill(agentName);
        admin.locator("#user-display-name input").fill("Browser Agent");
        admin.locator("#user-password input").fill("temporary-pass-1");
        admin.locator("#user-groups input").fill(groupName);
        admin.locator("vaadin-multi-select-combo-box-item", new Page.LocatorOptions().setHasText(groupName)).click();
        admin.locator("#user-groups input").press("Tab"); // leaves the field: the group list closes
        admin.locator("#save-user").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("User saved."))).isVisible();
        admin.locator("#users-filter-text input").fill(agentName);
        assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(groupName)))
                .isVisible();

        ManagedUser created = stack.bean(UserAdmin.class).search(new UserFilter(agentName, null, null, null, null,
                null), "username", false, 0, 5).getFirst();
        assertThat(created.role()).isEqualTo(UserAccount.Role.AGENT);
        assertThat(created.groupNames()).isEqualTo(groupName);
        assertThat(created.mustChangePassword()).isTrue();

        Page agent = page();
        login(agent, base, agentName, "temporary-pass-1");
        agent.waitForURL(url -> url.endsWith("/change-password"));
        agent.locator("#current-password input").fill("temporary-pass-1");
        agent.locator("#new-password input").fill("my-own-password-1");
        agent.locator("#confirm-password input").fill("my-own-password-1");
        agent.locator("#change-password").click();
        assertThat(agent.locator("#agent-view")).isVisible();
        assertThat(stack.bean(UserCredentials.class).state(created.id()).mustChangePassword()).isFalse();
        assertThat(agent.locator("#nav-agent")).isVisible();
        for (String adminEntry : List.of("#nav-admin", "#nav-users", "#nav-groups", "#nav-skills", "#nav-supervision")) {
            assertThat(agent.locator(adminEntry)).hasCount(0);
        }

        agent.navigate(base + "admin/users");
        assertThat(agent.locator("#refused-page")).isVisible();
        assertThat(agent.locator("#users-view")).hasCount(0);
        assertThat(agent).not().hasURL(Pattern.compile(".*/login.*"));

        // the admin deactivates the agent: the agent's open page is signed out at once, with no click of theirs
        agent.navigate(base + "agent");
        assertThat(agent.locator("#agent-view")).isVisible();
        UserAdmin users = stack.bean(UserAdmin.class);
        UserProfile p = users.find(created.id()).orElseThrow().profile();
        users.update(new UserProfile(p.id(), p.username(), p.displayName(), p.role(), p.siteId(), p.extension(),
                p.locale(), false, p.version()));
        agent.waitForURL(url -> url.contains("/login"), new Page.WaitForURLOptions().setTimeout(20_000));
        assertThat(agent.locator("#vaadinLoginUsername")).isVisible();
    }

    private Page page() {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
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
        try {
            page.locator("#vaadinLoginUsername input").fill(username);
        } catch (RuntimeException e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/users-login-failure.png")));
            throw e;
        }
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }
}
