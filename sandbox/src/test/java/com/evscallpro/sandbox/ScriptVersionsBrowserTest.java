package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.script.ScriptVersionView;
import com.evscallpro.core.script.ScriptView;
import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The script editor's versions in a real Chromium: an analyst imports a {@code .form} file written as Camunda Modeler
 * saves it (it becomes the draft, shown by the form-js editor), compares it with the published version (a row per
 * change), has a bad file refused with its reasons (nothing changes), and exports the draft back as the same file.
 */
class ScriptVersionsBrowserTest {

    private static final LocatorAssertions.IsVisibleOptions VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
    private static final Path FORM = Path.of("../core/src/test/resources/scripts/callback-survey.form");
    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    private static Locator cell(Page page, String text) {
        return page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void an_analyst_imports_a_form_file_compares_it_with_the_published_version_and_exports_it_back() throws Exception {
        ScriptService scripts = stack.bean(ScriptService.class);
        ScriptView script = scripts.create("Versions " + UUID.randomUUID().toString().substring(0, 6), null, """
                {"type": "default", "components": [
                  {"type": "textfield", "id": "Field_q", "key": "question", "label": "Question"}]}""", null);
        long v1 = scripts.latest(script.id()).orElseThrow().id();
        scripts.publish(v1, "first");
        ApiClient.user(stack, "versions-analyst", UserAccount.Role.ANALYST, null);
        Page page = browser.session().signIn("versions-analyst", "versions-analyst-pw");
        page.navigate(browser.session().base() + "scripts/" + script.id());
        Locator editor = page.locator("#script-editor");
        assertThat(editor.locator(".fjs-editor-container")).isVisible(VISIBLE);

        // import: the file becomes the draft v2, opened in the form-js editor
        page.locator("#script-import").setInputFiles(FORM);
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("File callback-survey.form imported as draft v2"))).isVisible(VISIBLE);
        assertThat(editor.locator(".fjs-form-field-textfield label", new Locator.LocatorOptions()
                .setHasText("Customer e-mail"))).isVisible(VISIBLE);
        assertThat(cell(page, "Imported from callback-survey.form")).isVisible();
        ScriptVersionView v2 = scripts.latest(script.id()).orElseThrow();
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.status()).isEqualTo(ScriptVersionView.Status.DRAFT);

        // compare: the published v1 against the new draft, a row per change
        page.locator("#script-compare").click();
        // by default the published v1 against the newest, v2: the grid lists what the file changed
        assertThat(page.locator("#script-compare-from")).containsText("v1 (published)");
        Locator grid = page.locator("#script-compare-grid");
        assertThat(grid).isVisible(VISIBLE);
        assertThat(cell(page, "Customer e-mail")).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("added")).first())
                .isVisible();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("removed")))
                .hasCount(1);
        assertThat(scripts.compare(v1, v2.id())).hasSize(7); // what the grid lists: 6 added, 1 removed
        page.locator("#script-compare-close").click();

        // a bad file: refused with every reason, nothing changes
        Path bad = Files.createTempFile("bad-", ".form");
        Files.writeString(bad, Files.readString(FORM).replace("\"type\": \"checkbox\"", "\"type\": \"iframe\"")
                .replace("\"key\": \"reason\"", "\"key\": \"email\""));
        String before = scripts.schema(v2.id());
        page.locator("#script-import").setInputFiles(bad);
        Locator refused = page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("is refused"));
        assertThat(refused).isVisible(VISIBLE);
        assertThat(refused).containsText("iframe");
        assertThat(refused).containsText("email");
        assertThat(scripts.versions(script.id())).hasSize(2);
        assertThat(scripts.schema(v2.id())).isEqualTo(before);

        // export: the draft as a .form file, the same JSON as the file imported
        Download download = page.waitForDownload(() -> page.locator("#script-version-export-2 vaadin-button").click());
        assertThat(download.suggestedFilename()).endsWith("-v2.form");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(Files.readString(download.path()))).isEqualTo(json.readTree(FORM.toFile()));
        assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
    }
}
