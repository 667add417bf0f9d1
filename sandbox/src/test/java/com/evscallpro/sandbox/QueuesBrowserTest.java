package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.LeaveReason;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueListener;
import com.evscallpro.core.queue.QueuedCall;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inbound queues in a real Chromium at 1366×768: an admin creates a queue for an agent group from
 * {@code /admin/queues}; a supervisor's queues panel then shows a caller waiting in it (enqueued through the ACD, as
 * the IVR's queue block does), its longest wait ticking, and the queue drained when the caller leaves it.
 */
class QueuesBrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    private final SandboxTestContext stack = SandboxTestContext.get();

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
    void an_admin_creates_a_queue_and_the_supervisor_sees_a_caller_wait_in_it_then_the_queue_drain() {
        String suffix = Long.toHexString(System.nanoTime());
        String groupName = "Queue team " + suffix;
        UserAccountService users = stack.bean(UserAccountService.class);
        users.create("qb-admin-" + suffix, "qb-admin-password", "Queues Admin", UserAccount.Role.ADMIN, null, "en");
        users.create("qb-super-" + suffix, "qb-super-password", "Queues Supervisor", UserAccount.Role.SUPERVISOR,
                null, "en");
        UserAccount agent = users.create("qb-agent-" + suffix, "qb-agent-password", "Queue Agent",
                UserAccount.Role.AGENT, String.valueOf(2900 + (System.nanoTime() % 90)), "en"); // stays offline
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft(groupName, null, null),
                List.of(agent.id())).id();
        String base = "http://localhost:" + stack.httpPort() + "/";

        Page admin = page();
        login(admin, base, "qb-admin-" + suffix, "qb-admin-password");
        admin.locator("#nav-queues").click();
        assertThat(admin.locator("#queues-admin-grid")).isVisible();
        admin.locator("#add-queue").click();
        admin.locator("#queue-group input").fill(groupName);
        admin.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(groupName)).click();
        admin.locator("#queue-priority input").fill("40");
        admin.locator("#queue-max-wait input").fill("120");
        admin.locator("#save-queue").click();
        assertThat(admin.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Queue saved."))).isVisible();
        assertThat(admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(groupName)))
                .isVisible();
        QueueDefinition queue = stack.bean(QueueAdmin.class).queueOfGroup(groupId).orElseThrow();
        assertThat(queue.priority()).isEqualTo(40);
        assertThat(queue.maxWaitSeconds()).isEqualTo(120);
        assertThat(queue.serviceLevelSeconds()).isEqualTo(20);

        Page supervisor = page();
        login(supervisor, base, "qb-super-" + suffix, "qb-super-password");
        assertThat(supervisor.locator("#queues-grid")).isVisible();
        Locator waiting = figure(supervisor, groupName, "waiting");
        Locator longestWait = figure(supervisor, groupName, "longest-wait");
        assertThat(waiting).hasText("0");

        InboundQueues acd = stack.bean(InboundQueues.class);
        String callId = "qb-call-" + suffix;
        acd.enqueue(new QueuedCall(callId, queue.id(), "+33612349876", "+33170000001", 0,
                Instant.now().minusSeconds(30), Map.of("ivrPath", "Accueil > 1")), new QueueListener() {
                    @Override
                    public void answered(long agentUserId) {
                    }

                    @Override
                    public void left(LeaveReason reason) {
                    }
                });
        assertThat(waiting).hasText("1");
        assertThat(longestWait).hasText(Pattern.compile("00:3\\d"));
        String shown = longestWait.textContent();
        assertThat(longestWait).not().hasText(shown, new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(figure(supervisor, groupName, "ready")).hasText("0");

        acd.leave(callId, LeaveReason.OVERFLOW);
        assertThat(waiting).hasText("0");
        assertThat(longestWait).hasText(Pattern.compile("^$"));
    }

    private static Locator figure(Page page, String queue, String figure) {
        return page.locator("#queues-grid [data-queue=\"" + queue + "\"][data-figure=\"" + figure + "\"]");
    }

    private Page page() {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
        page.setDefaultTimeout(30_000);
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
