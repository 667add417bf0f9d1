package com.evscallpro.sandbox;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Chromium for a browser test class (Debian's, headless; {@code stack-notes.md}), pages signed in at 1366×768
 * with the console's Content-Security-Policy violations collected. Close it in {@code @AfterAll}.
 */
final class BrowserSession implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final SandboxTestContext stack;
    /** Content-Security-Policy violations reported by any page of this session. */
    final List<String> cspViolations = new CopyOnWriteArrayList<>();

    BrowserSession(SandboxTestContext stack) {
        this.stack = stack;
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = AgentAndSupervisorBrowserTest.chromium(playwright);
    }

    /** A new page (own context) signed in as {@code username}, on the page the login lands on. */
    Page signIn(String username, String password) {
        return signIn(username, password, null);
    }

    /**
     * The same in a browser whose locale is {@code browserLocale} (e.g. {@code fr-FR}; null: Chromium's own, en-US
     * here), for what must not depend on it.
     */
    Page signIn(String username, String password, String browserLocale) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(1366, 768);
        if (browserLocale != null) {
            options.setLocale(browserLocale);
        }
        Page page = browser.newContext(options).newPage();
        page.setDefaultTimeout(30_000);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(page.url() + ": " + message.text());
            }
        });
        page.navigate(base() + "login");
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    /** The browser itself, for tests that open their own contexts (another viewport, an unsigned page). */
    Browser browser() {
        return browser;
    }

    String base() {
        return "http://localhost:" + stack.httpPort() + "/";
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
