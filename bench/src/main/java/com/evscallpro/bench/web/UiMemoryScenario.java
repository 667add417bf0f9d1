package com.evscallpro.bench.web;

import com.evscallpro.bench.Result;
import com.evscallpro.core.user.UserAccount;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The heap an agent's UI session retains: agents sign in with real Chromium (one browser context each, so one HTTP
 * session and one Vaadin UI each, with its push connection) and stay on their workspace; the application's live heap
 * (used heap after full collections, the least of three readings) is read with no agent, then at 10, 25 and 50 agents.
 * The retained heap per session is the growth divided by the sessions added; the extrapolation to 500 sessions adds
 * 500 of them to the live heap with no agent. The application runs in this JVM (with the embedded engine, whose own
 * heap is part of the baseline) so its heap can be read directly.
 */
public final class UiMemoryScenario {

    /** @param steps the numbers of open sessions at which the heap is read */
    public record Config(List<Integer> steps) {
        public static Config standard() {
            return new Config(List.of(10, 25, 50));
        }

        public static Config quick() {
            return new Config(List.of(3, 6));
        }
    }

    /** 500 sessions must leave G1 room on a 2 GB heap: the live set at most 70 % of it. */
    private static final double LIMIT_MB = 2048 * 0.70;

    private final Config config;

    public UiMemoryScenario(Config config) {
        this.config = config;
    }

    public List<Result> run() throws Exception {
        int max = config.steps().get(config.steps().size() - 1);
        try (AppUnderTest app = AppUnderTest.start();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of(System.getProperty("evs.chromium", "/usr/bin/chromium")))
                     .setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--no-first-run",
                             "--disable-extensions")))) {
            for (int i = 0; i <= max; i++) {
                app.user("bench-ui-" + i, UserAccount.Role.AGENT, String.valueOf(3000 + i));
            }
            List<BrowserContext> sessions = new ArrayList<>();
            // one agent first, signed in and out, so that classes, caches and the view's first rendering are loaded
            BrowserContext warmUp = browser.newContext();
            signIn(warmUp.newPage(), app.base, "bench-ui-0");
            warmUp.close();
            double base = liveHeapMb();
            System.err.printf(Locale.ROOT, "ui: live heap with no agent session open %.1f MB%n", base);
            List<Result> results = new ArrayList<>();
            double perSessionKb = Double.NaN;
            for (int step : config.steps()) {
                while (sessions.size() < step) {
                    BrowserContext c = browser.newContext();
                    signIn(c.newPage(), app.base, "bench-ui-" + (sessions.size() + 1));
                    sessions.add(c);
                }
                Thread.sleep(2_000); // let the pushes and heartbeats of the last sessions settle
                double heap = liveHeapMb();
                perSessionKb = (heap - base) * 1024 / step;
                System.err.printf(Locale.ROOT, "ui: %d sessions: live heap %.1f MB (%.0f KB per session)%n", step,
                        heap, perSessionKb);
                results.add(new Result("UI live heap with " + step + " agent sessions", "MB", heap, base, "-", null,
                        String.format(Locale.ROOT, "%.0f KB retained per session; baseline: no session open",
                                perSessionKb)));
            }
            double at500 = base + 500 * perSessionKb / 1024;
            results.add(new Result("UI retained heap per agent session (at " + max + ")", "KB", perSessionKb,
                    Double.NaN, "-", null, "growth of the live heap divided by the sessions opened"));
            results.add(new Result("UI live heap extrapolated to 500 agent sessions", "MB", at500, base,
                    String.format(Locale.ROOT, "≤ %.0f", LIMIT_MB), at500 <= LIMIT_MB,
                    "no-session live heap + 500 × the retained heap per session; the limit leaves G1 30 % of a 2 GB "
                            + "heap"));
            for (BrowserContext c : sessions) {
                c.close();
            }
            return results;
        }
    }

    private static void signIn(Page page, String base, String username) {
        page.setDefaultTimeout(60_000);
        page.navigate(base + "login");
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(username + "-pw");
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(base + "agent");
        page.locator("#agent-state").waitFor();
    }

    /** The used heap after full collections, the least of three readings, in MB. */
    private static double liveHeapMb() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(500);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least / (1024.0 * 1024.0);
    }
}
