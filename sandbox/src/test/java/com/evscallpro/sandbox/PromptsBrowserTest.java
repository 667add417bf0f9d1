package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.prompt.PromptLibrary;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.APIResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In a real Chromium at 1366×768: an admin uploads a 44.1 kHz stereo WAV as a new prompt, sees the conversion and the
 * prompt listed, plays it, and applies the files to the Asterisk hosts; a supervisor lists a voicemail and plays it
 * (the audio answers 200 audio/wav, the listen is audited, the row shows it heard).
 */
class PromptsBrowserTest {

    private static BrowserSession browser;

    private final SandboxTestContext stack = SandboxTestContext.get();

    @AfterEach
    void no_view_broke_the_content_security_policy() {
        assertThat(browser.cspViolations).as("CSP violations").isEmpty();
    }

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

    private Page page(String username, String password) {
        return browser.signIn(username, password);
    }

    private String base() {
        return browser.base();
    }

    @Test
    void an_admin_uploads_a_prompt_sees_it_converted_and_listed_plays_it_and_applies_it() throws Exception {
        UserAccountService users = stack.bean(UserAccountService.class);
        if (users.findByUsername("pw-prompts-admin").isEmpty()) {
            users.create("pw-prompts-admin", "pw-prompts-admin-secret", "Prompts Admin", UserAccount.Role.ADMIN, null,
                    "en");
        }
        String name = "web-" + UUID.randomUUID().toString().substring(0, 8);
        Path wav = Files.createTempFile("accueil-", ".wav");
        Files.write(wav, TestAudio.tone(1000, 44_100, 2, 1.2));
        Page page = page("pw-prompts-admin", "pw-prompts-admin-secret");
        page.locator("#nav-prompts").click();
        assertThat(page.locator("#prompts-grid")).isVisible();

        page.locator("#add-prompt").click();
        page.locator("#prompt-name input").fill(name);
        page.locator("#prompt-description textarea").fill("Welcome message");
        // the upload speaks the user's language, not Vaadin's English defaults ("Upload File...", "Drop file here")
        assertThat(page.locator("#prompt-upload")).containsText("Choose a WAV file");
        assertThat(page.locator("#prompt-upload")).containsText("Drop a WAV file here");
        page.locator("#prompt-upload input[type=file]").setInputFiles(wav);
        assertThat(page.locator("#prompt-file-state")).containsText(wav.getFileName().toString());
        page.locator("#save-prompt").click();
        assertThat(page.locator("#prompt-result")).containsText("converted from PCM_SIGNED 44100 Hz 16-bit 2 ch to "
                + "PCM_SIGNED 8000 Hz 16-bit 1 ch");
        assertThat(page.locator("#prompt-result")).containsText("1.2 s");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/prompts-upload.png")));
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Prompt " + name + " saved"))).isVisible();
        page.locator("#close-prompt").click();
        assertThat(stack.bean(PromptLibrary.class).exists(name)).isTrue();

        filter(page, "#prompts-filter input", name);
        // visible ones only: a row the filter left keeps its stale cell contents, hidden, in the grid's light DOM
        assertThat(page.locator("#prompts-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(name).setVisible(true))).isVisible();
        page.locator("#play-prompt-" + name + "-fr").filter(new Locator.FilterOptions().setVisible(true)).click();
        assertThat(page.locator("#prompt-player")).hasAttribute("data-playing", name + "/fr");
        assertPlayed(page, "prompt-player", 1.2);

        page.locator("#prompts-hosts").click();
        assertThat(page.locator("#prompt-hosts-grid")).containsText("fr/evs/" + name + ".wav");
        page.locator("#prompts-apply").click();
        page.locator("vaadin-confirm-dialog-overlay").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Files applied"))).isVisible();
        assertThat(page.locator("#prompt-hosts-grid")).containsText("Applied");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/prompts-hosts.png")));
        page.locator("#prompt-hosts-close").click();

        // delete, after a confirmation
        page.locator("#delete-prompt-" + name).filter(new Locator.FilterOptions().setVisible(true)).click();
        page.locator("vaadin-confirm-dialog-overlay").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Prompt " + name + " deleted"))).isVisible();
        assertThat(stack.bean(PromptLibrary.class).exists(name)).isFalse();
        page.context().close();
    }

    @Test
    void a_supervisor_lists_a_voicemail_and_plays_it_and_the_listen_is_audited() throws Exception {
        UserAccountService users = stack.bean(UserAccountService.class);
        if (users.findByUsername("pw-vm-supervisor").isEmpty()) {
            users.create("pw-vm-supervisor", "pw-vm-supervisor-secret", "VM Supervisor", UserAccount.Role.SUPERVISOR,
                    null, "en");
        }
        String did = "+3319" + (1_000_000 + (int) (Math.random() * 8_999_999));
        long id = TestAudio.leaveVoicemail(stack, "+33698765432", did, "Ventes");
        Page page = page("pw-vm-supervisor", "pw-vm-supervisor-secret");
        page.locator("#nav-voicemails").click();
        assertThat(page.locator("#voicemails-grid")).isVisible();
        filter(page, "#voicemails-filter input", did.substring(1));
        Locator row = page.locator("#voicemails-grid vaadin-grid-cell-content");
        assertThat(row.filter(new Locator.FilterOptions().setHasText(did))).isVisible();
        assertThat(row.filter(new Locator.FilterOptions().setHasText("Ventes"))).isVisible();
        assertThat(row.filter(new Locator.FilterOptions().setHasText("+33698765432"))).isVisible();
        // other tests leave voicemails too: this one's state is checked again once heard, by its own row below
        assertThat(row.filter(new Locator.FilterOptions().setHasText("New")).first()).isVisible();

        page.locator("#voicemail-play-" + id).click();
        assertPlayed(page, "voicemail-player", 1.5);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/voicemails.png")));
        assertThat(row.filter(new Locator.FilterOptions().setHasText("Heard by pw-vm-supervisor"))).isVisible();
        assertThat(stack.bean(AuditTrail.class).search(new AuditFilter("pw-vm-supervisor", "voicemail", null, null),
                0, 20)).anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("listen");
                    assertThat(e.entityId()).isEqualTo(String.valueOf(id));
                });

        page.locator("#voicemail-archive-" + id).click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Message archived"))).isVisible();
        // not archived is the default filter: the row leaves the list
        page.waitForFunction("() => document.getElementById('voicemails-grid').size === 0");
        page.context().close();
    }

    /**
     * Types a filter and waits until the server has answered its (debounced) value: the grid's rows, and their
     * buttons, are rendered again then, so a click before would hit a button that no longer exists.
     */
    private static void filter(Page page, String input, String value) {
        Request sync = page.waitForRequest(r -> r.url().contains("v-r=uidl") && r.postData() != null
                && r.postData().contains(value), () -> page.locator(input).fill(value));
        sync.response();
    }

    /**
     * The browser loaded the player's audio (its decoded duration is the file's) from its session-bound URL, which
     * answers 200 audio/wav to this signed-in browser.
     */
    private static void assertPlayed(Page page, String playerId, double seconds) {
        page.waitForFunction("id => { const a = document.getElementById(id); "
                + "return a && a.getAttribute('src') && a.duration > 0; }", playerId);
        double duration = ((Number) page.evaluate("id => document.getElementById(id).duration", playerId))
                .doubleValue();
        assertThat(duration).isBetween(seconds - 0.05, seconds + 0.05);
        String src = (String) page.evaluate("id => document.getElementById(id).src", playerId);
        APIResponse r = page.request().get(src);
        assertThat(r.status()).as(src).isEqualTo(200);
        assertThat(r.headers().get("content-type")).startsWith("audio/wav");
    }
}
