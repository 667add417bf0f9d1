package com.evscallpro.ui.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.agentdesk.AgentDayFigures;
import com.evscallpro.core.agentdesk.AgentDayFigures.DayFigures;
import com.evscallpro.core.agentdesk.ContactCalls;
import com.evscallpro.core.agentdesk.ContactCalls.ContactPast;
import com.evscallpro.core.agentdesk.ContactCalls.PastCall;
import com.evscallpro.core.agentdesk.ContactCalls.PendingCallback;
import com.evscallpro.core.agentdesk.CustomFieldLabels;
import com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel;
import com.evscallpro.core.task.ScreenPop;
import com.evscallpro.core.task.TaskAssigned;
import com.evscallpro.core.task.WrapUpTask;
import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.ui.FakeVaadin;
import com.evscallpro.ui.security.CurrentUser;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * The screen-pop's custom field labels, the contact's previous calls and the agent's figures of the day, in the
 * agent view driven through its event bus (the services answer fixed data; their queries are tested in core).
 */
class AgentDeskViewTest {

    private static final long ME = 3;

    private final FakeVaadin vaadin = new FakeVaadin(Locale.ENGLISH);
    private final Fakes.Agents agents = new Fakes.Agents();
    private final Fakes.Tasks tasks = new Fakes.Tasks(agents);
    private final Fakes.Bus bus = new Fakes.Bus();
    private final ContactCalls contactCalls = mock(ContactCalls.class);
    private final AgentDayFigures figures = mock(AgentDayFigures.class);
    /** The real labelling (order, fallback to the humanised key) over a campaign's fixed definitions. */
    private final CustomFieldLabels labels = mock(CustomFieldLabels.class, Mockito.CALLS_REAL_METHODS);

    @AfterEach
    void tearDown() {
        vaadin.close();
    }

    private AgentView attachedView(boolean withServices) {
        CurrentUser currentUser = mock(CurrentUser.class);
        EvsUser me = new EvsUser(ME, "agent1", "x", true, "Agnès", Role.AGENT, "1001", Locale.ENGLISH);
        when(currentUser.require()).thenReturn(me);
        when(currentUser.get()).thenReturn(Optional.of(me));
        AgentView view = new AgentView(currentUser, agents.service(), tasks.service(), bus.service(),
                com.evscallpro.ui.FakePauseReasons.labels());
        if (withServices) {
            view.setCustomFieldLabels(labels);
            view.setContactCalls(contactCalls);
            view.setDayFigures(figures);
        }
        vaadin.ui().add(view);
        return view;
    }

