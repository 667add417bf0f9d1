package com.evscallpro.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.campaign.CampaignEdit;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.script.ScriptView;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Agent scripts end to end in a real Chromium against the running stack and the simulator: an analyst creates a script,
 * adds a field with the real form-js editor (dragged from its palette, key set in its properties panel) and publishes
 * it; a supervisor binds it to a campaign; an agent's call shows it in the screen-pop through the form-js viewer,
 * prefilled with the contact's first name; the agent answers and qualifies; the answers are in the call's record
 * ({@code call_history.script_answers}) and in the call detail API. A required field left empty refuses the
 * qualification in the page and through the agent API.
 */
class AgentScriptBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions WAIT =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    private static final LocatorAssertions.IsVisibleOptions VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
    @RegisterExtension
    static final BrowserSessionExtension browser = new BrowserSessionExtension();

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void an_analyst_builds_a_script_an_agent_fills_it_during_a_call_and_the_answers_are_in_the_call_s_record() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String scriptName = "Energy survey " + suffix;
        ScriptService scripts = stack.bean(ScriptService.class);

        // --- the analyst builds the script with the form-js editor --------------------------------------------------
        ApiClient.user(stack, "script-analyst", UserAccount.Role.ANALYST, null);
        Page analyst = browser.session().signIn("script-analyst", "script-analyst-pw");
        analyst.navigate(browser.session().base() + "scripts");
        analyst.locator("#new-script").click();
        analyst.locator("#new-script-name input").fill(scriptName);
        analyst.locator("#new-script-create").click();
        assertThat(analyst.locator("#script-editor-view")).isVisible(VISIBLE);
        Locator editor = analyst.locator("#script-editor");
        // the starter form, drawn by form-js: its text and its first-name field
        assertThat(editor.locator(".fjs-editor-container")).isVisible(VISIBLE);
        assertThat(editor.locator(".fjs-form-field-textfield")).hasCount(1);
        ScriptView script = scripts.scripts().stream().filter(s -> s.name().equals(scriptName)).findFirst()
                .orElseThrow();

        // drag a text field from form-js's palette below the starter's fields
        Locator paletteField = editor.locator(".fjs-palette-field[data-field-type='textfield']");
        assertThat(paletteField).isVisible();
        Locator fields = editor.locator(".fjs-form-field-textfield");
        dropBelowTheLastRow(analyst, editor, paletteField, fields, 2);
        assertThat(fields).hasCount(2);
        // the new field is selected: name it in form-js's properties panel
        Locator key = editor.locator("#bio-properties-panel-key");
        if (!key.isVisible()) {
            editor.locator(".bio-properties-panel-group-header", new Locator.LocatorOptions().setHasText("General"))
                    .first().click();
        }
        Locator label = editor.locator("#bio-properties-panel-label");
        label.fill("Interest level");
        key.fill("interest");
        key.blur();
        assertThat(editor.locator(".fjs-form-field-textfield label", new Locator.LocatorOptions()
                .setHasText("Interest level"))).isVisible();

        analyst.locator("#script-publish").click();
        analyst.locator("#script-publish-comment input").fill("first version");
        analyst.locator("#script-publish-confirm").click();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(scripts.published(script.id())).hasValueSatisfying(p -> {
                    assertThat(p.schemaJson()).contains("\"interest\"").contains("Interest level")
                            .contains("contact.firstName");
                    assertThat(p.number()).isEqualTo(1);
                }));
        assertThat(analyst.locator("#script-status")).containsText("v1");

        // --- a supervisor binds it to a campaign -------------------------------------------------------------------
        UserAccount a = ApiClient.user(stack, "script-agent", UserAccount.Role.AGENT, "2193");
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Script browser " + suffix, null,
                null), List.of(a.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        CampaignEdit d = CampaignEdit.defaults("Script browser " + suffix);
        long campaignId = campaign(d.name(), group, new ContactInput("Paula", "Script",
                SandboxTestContext.ANSWERS_AND_TALKS, Map.of("contrat", "AUTO-42")));
        ApiClient.user(stack, "script-supervisor", UserAccount.Role.SUPERVISOR, null);
        Page supervisor = browser.session().signIn("script-supervisor", "script-supervisor-pw");
        supervisor.navigate(browser.session().base() + "campaigns");
        // the whole suite leaves dozens of campaigns: this one's row is found through the name filter, not scrolled to
        // (and only once the server has applied it: the grid's refresh would close a row menu opened before)
        supervisor.waitForRequest(r -> r.url().contains("v-r=uidl") && r.postData() != null
                && r.postData().contains(suffix), () -> supervisor.locator("#campaigns-filter input").fill(d.name()))
                .response();
        supervisor.locator("#more-campaign-" + campaignId).filter(new Locator.FilterOptions().setVisible(true))
                .click();
        supervisor.locator("#campaign-script-" + campaignId).click();
        supervisor.locator("#script-picker input").click();
        supervisor.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(scriptName)).click();
        supervisor.locator("#script-picker-save").click();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(scripts.campaignScriptId(campaignId)).contains(script.id()));
        // the campaign's form shows it in its script field
        supervisor.locator("#edit-campaign-" + campaignId).filter(new Locator.FilterOptions().setVisible(true))
                .click(); // (a row the filter left may keep a hidden stale copy of its buttons)
        assertThat(supervisor.locator("#campaign-script input")).hasValue(scriptName + " · v1");
        supervisor.locator("#cancel-campaign").click();

        // --- the agent takes a call and fills the script -----------------------------------------------------------
        AgentService agents = stack.bean(AgentService.class);
        try {
            Page page = browser.session().signIn("script-agent", "script-agent-pw");
            page.navigate(browser.session().base() + "agent");
            page.locator("#ready-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            campaigns.start(campaignId);
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
            Locator form = page.locator("#agent-script-form");
            assertThat(page.locator("#agent-script")).isVisible(VISIBLE);
            // prefilled by form-js from the contact: the field keyed contact.firstName shows the contact's first name
            Locator firstName = form.locator(".fjs-form-field-textfield", new Locator.LocatorOptions()
                    .setHasText("First name")).locator("input");
            assertThat(firstName).hasValue("Paula");
            Locator interest = form.locator(".fjs-form-field-textfield", new Locator.LocatorOptions()
                    .setHasText("Interest level")).locator("input");
            interest.fill("wants a quote");
            interest.blur();
            page.waitForTimeout(1_000); // form-js reports changes after its input debounce
            String callId = agents.status(a.id()).callId();

            page.locator("#call-hangup").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "WRAP_UP", WAIT);
            page.locator("#qualification-select vaadin-radio-button", new Page.LocatorOptions().setHasText("Sale"))
                    .first().click();
            page.locator("#qualify-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);

            // --- the answers are in the call's record ----------------------------------------------------------------
            JdbcClient jdbc = stack.bean(JdbcClient.class);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT script_answers ->> 'interest' FROM call_history WHERE call_id = ?").param(callId)
                    .query(String.class).optional()).contains("wants a quote"));
            assertThat(jdbc.sql("SELECT script_answers #>> '{contact,firstName}' FROM call_history WHERE call_id = ?")
                    .param(callId).query(String.class).single()).isEqualTo("Paula");
            ApiClient api = new ApiClient(stack);
            String token = api.accessToken("script-supervisor", "script-supervisor-pw");
            ApiClient.Response detail = api.get("/api/v1/calls/" + callId, token);
            assertThat(detail.status()).isEqualTo(200);
            JsonNode answers = detail.json().get("scriptAnswers");
            assertThat(answers.get("interest").asText()).isEqualTo("wants a quote");
            assertThat(detail.json().get("row").get("qualificationCode").asText()).isEqualTo("SALE");
            assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
        } finally {
            stop(campaignId, a.id());
        }
    }

    /**
     * A script's required field at qualification: a French-speaking agent qualifies a call as a sale without filling
     * the required field; the agent REST API and the page are both refused ({@code script.answer-required}), the
     * screen-pop says why in French and the form-js viewer marks the field; the agent fills it, qualifies, and the
     * answer is in the call's record. On the way, form-js's own texts and its date picker (format, calendar) are
     * French, and the date picked is stored as an ISO date.
     */
    @Test
    void a_sale_without_the_script_s_required_field_is_refused_with_the_field_marked_then_qualified_once_filled() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ScriptService scripts = stack.bean(ScriptService.class);
        ScriptView script = scripts.create("Required survey " + suffix, null, """
                {"type": "default", "components": [
                  {"type": "textfield", "key": "contact.firstName", "label": "First name", "id": "Field_first"},
                  {"type": "textfield", "key": "email", "label": "Customer e-mail", "id": "Field_email",
                   "validate": {"required": true, "validationType": "email"}},
                  {"type": "select", "key": "offer", "label": "Offer", "id": "Field_offer",
                   "values": [{"label": "Gold", "value": "gold"}, {"label": "Silver", "value": "silver"}]},
                  {"type": "taglist", "key": "topics", "label": "Topics", "id": "Field_topics",
                   "values": [{"label": "Price", "value": "price"}, {"label": "Delivery", "value": "delivery"}]},
                  {"type": "number", "key": "seats", "label": "Seats", "id": "Field_seats"},
                  {"type": "datetime", "key": "visit", "subtype": "date", "dateLabel": "Visit", "id": "Field_visit"},
                  {"type": "datetime", "key": "callback", "subtype": "datetime", "dateLabel": "Callback day",
                   "timeLabel": "Callback time", "timeSerializingFormat": "utc_offset", "timeInterval": 15,
                   "id": "Field_callback"}]}""",
                null);
        scripts.publish(scripts.latest(script.id()).orElseThrow().id(), null);

        String username = "req-agent-" + suffix;
        UserAccount a = stack.bean(UserAccountService.class).create(username, username + "-pw", username,
                UserAccount.Role.AGENT, "2194", "fr");
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Required script " + suffix, null,
                null), List.of(a.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = campaign("Required script " + suffix, group, new ContactInput("Rita", "Required",
                SandboxTestContext.ANSWERS_AND_TALKS, Map.of()));
        scripts.bindCampaign(campaignId, script.id());

        AgentService agents = stack.bean(AgentService.class);
        try {
            Page page = browser.session().signIn(username, username + "-pw");
            page.navigate(browser.session().base() + "agent");
            page.locator("#ready-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            campaigns.start(campaignId);
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
            assertThat(page.locator("#agent-script")).isVisible(VISIBLE);
            Locator form = page.locator("#agent-script-form");
            assertThat(form.locator(".fjs-form-field-textfield", new Locator.LocatorOptions()
                    .setHasText("First name")).locator("input")).hasValue("Rita");
            // form-js's own texts around the fields, in the agent's language (its English literals replaced)
            assertThat(form.locator(".fjs-form-field-select .fjs-select-display")).hasText("Sélectionner");
            assertThat(form.locator(".fjs-form-field-taglist input.fjs-taglist-input"))
                    .hasAttribute("placeholder", "Rechercher");
            assertThat(form.locator(".fjs-form-field-number .fjs-number-arrow-up"))
                    .hasAttribute("aria-label", "Augmenter");
            form.locator(".fjs-form-field-taglist input.fjs-taglist-input").fill("zzz");
            assertThat(form.locator(".fjs-form-field-taglist .fjs-dropdownlist-empty")).hasText("Aucun résultat");
            form.locator(".fjs-form-field-taglist input.fjs-taglist-input").fill("");
            // the date picker in French: the format typed and shown is dd/mm/yyyy whatever the browser's locale (en-US
            // here), the calendar's names are French, its weeks start on Monday; the answer stored is an ISO date
            Locator visit = datetimeField(form, "Field_visit");
            Locator date = visit.locator("input[id$='Field_visit-date']");
            assertThat(date).hasAttribute("placeholder", "jj/mm/aaaa");
            date.fill("15/03/2026");
            date.press("Enter");
            assertThat(date).hasValue("15/03/2026");
            date.click();
            Locator calendar = visit.locator(".flatpickr-calendar");
            assertThat(calendar).isVisible();
            assertThat(calendar.locator(".flatpickr-weekday")).hasText(new String[] {"lun", "mar", "mer", "jeu", "ven",
                "sam", "dim"});
            Locator month = calendar.locator("select.flatpickr-monthDropdown-months");
            assertThat(month).hasValue("2");
            assertThat(month.locator("option[value='2']")).hasText("mars");
            assertThat(month).hasAttribute("aria-label", "Mois");
            assertThat(calendar.locator("input.cur-year")).hasAttribute("aria-label", "Année");
            assertThat(calendar.locator(".flatpickr-day.selected")).hasAttribute("aria-label", "15 mars 2026");
            // 1 March 2026 is a Sunday: the last day of the first week, after six days of February
            assertThat(calendar.locator(".flatpickr-day.prevMonthDay")).hasCount(6);
            calendar.locator(".flatpickr-day[aria-label='20 mars 2026']").click();
            assertThat(date).hasValue("20/03/2026");
            // the time picker in French: 24-hour, typed and shown, although the field leaves form-js's 12-hour default
            // (no use24h, as the editor writes it); the answer stored is what form-js stores for 14:30 (its UTC offset
            // form, as the field asks)
            Locator callback = datetimeField(form, "Field_callback");
            Locator callbackDay = callback.locator("input[id$='Field_callback-date']");
            callbackDay.fill("20/03/2026");
            callbackDay.press("Enter");
            callbackDay.press("Escape");
            Locator time = callback.locator("input[id$='Field_callback-time']");
            assertThat(time).hasAttribute("placeholder", "hh:mm");
            time.click();
            Locator times = callback.locator(".fjs-dropdownlist-item");
            assertThat(times).hasCount(96);
            assertThat(times.first()).hasText("00:00");
            assertThat(times.nth(58)).hasText("14:30");
            assertThat(callback.locator(".fjs-dropdownlist")).not().containsText("AM");
            assertThat(callback.locator(".fjs-dropdownlist")).not().containsText("PM");
            time.fill("14:30");
            time.press("Enter");
            assertThat(time).hasValue("14:30");
            time.blur();
            assertThat(time).hasValue("14:30");
            page.waitForTimeout(1_000); // form-js reports changes after its input debounce
            String callId = agents.status(a.id()).callId();

            page.locator("#call-hangup").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "WRAP_UP", WAIT);
            // the agent REST API goes through the same check: refused, nothing changes
            ApiClient api = new ApiClient(stack);
            String token = api.accessToken(username, username + "-pw");
            ApiClient.Response refused = api.post("/api/v1/agent/qualify", token, ApiClient.map("callId", callId,
                    "qualificationCode", "SALE", "scriptAnswers", Map.of("email", "")));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("script.answer-required");
            assertThat(refused.json().get("args").get(0).asText()).isEqualTo("Customer e-mail");
            ApiClient.Response invalid = api.post("/api/v1/agent/qualify", token, ApiClient.map("callId", callId,
                    "qualificationCode", "NOT_INTERESTED", "scriptAnswers", Map.of("email", "rita-at-example")));
            assertThat(invalid.code()).as(invalid.body()).isEqualTo("script.answer-email");
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "WRAP_UP");

            page.locator("#qualification-select vaadin-radio-button", new Page.LocatorOptions().setHasText("Vente"))
                    .first().click();
            page.locator("#qualify-button").click();
            // refused by the server: said in French under the qualification, the field marked by the viewer
            assertThat(page.locator("#qualify-error")).containsText(Pattern.compile(
                    "Le script n.est pas complet.*Customer e-mail.*obligatoire"));
            Locator email = form.locator(".fjs-form-field-textfield", new Locator.LocatorOptions()
                    .setHasText("Customer e-mail"));
            assertThat(email.locator(".fjs-form-field-error")).isVisible(VISIBLE);
            // form-js's own message under the field, in the agent's language (its English one is replaced)
            assertThat(email.locator(".fjs-form-field-error")).hasText("Ce champ est obligatoire.");
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "WRAP_UP");
            assertThat(stack.bean(JdbcClient.class).sql("SELECT qualification_code FROM call_history WHERE call_id = ?")
                    .param(callId).query(String.class).optional().orElse(null)).as("not qualified").isNull();

            email.locator("input").fill("rita-at-example");
            email.locator("input").blur();
            assertThat(email.locator(".fjs-form-field-error")).hasText("Adresse e-mail non valide.",
                    new LocatorAssertions.HasTextOptions().setTimeout(10_000));
            email.locator("input").fill("rita@example.org");
            email.locator("input").blur();
            page.waitForTimeout(1_000); // form-js reports changes after its input debounce
            assertThat(email.locator(".fjs-form-field-error")).isHidden();
            page.locator("#qualify-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);

            JdbcClient jdbc = stack.bean(JdbcClient.class);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT script_answers ->> 'email' FROM call_history WHERE call_id = ?").param(callId)
                    .query(String.class).optional()).contains("rita@example.org"));
            assertThat(jdbc.sql("SELECT qualification_code FROM call_history WHERE call_id = ?").param(callId)
                    .query(String.class).single()).isEqualTo("SALE");
            // the date the agent picked in the French calendar, as form-js stores it
            assertThat(jdbc.sql("SELECT script_answers ->> 'visit' FROM call_history WHERE call_id = ?").param(callId)
                    .query(String.class).single()).isEqualTo("2026-03-20");
            // the time typed in 24-hour, as form-js stores it whatever the clock shown
            assertThat(jdbc.sql("SELECT script_answers ->> 'callback' FROM call_history WHERE call_id = ?")
                    .param(callId).query(String.class).single()).isEqualTo("2026-03-20T14:30" + utcOffset(page));
            assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
        } finally {
            stop(campaignId, a.id());
        }
    }

    /**
     * An English-speaking agent in a browser set to French ({@code fr-FR}): the date picker's format is the language's,
     * mm/dd/yyyy (not the browser's dd/mm/yyyy), with English names and weeks from Sunday; the time picker follows the
     * field's own clock (12-hour: "02:30 PM" for 14:30, form-js's default). The agent switches the UI to French during
     * the call: the page is drawn again in French (dd/mm/yyyy, 24-hour) with what was typed so far; the answers stored
     * are the same as if typed in French.
     */
    @Test
    void an_english_agent_gets_the_language_s_date_format_and_the_field_s_clock_and_a_switch_to_french_keeps_the_answers() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ScriptService scripts = stack.bean(ScriptService.class);
        ScriptView script = scripts.create("Clock survey " + suffix, null, """
                {"type": "default", "components": [
                  {"type": "textfield", "key": "contact.firstName", "label": "First name", "id": "Field_first"},
                  {"type": "datetime", "key": "visit", "subtype": "date", "dateLabel": "Visit", "id": "Field_visit"},
                  {"type": "datetime", "key": "callback", "subtype": "datetime", "dateLabel": "Callback day",
                   "timeLabel": "Callback time", "timeSerializingFormat": "utc_offset", "timeInterval": 15,
                   "id": "Field_callback"}]}""",
                null);
        scripts.publish(scripts.latest(script.id()).orElseThrow().id(), null);
        String username = "clock-agent-" + suffix;
        UserAccount a = stack.bean(UserAccountService.class).create(username, username + "-pw", username,
                UserAccount.Role.AGENT, "2195", "en");
        long group = stack.bean(AgentGroupAdmin.class).saveGroup(AgentGroup.draft("Clock script " + suffix, null,
                null), List.of(a.id())).id();
        CampaignService campaigns = stack.bean(CampaignService.class);
        long campaignId = campaign("Clock script " + suffix, group, new ContactInput("Carl", "Clock",
                SandboxTestContext.ANSWERS_AND_TALKS, Map.of()));
        scripts.bindCampaign(campaignId, script.id());

        AgentService agents = stack.bean(AgentService.class);
        try {
            Page page = browser.session().signIn(username, username + "-pw", "fr-FR");
            page.navigate(browser.session().base() + "agent");
            page.locator("#ready-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            campaigns.start(campaignId);
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
            assertThat(page.locator("#agent-script")).isVisible(VISIBLE);
            Locator form = page.locator("#agent-script-form");
            assertThat(form.locator(".fjs-form-field-textfield input")).hasValue("Carl");

            // the date: mm/dd/yyyy, the English calendar, whatever the browser's locale
            Locator visit = datetimeField(form, "Field_visit");
            Locator date = visit.locator("input[id$='Field_visit-date']");
            assertThat(date).hasAttribute("placeholder", "mm/dd/yyyy");
            date.fill("03/15/2026");
            date.press("Enter");
            assertThat(date).hasValue("03/15/2026");
            assertThat(visit.locator(".flatpickr-weekday").first()).hasText("Sun");
            assertThat(visit.locator(".flatpickr-day.selected")).hasAttribute("aria-label", "March 15, 2026");
            date.press("Escape");

            // the time: the field's clock, 12-hour
            Locator callback = datetimeField(form, "Field_callback");
            Locator callbackDay = callback.locator("input[id$='Field_callback-date']");
            callbackDay.fill("03/20/2026");
            callbackDay.press("Enter");
            callbackDay.press("Escape");
            Locator time = callback.locator("input[id$='Field_callback-time']");
            assertThat(time).hasAttribute("placeholder", "hh:mm --");
            time.click();
            assertThat(callback.locator(".fjs-dropdownlist-item").first()).hasText("12:00 AM");
            time.fill("14:30");
            time.press("Enter");
            assertThat(time).hasValue("02:30 PM");
            time.blur();
            page.waitForTimeout(1_000); // form-js reports changes after its input debounce
            String callId = agents.status(a.id()).callId();

            // the viewer follows a change of its language without a reload too (ScriptForm sends it when the UI's
            // locale changes): drawn again in French with what was typed, then in English again
            form.evaluate("el => { el.lang = 'fr'; }");
            assertThat(time).hasValue("14:30");
            assertThat(date).hasValue("15/03/2026");
            form.evaluate("el => { el.lang = 'en'; }");
            assertThat(time).hasValue("02:30 PM");
            assertThat(date).hasValue("03/15/2026");

            // the agent switches to French during the call: the page is reloaded, the form drawn again in French with
            // the answers typed so far
            page.evaluate("() => { window.evsBeforeSwitch = true; }");
            page.locator("#lang-fr").click();
            page.waitForFunction("() => !window.evsBeforeSwitch"); // a new page
            assertThat(page.locator("#lang-fr")).hasAttribute("aria-pressed", "true");
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "ON_CALL", WAIT);
            form = page.locator("#agent-script-form");
            assertThat(datetimeField(form, "Field_visit").locator("input[id$='Field_visit-date']"))
                    .hasValue("15/03/2026");
            assertThat(datetimeField(form, "Field_visit").locator("input[id$='Field_visit-date']"))
                    .hasAttribute("placeholder", "jj/mm/aaaa");
            callback = datetimeField(form, "Field_callback");
            assertThat(callback.locator("input[id$='Field_callback-date']")).hasValue("20/03/2026");
            assertThat(callback.locator("input[id$='Field_callback-time']")).hasValue("14:30");
            assertThat(callback.locator("input[id$='Field_callback-time']")).hasAttribute("placeholder", "hh:mm");

            page.locator("#call-hangup").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "WRAP_UP", WAIT);
            page.locator("#qualification-select vaadin-radio-button", new Page.LocatorOptions().setHasText("Vente"))
                    .first().click();
            page.locator("#qualify-button").click();
            assertThat(page.locator("#agent-state")).hasAttribute("data-state", "READY", WAIT);
            JdbcClient jdbc = stack.bean(JdbcClient.class);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT script_answers ->> 'visit' FROM call_history WHERE call_id = ?").param(callId)
                    .query(String.class).optional()).contains("2026-03-15"));
            assertThat(jdbc.sql("SELECT script_answers ->> 'callback' FROM call_history WHERE call_id = ?")
                    .param(callId).query(String.class).single()).isEqualTo("2026-03-20T14:30" + utcOffset(page));
            assertThat(browser.session().cspViolations).as("CSP violations").isEmpty();
        } finally {
            stop(campaignId, a.id());
        }
    }

    /** The form-js datetime field whose id is {@code id}. */
    private static Locator datetimeField(Locator form, String id) {
        return form.locator(".fjs-form-field-datetime", new Locator.LocatorOptions()
                .setHas(form.page().locator("input[id*='" + id + "-']")));
    }

    /** The browser's UTC offset on 20 March 2026 at 14:30, as form-js writes it (+01:00, +00:00). */
    private static String utcOffset(Page page) {
        return (String) page.evaluate("""
                () => {
                  const m = new Date(2026, 2, 20, 14, 30).getTimezoneOffset();
                  const p = (n) => String(n).padStart(2, '0');
                  return (m > 0 ? '-' : '+') + p(Math.floor(Math.abs(m) / 60)) + ':' + p(Math.abs(m) % 60);
                }""");
    }

    /** A campaign of one agent group with one contact (not started). */
    private long campaign(String name, long group, ContactInput contact) {
        CampaignService campaigns = stack.bean(CampaignService.class);
        CampaignEdit d = CampaignEdit.defaults(name);
        long campaignId = stack.withoutCallingRules(campaigns.create(new CampaignEdit(d.name(), null, null, 5, 1, 25,
                "+33170000001", null, null, null, "FR", "FR", d.dialingMode(), 30, 2.5, 3, d.amdMode(), null, null, null,
                null, false, 0, 120, false, Set.of(group))));
        stack.bean(ContactImportService.class).importContacts(campaignId, List.of(contact));
        return campaignId;
    }

    /** The campaign calls no one else, the agent takes no later test's calls. */
    private void stop(long campaignId, long agentId) {
        stack.bean(CampaignService.class).pause(campaignId);
        try {
            stack.bean(AgentService.class).pause(agentId, "BREAK");
        } catch (RuntimeException ignored) {
            // already paused or out
        }
    }

    /**
     * Drops {@code paletteField} below the form's last row until {@code fields} counts {@code expected}: a synthetic
     * drag can be lost on a loaded machine (the drop target read before the layout settled), so the mouse gesture is
     * tried again; what is checked is the field form-js added.
     */
    static void dropBelowTheLastRow(Page page, Locator editor, Locator paletteField, Locator fields, int expected) {
        for (int attempt = 0; attempt < 3 && fields.count() < expected; attempt++) {
            dragBelowTheLastRow(page, editor, paletteField);
            try {
                page.waitForCondition(() -> fields.count() >= expected,
                        new Page.WaitForConditionOptions().setTimeout(5_000));
            } catch (com.microsoft.playwright.TimeoutError lost) {
                // the next attempt drags again
            }
        }
    }

    /** Drags {@code paletteField} in small steps to just below the form's last row, as a hand would. */
    private static void dragBelowTheLastRow(Page page, Locator editor, Locator paletteField) {
        BoundingBox from = paletteField.boundingBox();
        BoundingBox to = editor.locator(".fjs-drag-row-move").last().boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        for (int i = 1; i <= 10; i++) {
            page.mouse().move(from.x + from.width / 2 + (to.x + to.width / 2 - from.x - from.width / 2) * i / 10,
                    from.y + from.height / 2 + (to.y + to.height - 4 - from.y - from.height / 2) * i / 10);
            page.waitForTimeout(80);
        }
        page.mouse().up();
    }
}
