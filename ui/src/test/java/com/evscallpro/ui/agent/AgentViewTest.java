package com.evscallpro.ui.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.task.TaskAssigned;
import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.ui.FakeVaadin;
import com.evscallpro.ui.security.CurrentUser;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentViewTest {

    private static final long ME = 3;

    private final FakeVaadin vaadin = new FakeVaadin(Locale.ENGLISH);
    private final Fakes.Agents agents = new Fakes.Agents();
    private final Fakes.Tasks tasks = new Fakes.Tasks(agents);
    private final Fakes.Bus bus = new Fakes.Bus();

    @AfterEach
    void tearDown() {
        vaadin.close();
    }

    private AgentView attachedView() {
        CurrentUser currentUser = mock(CurrentUser.class);
        EvsUser me = new EvsUser(ME, "agent1", "x", true, "Agnès", Role.AGENT, "1001", Locale.ENGLISH);
        when(currentUser.require()).thenReturn(me);
        when(currentUser.get()).thenReturn(Optional.of(me));
        AgentView view = new AgentView(currentUser, agents.service(), tasks.service(), bus.service(),
                com.evscallpro.ui.FakePauseReasons.labels());
        vaadin.ui().add(view);
        return view;
    }

    @Test
    void shows_the_translated_state_with_its_name_as_data_state() {
        agents.set(ME, AgentState.PAUSED);
        AgentView view = attachedView();
        HasText state = find(view, "agent-state");
        assertThat(state.getText()).isEqualTo("Paused");
        assertThat(view.shownState()).isEqualTo("PAUSED");
        assertThat(((Component) find(view, "agent-pause-reason")).getElement().getText()).isEqualTo("Break");
    }

    @Test
    void a_task_assigned_event_for_this_agent_pops_the_screen() {
        AgentView view = attachedView();
        assertThat(view.screenPop().isVisible()).isFalse();

        bus.publish(new TaskAssigned(Fakes.task(99, "not-mine")));
        assertThat(view.screenPop().isVisible()).isFalse();

        bus.publish(new TaskAssigned(Fakes.task(ME, "c1")));
        assertThat(view.screenPop().isVisible()).isTrue();
        assertThat(((HasText) find(view, "contact-name")).getText()).isEqualTo("Jeanne Martin");
        assertThat(((HasText) find(view, "contact-phone")).getText()).isEqualTo("+33612345678");
        assertThat(((HasText) find(view, "campaign-name")).getText()).isEqualTo("Assurance auto");
        assertThat(((HasText) find(view, "contact-attempt")).getText()).isEqualTo("Attempt 2");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<com.evscallpro.core.qualification.Qualification> group =
                (RadioButtonGroup<com.evscallpro.core.qualification.Qualification>) find(view, "qualification-select");
        assertThat(group.getItemLabelGenerator().apply(Fakes.task(ME, "c1").qualifications().get(1)))
                .isEqualTo("Call back");
    }

    @Test
    void agent_status_events_update_the_state_live() {
        AgentView view = attachedView();
        assertThat(view.shownState()).isEqualTo("OFFLINE");
        bus.publish(new AgentStatusChanged(agents.set(ME, AgentState.ON_CALL), AgentState.READY));
        assertThat(view.shownState()).isEqualTo("ON_CALL");
        assertThat(((HasText) find(view, "agent-state")).getText()).isEqualTo("On call");
    }

    @Test
    void the_customer_ringing_and_hanging_up_are_shown_for_this_agent_call_only() {
        AgentView view = attachedView();
        Component progress = find(view, "call-progress");
        assertThat(progress.isVisible()).isFalse();
        bus.publish(new com.evscallpro.core.call.LiveCallChanged(liveCall(99L, "RINGING")));
        assertThat(progress.isVisible()).as("another agent's call").isFalse();
        bus.publish(new com.evscallpro.core.call.LiveCallChanged(liveCall(ME, "RINGING")));
        assertThat(progress.isVisible()).isTrue();
        assertThat(((HasText) progress).getText()).isEqualTo("The customer's phone is ringing…");
        bus.publish(new com.evscallpro.core.call.LiveCallChanged(liveCall(ME, "ENDED")));
        assertThat(progress.getElement().getAttribute("data-progress")).isEqualTo("ENDED");
        assertThat(((HasText) progress).getText()).contains("no longer on the line");
        bus.publish(new AgentStatusChanged(agents.set(ME, AgentState.READY), AgentState.WRAP_UP));
        assertThat(progress.isVisible()).as("no call any more").isFalse();
    }

    private static com.evscallpro.core.call.LiveCall liveCall(long agent, String state) {
        return new com.evscallpro.core.call.LiveCall("c-" + agent, 1, "Campaign", 2, "Carl Control",
                "+33 6•• •• •• 78", agent, "Agent", com.evscallpro.core.call.LiveCall.LiveCallState.valueOf(state),
                java.time.Instant.now(), null);
    }

    @Test
    void detaching_the_view_unsubscribes_from_the_bus() {
        AgentView view = attachedView();
        // status, forced by a supervisor, task, inbound call connected, call controls, progress
        assertThat(bus.subscriberCount()).isEqualTo(7);
        vaadin.ui().remove(view);
        assertThat(bus.subscriberCount()).isZero();
    }

    @Test
    void qualifying_from_the_form_clears_the_panel_and_shows_ready() {
        agents.set(ME, AgentState.WRAP_UP);
        tasks.current.put(ME, Fakes.task(ME, "c1"));
        AgentView view = attachedView();
        assertThat(view.screenPop().isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<com.evscallpro.core.qualification.Qualification> group =
                (RadioButtonGroup<com.evscallpro.core.qualification.Qualification>) find(view, "qualification-select");
        group.setValue(Fakes.task(ME, "c1").qualifications().getFirst());
        assertThat(((Component) find(view, "callback-at")).isVisible()).isFalse();
        ((com.vaadin.flow.component.button.Button) find(view, "qualify-button")).click();
        assertThat(tasks.qualified).containsExactly("c1:SALE:null:null");
        assertThat(view.screenPop().isVisible()).isFalse();
        assertThat(view.shownState()).isEqualTo("READY");
    }

    @Test
    void a_callback_qualification_shows_the_date_picker() {
        tasks.current.put(ME, Fakes.task(ME, "c1"));
        AgentView view = attachedView();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<com.evscallpro.core.qualification.Qualification> group =
                (RadioButtonGroup<com.evscallpro.core.qualification.Qualification>) find(view, "qualification-select");
        group.setValue(Fakes.task(ME, "c1").qualifications().get(1));
        assertThat(((Component) find(view, "callback-at")).isVisible()).isTrue();
        ((com.vaadin.flow.component.button.Button) find(view, "qualify-button")).click();
        assertThat(tasks.qualified).isEmpty();
        assertThat(((HasText) find(view, "qualify-error")).getText()).isEqualTo("Choose the callback date and time.");
    }

    @SuppressWarnings("unchecked")
    private static <T> T find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return (T) root;
        }
        return (T) root.getChildren().map(c -> (Object) findOrNull(c, id)).filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow(() -> new AssertionError("no component with id " + id));
    }

    private static Component findOrNull(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return root;
        }
        return root.getChildren().map(c -> findOrNull(c, id)).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }
}