    private static WrapUpTask task() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("date_naissance", "1980-02-03");
        custom.put("contrat", "A-17");
        return new WrapUpTask("c1", ME, 7, "Assurance auto",
                new ScreenPop(42, "Jeanne", "Martin", "+33612345678", custom, 2),
                Fakes.task(ME, "c1").qualifications(), Instant.parse("2026-04-01T11:00:00Z"));
    }

    @Test
    void custom_fields_show_the_campaign_labels_first_then_humanised_keys() {
        doReturn(List.of(new FieldLabel("contrat", "N° de contrat", "Contract number", 1))).when(labels).of(7);
        when(contactCalls.of(anyLong(), Mockito.any(), Mockito.any(), Mockito.anyInt()))
                .thenReturn(new ContactPast(List.of(), Optional.empty()));
        AgentView view = attachedView(true);
        bus.publish(new TaskAssigned(task()));
        assertThat(fields(view)).containsExactly("contrat=Contract number: A-17",
                "date_naissance=Date naissance: 1980-02-03");
    }

    @Test
    void without_the_labels_service_the_keys_are_humanised_never_raw() {
        AgentView view = attachedView(false);
        bus.publish(new TaskAssigned(task()));
        assertThat(fields(view)).containsExactly("date_naissance=Date naissance: 1980-02-03", "contrat=Contrat: A-17");
        assertThat(find(view.getElement(), "contact-history")).as("no panel without its service").isNull();
        assertThat(find(view.getElement(), "agent-day")).isNull();
    }

    @Test
    void the_contact_s_previous_calls_and_pending_callback_are_listed_newest_first() {
        doReturn(List.of()).when(labels).of(7);
        when(contactCalls.of(42L, "+33612345678", "c1", ContactCalls.MAX)).thenReturn(new ContactPast(List.of(
                new PastCall("p2", Instant.parse("2026-04-01T09:00:00Z"), "OUTBOUND", "Alice", "ANSWERED", "SALE",
                        "Vente", "Sale", 300),
                new PastCall("p1", Instant.parse("2026-03-31T15:00:00Z"), "INBOUND", null, "VOICEMAIL", null, null,
                        null, null)),
                Optional.of(new PendingCallback(Instant.parse("2026-04-03T09:30:00Z"), "Alice"))));
        AgentView view = attachedView(true);
        bus.publish(new TaskAssigned(task()));

        Element rows = find(view.getElement(), "contact-history-rows");
        assertThat(rows.getChildren().map(r -> r.getAttribute("data-call-id"))).containsExactly("p2", "p1");
        Element p2 = rows.getChild(0);
        assertThat(text(p2, "past-call-direction")).isEqualTo("Outbound");
        assertThat(text(p2, "past-call-agent")).isEqualTo("Alice");
        assertThat(text(p2, "past-call-outcome")).isEqualTo("Answered");
        assertThat(text(p2, "past-call-qualification")).isEqualTo("Sale");
        assertThat(text(p2, "past-call-talk")).isEqualTo("05:00");
        assertThat(text(p2, "past-call-at")).contains("4/1/26");
        Element p1 = rows.getChild(1);
        assertThat(text(p1, "past-call-direction")).isEqualTo("Inbound");
        assertThat(text(p1, "past-call-outcome")).isEqualTo("Voicemail");
        assertThat(text(p1, "past-call-qualification")).isEqualTo("—");
        Element callback = find(view.getElement(), "contact-history-callback");
        assertThat(callback.isVisible()).isTrue();
        assertThat(callback.getText()).startsWith("Callback planned on 4/3/26").endsWith("(personal: Alice)");
        assertThat(find(view.getElement(), "contact-history-empty").isVisible()).isFalse();
    }

    @Test
    void the_day_figures_are_shown_on_attach_and_read_again_when_a_call_ends_and_when_its_history_row_lands() {
        doReturn(List.of()).when(labels).of(7);
        when(figures.today(ME)).thenReturn(new DayFigures(0, 0, 0, 0, 0, 0),
                new DayFigures(3, 420, 120, 900, 7200, 1));
        AgentView view = attachedView(true);
        assertThat(bus.subscriberCount()).as("the view's six and the call records'").isEqualTo(7);
        assertThat(dayText(view)).containsExactly("0", "00:00", "—", "0", "00:00", "—");

        bus.publish(new AgentStatusChanged(agents.set(ME, AgentState.READY), AgentState.PAUSED));
        bus.publish(new AgentStatusChanged(agents.set(ME, AgentState.ON_CALL), AgentState.READY));
        bus.publish(new AgentStatusChanged(agents.set(ME, AgentState.WRAP_UP), AgentState.ON_CALL));
        // attach; ready (a pause ended); wrap-up (the call ended): not on call
        verify(figures, times(3)).today(ME);
        assertThat(dayText(view)).containsExactly("3", "07:00", "03:00", "1 (33%)", "15:00", "9%");

        // the call's history row lands after the state changes: read again for this agent's calls only
        bus.publish(new com.evscallpro.core.cdr.CallRecorded("another-agents-call", ME + 1));
        bus.publish(new com.evscallpro.core.cdr.CallRecorded("no-agent", null));
        verify(figures, times(3)).today(ME);
        bus.publish(new com.evscallpro.core.cdr.CallRecorded("my-call", ME));
        verify(figures, times(4)).today(ME);
    }

    private static List<String> dayText(AgentView view) {
        return List.of("day-calls", "day-talk", "day-aht", "day-positive", "day-pause", "day-occupancy").stream()
                .map(id -> find(view.getElement(), id).getText()).toList();
    }

    private static List<String> fields(AgentView view) {
        return find(view.getElement(), "custom-fields").getChildren()
                .map(row -> row.getAttribute("data-field") + "=" + row.getChild(0).getText() + ": "
                        + row.getChild(1).getText())
                .collect(Collectors.toList());
    }

    private static String text(Element row, String className) {
        return row.getChildren().filter(c -> c.getClassList().contains(className)).findFirst().orElseThrow()
                .getText();
    }

    private static Element find(Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return root;
        }
        return root.getChildren().map(c -> find(c, id)).filter(e -> e != null).findFirst().orElse(null);
    }

    @SuppressWarnings("unused")
    private static HasText asText(Component c) {
        return (HasText) c;
    }
}
