package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.PauseReasonCatalog;
import com.evscallpro.core.agent.PauseReasonChoice;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.qualification.QualificationGroupDefinition;
import com.evscallpro.core.qualification.QualificationService;
import com.evscallpro.core.queue.QueueAdmin;
import com.evscallpro.core.queue.QueueDefinition;
import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.user.UserAccount;
import com.microsoft.playwright.Page;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The back office's lazy grids in a real Chromium over the real PostgreSQL: on each list (plannings, qualification
 * groups, pause reasons, queues, agent scripts, trunks and DIDs) the filter narrows the grid to the rows this test
 * made (the grid's size is the database's count of them) and clicking a sortable column's header orders the rows as
 * the database sorts that column, in both directions. The rows are built so that each sort gives another order.
 */
class BackOfficeGridsBrowserTest {

    @RegisterExtension
    static final BrowserSessionExtension SESSION = BrowserSessionExtension.checkingCsp();
    private final SandboxTestContext stack = SandboxTestContext.get();


    /** A tag only this test's rows carry (lower-case letters: also valid in codes and trunk names). */
    private static String tag() {
        StringBuilder s = new StringBuilder("bog");
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private Page admin() {
        String name = "bog-admin-" + Long.toHexString(System.nanoTime());
        ApiClient.user(stack, name, UserAccount.Role.ADMIN, null);
        return SESSION.session().signIn(name, name + "-pw");
    }

    @Test
    void plannings_filter_and_sort_by_name_and_time_zone() {
        String tag = tag();
        PlanningService plannings = stack.bean(PlanningService.class);
        List<PlanningDefinition.Slot> week = List.of(new PlanningDefinition.Slot(DayOfWeek.MONDAY,
                LocalTime.of(9, 0), LocalTime.of(18, 0)));
        plannings.save(new PlanningDefinition(null, tag + " b", "America/New_York", null, week, List.of()));
        plannings.save(new PlanningDefinition(null, tag + " a", "Pacific/Auckland", null, week, List.of()));
        plannings.save(new PlanningDefinition(null, tag + " c", "Europe/Paris", null, week, List.of()));
        plannings.save(new PlanningDefinition(null, "other " + tag.substring(0, 4), "Europe/Paris", null, week,
                List.of()));
        Page page = admin();
        page.navigate(SESSION.session().base() + "admin/plannings");

        filter(page, "#plannings-filter", tag);
        expectRows(page, "#plannings-grid", 0, tag + " a", tag + " b", tag + " c");
        sortBy(page, "#plannings-grid", "Name"); // sorted by name already: now descending
        expectRows(page, "#plannings-grid", 0, tag + " c", tag + " b", tag + " a");
        sortBy(page, "#plannings-grid", "Time zone");
        expectRows(page, "#plannings-grid", 0, tag + " b", tag + " c", tag + " a");
        filter(page, "#plannings-filter", tag + " B"); // case-insensitive
        expectRows(page, "#plannings-grid", 0, tag + " b");
    }

    @Test
    void qualification_groups_filter_and_sort_by_name() {
        String tag = tag();
        QualificationService groups = stack.bean(QualificationService.class);
        for (String n : List.of("b", "c", "a")) {
            groups.saveGroup(new QualificationGroupDefinition(null, tag + " " + n, List.of(new Qualification("SALE",
                    "Vente", "Sale", Qualification.QualificationCategory.POSITIVE)), 0));
        }
        Page page = admin();
        page.navigate(SESSION.session().base() + "admin/qualifications");

        filter(page, "#qualification-groups-filter", tag);
        expectRows(page, "#qualification-groups-grid", 0, tag + " a", tag + " b", tag + " c");
        sortBy(page, "#qualification-groups-grid", "Group");
        expectRows(page, "#qualification-groups-grid", 0, tag + " c", tag + " b", tag + " a");
    }

    @Test
    void pause_reasons_filter_and_sort_by_order_and_code() {
        String tag = tag();
        PauseReasonCatalog reasons = stack.bean(PauseReasonCatalog.class);
        // not offered (inactive), far down the list: the agents of other tests never see them
        reasons.save(new PauseReasonChoice(tag + "-b", "B " + tag, "B " + tag, 903, false));
        reasons.save(new PauseReasonChoice(tag + "-c", "C " + tag, "C " + tag, 901, false));
        reasons.save(new PauseReasonChoice(tag + "-a", "A " + tag, "A " + tag, 902, false));
        Page page = admin();
        page.navigate(SESSION.session().base() + "admin/pause-reasons");

        filter(page, "#pause-reasons-filter", tag);
        expectRows(page, "#pause-reasons-grid", 0, tag + "-c", tag + "-a", tag + "-b"); // by order
        sortBy(page, "#pause-reasons-grid", "Code");
        expectRows(page, "#pause-reasons-grid", 0, tag + "-a", tag + "-b", tag + "-c");
        sortBy(page, "#pause-reasons-grid", "Code");
        expectRows(page, "#pause-reasons-grid", 0, tag + "-c", tag + "-b", tag + "-a");
        filter(page, "#pause-reasons-filter", "A " + tag.toUpperCase()); // in a label, any case
        expectRows(page, "#pause-reasons-grid", 0, tag + "-a");
    }

    @Test
    void queues_filter_and_sort_by_group_and_priority() {
        String tag = tag();
        AgentGroupAdmin groups = stack.bean(AgentGroupAdmin.class);
        QueueAdmin queues = stack.bean(QueueAdmin.class);
        int[] priorities = {7, 3, 5};
        String[] names = {"b", "c", "a"};
        for (int i = 0; i < 3; i++) {
            long group = groups.saveGroup(AgentGroup.draft(tag + " " + names[i], null, null)).id();
            QueueDefinition d = QueueDefinition.draft(group);
            queues.save(new QueueDefinition(null, group, null, d.strategy(), priorities[i], null, 1, "default",
                    false, 60, 300, 15, 20, 10, 0));
        }
        Page page = admin();
        page.navigate(SESSION.session().base() + "admin/queues");

        filter(page, "#queues-filter", tag);
        expectRows(page, "#queues-admin-grid", 0, tag + " a", tag + " b", tag + " c");
        sortBy(page, "#queues-admin-grid", "Priority");
        expectRows(page, "#queues-admin-grid", 0, tag + " c", tag + " a", tag + " b"); // 3, 5, 7
        sortBy(page, "#queues-admin-grid", "Priority");
        expectRows(page, "#queues-admin-grid", 0, tag + " b", tag + " a", tag + " c");
    }

    @Test
    void scripts_filter_and_sort_by_name() {
        String tag = tag();
        ScriptService scripts = stack.bean(ScriptService.class);
        for (String n : List.of("c", "a", "b")) {
            scripts.create(tag + " " + n, "for the grid test", """
                    {"type": "default", "components": [
                      {"type": "textfield", "id": "Field_q", "key": "question", "label": "Question"}]}""", null);
        }
        Page page = admin();
        page.navigate(SESSION.session().base() + "scripts");

        filter(page, "#scripts-filter", tag);
        expectRows(page, "#scripts-grid", 0, tag + " a", tag + " b", tag + " c");
        sortBy(page, "#scripts-grid", "Name");
        expectRows(page, "#scripts-grid", 0, tag + " c", tag + " b", tag + " a");
    }

    @Test
    void trunks_and_dids_filter_and_sort() {
        String tag = tag();
        PbxConfigService pbx = stack.bean(PbxConfigService.class);
        Trunk b = pbx.createTrunk(TrunkDefinition.of(tag + "-b", "a.sip." + tag + ".example"));
        Trunk a = pbx.createTrunk(TrunkDefinition.of(tag + "-a", "c.sip." + tag + ".example"));
        pbx.createTrunk(TrunkDefinition.of(tag + "-c", "b.sip." + tag + ".example"));
        int base = 1000000 + ThreadLocalRandom.current().nextInt(8000000);
        String n1 = "+3319" + base;
        String n2 = "+3319" + (base + 1);
        String n3 = "+3319" + (base + 2);
        pbx.createDid(DidDefinition.ivr(n1, b.id(), "z " + tag));
        pbx.createDid(DidDefinition.ivr(n2, a.id(), "x " + tag));
        pbx.createDid(DidDefinition.ivr(n3, b.id(), "y " + tag));
        Page page = admin();
        page.navigate(SESSION.session().base() + "admin/pbx");

        filter(page, "#trunks-filter", tag);
        expectRows(page, "#trunks-grid", 0, tag + "-a", tag + "-b", tag + "-c");
        sortBy(page, "#trunks-grid", "Host");
        expectRows(page, "#trunks-grid", 0, tag + "-b", tag + "-c", tag + "-a");
        sortBy(page, "#trunks-grid", "Host"); // a second click: descending, sorted by the server as well
        expectRows(page, "#trunks-grid", 0, tag + "-a", tag + "-c", tag + "-b");

        filter(page, "#dids-filter", tag); // in the labels
        expectRows(page, "#dids-grid", 0, n1, n2, n3);
        sortBy(page, "#dids-grid", "Label");
        expectRows(page, "#dids-grid", 0, n2, n3, n1);
        sortBy(page, "#dids-grid", "Label");
        expectRows(page, "#dids-grid", 0, n1, n3, n2);
        filter(page, "#dids-filter", tag + "-a"); // a trunk's name
        expectRows(page, "#dids-grid", 0, n2);
    }

    private static void filter(Page page, String field, String text) {
        page.locator(field + " input").fill(text);
    }

    private static void sortBy(Page page, String grid, String header) {
        page.locator(grid + " vaadin-grid-sorter", new Page.LocatorOptions().setHasText(header)).click();
    }

    /**
     * The grid shows exactly these rows, in this order (the texts of column {@code column}, row by row), and its
     * size (the count the server gave) is their number.
     */
    private static void expectRows(Page page, String grid, int column, String... expected) {
        assertThat(page.locator(grid)).hasJSProperty("size", expected.length);
        List<String> rows = List.of();
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            rows = rows(page, grid, column);
            if (rows.equals(List.of(expected))) {
                return;
            }
            page.waitForTimeout(200);
        }
        assertThat(rows).as(grid + " rows").containsExactly(expected);
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows(Page page, String grid, int column) {
        return (List<String>) page.locator(grid).evaluate("""
                (grid, col) => Array.from(grid.shadowRoot.querySelectorAll('tbody#items tr'))
                    .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size)
                    .sort((a, b) => a.index - b.index)
                    .map(r => {
                        const cell = r.querySelectorAll('td')[col];
                        const slot = cell && cell.querySelector('slot');
                        const content = slot && slot.assignedElements()[0];
                        return content ? content.textContent.trim() : null;
                    })""", column);
    }
}
