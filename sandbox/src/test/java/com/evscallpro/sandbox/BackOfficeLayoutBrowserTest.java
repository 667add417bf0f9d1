package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.user.UserAccount;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every back-office screen (every entry of an admin's menu) at 1366×768 and in a narrow window (800×768) in a real
 * Chromium, in English: the page never scrolls sideways (neither the document nor the layout's content area), no
 * button or field lies, even partly, outside the window (those in grids, which scroll their own columns, and in the
 * closed drawer excepted), no button's text or field's label is cut short, no two controls lie over each other
 * ({@link LayoutProblems}). Fails naming each screen, size and element at fault. The dialogs and editor pages, in
 * French: {@link BackOfficeDialogsLayoutBrowserTest}.
 */
class BackOfficeLayoutBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension SESSION = BrowserSessionExtension.checkingCsp();
    private final SandboxTestContext stack = SandboxTestContext.get();


    @Test
    void every_back_office_screen_fits_1366x768_and_an_800_pixels_wide_window() {
        String admin = "layout-admin";
        ApiClient.user(stack, admin, UserAccount.Role.ADMIN, null);
        List<String> problems = new ArrayList<>();
        int[][] sizes = {{1366, 768}, {800, 768}};
        Page page = signIn(admin, sizes[0][0], sizes[0][1]);
        page.locator("#nav-users").waitFor();
        @SuppressWarnings("unchecked")
        List<String> screens = (List<String>) page.evaluate("""
                () => Array.from(document.querySelectorAll('vaadin-side-nav-item'))
                    .map(i => i.path || i.getAttribute('path')).filter(p => p)""");
        // each screen is loaded once in the wide window, then the window is narrowed (what a user dragging its edge
        // or turning a tablet does): the layout must follow without a reload
        for (String path : screens) {
            page.setViewportSize(sizes[0][0], sizes[0][1]);
            page.navigate(SESSION.session().base() + path);
            page.locator("vaadin-app-layout").waitFor();
            page.waitForTimeout(1000); // the view's first round trip and its lazy grids' first page
            for (int[] size : sizes) {
                if (size != sizes[0]) {
                    page.setViewportSize(size[0], size[1]);
                    page.waitForTimeout(300); // the app layout's resize observer and the grids' column widths
                }
                for (String p : LayoutProblems.of(page)) {
                    problems.add(size[0] + "×" + size[1] + " /" + path + ": " + p);
                }
            }
        }
        page.context().close();
        assertThat(screens).as("the admin's menu").hasSizeGreaterThan(20).contains("admin/queues", "admin/pbx",
                "admin/plannings", "admin/qualifications", "admin/pause-reasons", "scripts", "admin/users");
        assertThat(problems).as("layout problems").isEmpty();
    }

    private Page signIn(String username, int width, int height) {
        Page page = SESSION.session().browser()
                .newContext(new Browser.NewContextOptions().setViewportSize(width, height)).newPage();
        page.setDefaultTimeout(30_000);
        page.navigate(SESSION.session().base() + "login");
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(username + "-pw");
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }
}
