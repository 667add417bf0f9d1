package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.queue.InboundQueues;
import com.evscallpro.core.queue.LeaveReason;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.queue.QueueListener;
import com.evscallpro.core.queue.QueuedCall;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.wallboard.BoardKind;
import com.evscallpro.core.wallboard.Figure;
import com.evscallpro.core.wallboard.Threshold;
import com.evscallpro.core.wallboard.Wallboards;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full-screen wallboard in real Chromium: a supervisor opens a queue's {@code /wallboard/tv}; callers entering
 * the queue and an agent pausing show up without any action on the page (push), the calls-waiting tile turns WARNING
 * then ALARM at its thresholds with a notification, and back to OK when the callers leave. Every tile fits on screen
 * at 1366×768 and at 1920×1080, with no menu.
 */
class WallboardTvBrowserTest {

    private static final SandboxTestContext stack = SandboxTestContext.get();
    private static BrowserSession browser;

    @BeforeAll
    static void open() {
        browser = new BrowserSession(stack);
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    private static final QueueListener IGNORE = new QueueListener() {
        @Override
        public void answered(long agentUserId) {
        }

        @Override
        public void left(LeaveReason reason) {
        }
    };

    @Test
    void the_tv_board_updates_live_and_colours_a_threshold() {
        String suffix = Long.toHexString(System.nanoTime());
        ApiClient.user(stack, "wb-tv-sup", UserAccount.Role.SUPERVISOR, null);
        UserAccount agent = ApiClient.user(stack, "wb-tv-agent", UserAccount.Role.AGENT, "2391");
        long groupId = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("WB TV " + suffix, null, null),
                List.of(agent.id())).id();
        QueueDefinition queue = stack.bean(QueueAdmin.class).save(QueueDefinition.draft(groupId));
        Wallboards wallboards = stack.bean(Wallboards.class);
        wallboards.saveThreshold(new Threshold(BoardKind.QUEUE, queue.id(), Figure.CALLS_WAITING, 1, 2));

        Page page = browser.signIn("wb-tv-sup", "wb-tv-sup-pw");
        page.navigate(browser.base() + "wallboard/tv?kind=QUEUE&id=" + queue.id());
        assertThat(page.locator("#wallboard-title")).containsText("WB TV " + suffix);
        assertThat(page.locator("#main-menu")).hasCount(0);
        assertThat(page.locator("#tile-CALLS_WAITING .tile-value")).hasText("0");
        assertThat(page.locator("#tile-CALLS_WAITING")).hasAttribute("data-level", "OK");

        AgentService agents = stack.bean(AgentService.class);
        InboundQueues acd = stack.bean(InboundQueues.class);
        try {
            agents.goReady(agent.id());
            agents.pause(agent.id(), "BREAK");
            assertThat(page.locator("#agent-" + agent.id())).hasAttribute("data-state", "PAUSED");
            assertThat(page.locator("#count-PAUSED")).containsText("1");

            acd.enqueue(new QueuedCall("wb-tv-1-" + suffix, queue.id(), "+33612349871", "+33170000002", 0,
                    Instant.now(), Map.of()), IGNORE);
            assertThat(page.locator("#tile-CALLS_WAITING .tile-value")).hasText("1");
            assertThat(page.locator("#tile-CALLS_WAITING")).hasAttribute("data-level", "WARNING");
            assertThat(page.locator("vaadin-notification-card").last()).containsText("WB TV " + suffix);
            // the longest wait ticks by push alone
            assertThat(page.locator("#tile-LONGEST_WAIT_SECONDS .tile-value")).not().hasText("00:00");

            acd.enqueue(new QueuedCall("wb-tv-2-" + suffix, queue.id(), "+33612349872", "+33170000002", 0,
                    Instant.now(), Map.of()), IGNORE);
            assertThat(page.locator("#tile-CALLS_WAITING .tile-value")).hasText("2");
            assertThat(page.locator("#tile-CALLS_WAITING")).hasAttribute("data-level", "ALARM");
            String background = (String) page.locator("#tile-CALLS_WAITING")
                    .evaluate("e => getComputedStyle(e).backgroundColor");
            assertThat(background).isEqualTo("rgb(211, 47, 47)");
            tilesFit(page, 1366, 768);

            BrowserContext large = browser.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1920, 1080).setStorageState(page.context().storageState()));
            Page tv = large.newPage();
            tv.navigate(browser.base() + "wallboard/tv?kind=QUEUE&id=" + queue.id());
            assertThat(tv.locator("#tile-CALLS_WAITING .tile-value")).hasText("2");
            tilesFit(tv, 1920, 1080);
            large.close();
        } finally {
            acd.leave("wb-tv-1-" + suffix, LeaveReason.OVERFLOW);
            acd.leave("wb-tv-2-" + suffix, LeaveReason.OVERFLOW);
            agents.logOut(agent.id());
        }
        assertThat(page.locator("#tile-CALLS_WAITING .tile-value")).hasText("0");
        assertThat(page.locator("#tile-CALLS_WAITING")).hasAttribute("data-level", "OK");
        assertThat(page.locator("#agent-" + agent.id())).hasCount(0);
        assertThat(browser.cspViolations).isEmpty();
        stack.bean(QueueAdmin.class).delete(queue.id(), null);
    }

    /** Every figure's tile is entirely on screen, and its value is at least 32 px high. */
    private static void tilesFit(Page page, int width, int height) {
        for (Figure f : Figure.values()) {
            page.locator("#tile-" + f.name()).waitFor();
            BoundingBox box = page.locator("#tile-" + f.name()).boundingBox();
            assertThat(box.x).as(f + " at " + width).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as(f + " at " + width).isLessThanOrEqualTo(width);
            assertThat(box.y + box.height).as(f + " at " + height).isLessThanOrEqualTo(height);
            double font = Double.parseDouble(((String) page.locator("#tile-" + f.name() + " .tile-value")
                    .evaluate("e => getComputedStyle(e).fontSize")).replace("px", ""));
            assertThat(font).as(f + " font at " + width).isGreaterThanOrEqualTo(32);
        }
    }
}
