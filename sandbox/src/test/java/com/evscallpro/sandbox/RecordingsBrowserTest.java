package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.recording.RecordingMode;
import com.evscallpro.core.recording.RecordingPolicy;
import com.evscallpro.core.recording.RecordingScope;
import com.evscallpro.core.recording.RecordingService;
import com.evscallpro.core.user.UserAccount;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In a real Chromium at 1366×768: an agent opens /recordings, finds and plays the recording of their own call (the
 * audio answers 200 audio/wav, the listen is audited) and cannot reach another agent's recording through the screen
 * (not listed, no play button, even filtered by its call id); an analyst is refused the route; a supervisor sees
 * both.
 */
class RecordingsBrowserTest {

    private static BrowserSession browser;

    private final SandboxTestContext stack = SandboxTestContext.get();

    @BeforeAll
    static void launchBrowser() {
        browser = new BrowserSession(SandboxTestContext.get());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void no_view_broke_the_content_security_policy() {
        assertThat(browser.cspViolations).as("CSP violations").isEmpty();
    }

    private static void filter(Page page, String input, String value) {
        Request sync = page.waitForRequest(r -> r.url().contains("v-r=uidl") && r.postData() != null
                && r.postData().contains(value), () -> page.locator(input).fill(value));
        sync.response();
    }

    @Test
    void an_agent_plays_their_own_recording_and_cannot_reach_another_agents_through_the_screen() throws Exception {
        UserAccount mine = ApiClient.user(stack, "pw-rec-agent", UserAccount.Role.AGENT, "2311");
        UserAccount theirs = ApiClient.user(stack, "pw-rec-other", UserAccount.Role.AGENT, "2312");
        ApiClient.user(stack, "pw-rec-sup", UserAccount.Role.SUPERVISOR, null);
        ApiClient.user(stack, "pw-rec-analyst", UserAccount.Role.ANALYST, null);
        long campaign = TestRecordings.campaign(stack);
        RecordingService recordings = stack.bean(RecordingService.class);
        recordings.savePolicy(new RecordingPolicy(RecordingScope.CAMPAIGN, campaign, RecordingMode.ALL, null, null));
        String own = TestRecordings.recordedCall(stack, campaign, mine.id(), "2311");
        String other = TestRecordings.recordedCall(stack, campaign, theirs.id(), "2312");
        long ownId = recordings.ofCall(own).orElseThrow().id();
        long otherId = recordings.ofCall(other).orElseThrow().id();

        Page supervisor = browser.signIn("pw-rec-sup", "pw-rec-sup-pw");
        supervisor.locator("#nav-recordings").click();
        assertThat(supervisor.locator("#recordings-grid")).isVisible();
        Locator supCells = supervisor.locator("#recordings-grid vaadin-grid-cell-content");
        filter(supervisor, "#recordings-call input", other);
        assertThat(supCells.filter(new Locator.FilterOptions().setHasText(other))).isVisible();
        assertThat(supervisor.locator("#recording-play-" + otherId)).isVisible();
        Page page = browser.signIn("pw-rec-agent", "pw-rec-agent-pw");
        page.navigate(browser.base() + "recordings");
        try {
            assertThat(page.locator("#recordings-grid")).isVisible();
        } catch (AssertionError e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/recordings-agent-failed.png")));
            java.nio.file.Files.writeString(Path.of("target/recordings-agent-failed.html"), page.content());
            throw e;
        }
        Locator cells = page.locator("#recordings-grid vaadin-grid-cell-content");
        filter(page, "#recordings-call input", own);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(own))).isVisible();
        page.locator("#recording-play-" + ownId).click();
        page.waitForFunction("id => { const a = document.getElementById(id); "
                + "return a && a.getAttribute('src') && a.duration > 0; }", "recording-player");
        String src = (String) page.evaluate("id => document.getElementById(id).src", "recording-player");
        APIResponse r = page.request().get(src);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("content-type")).startsWith("audio/wav");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/recordings-agent.png")));
        assertThat(stack.bean(AuditTrail.class).search(new AuditFilter("pw-rec-agent", "recording", null, null), 0, 50))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("listen");
                    assertThat(e.entityId()).isEqualTo(String.valueOf(ownId));
                });

        filter(page, "#recordings-call input", other);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(other))).hasCount(0);
        assertThat(page.locator("#recording-play-" + otherId)).hasCount(0);

        Page analyst = browser.signIn("pw-rec-analyst", "pw-rec-analyst-pw");
        analyst.navigate(browser.base() + "recordings");
        assertThat(analyst.locator("#recordings-grid")).hasCount(0);

    }

    @Test
    void an_admin_picks_a_campaign_by_its_name_and_sets_its_recording_policy() {
        ApiClient.user(stack, "pw-rec-admin", UserAccount.Role.ADMIN, null);
        String name = "Rec policy " + Long.toHexString(System.nanoTime());
        long campaignId = stack.withoutCallingRules(stack.bean(com.evscallpro.core.campaign.CampaignService.class)
                .create(new com.evscallpro.core.campaign.NewCampaign(name, 1, 60, 20, "+33170000003")));
        RecordingService recordings = stack.bean(RecordingService.class);
        assertThat(recordings.policy(RecordingScope.CAMPAIGN, campaignId).mode()).isEqualTo(RecordingMode.OFF);

        Page page = browser.signIn("pw-rec-admin", "pw-rec-admin-pw");
        page.navigate(browser.base() + "recordings");
        page.locator("#recording-policy vaadin-details-summary").click();
        assertThat(page.locator("#recording-policy-save")).isDisabled(); // nothing chosen yet
        page.locator("#recording-policy-target").click();
        page.locator("vaadin-select-item[role=option]", new Page.LocatorOptions().setHasText(name)).click();
        assertThat(page.locator("#recording-policy-mode vaadin-select-value-button")).hasText("Off");
        page.locator("#recording-policy-mode").click();
        page.locator("vaadin-select-item[role=option]", new Page.LocatorOptions().setHasText("Every call")).click();
        page.locator("#recording-policy-retention input").fill("45");
        page.locator("#recording-policy-save").click();
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("Recording policy of " + name + " saved"))).isVisible();
        RecordingPolicy saved = recordings.policy(RecordingScope.CAMPAIGN, campaignId);
        assertThat(saved.mode()).isEqualTo(RecordingMode.ALL);
        assertThat(saved.retentionDays()).isEqualTo(45);

        // another scope empties the choice; coming back to the campaign shows its saved policy
        page.locator("#recording-policy-scope").click();
        page.locator("vaadin-select-item[role=option]", new Page.LocatorOptions().setHasText("Queue")).click();
        assertThat(page.locator("#recording-policy-save")).isDisabled();
        page.locator("#recording-policy-scope").click();
        page.locator("vaadin-select-item[role=option]", new Page.LocatorOptions().setHasText("Campaign")).click();
        page.locator("#recording-policy-target").click();
        page.locator("vaadin-select-item[role=option]", new Page.LocatorOptions().setHasText(name)).click();
        assertThat(page.locator("#recording-policy-mode vaadin-select-value-button")).hasText("Every call");
        assertThat(page.locator("#recording-policy-retention input")).hasValue("45");
    }
}
