package com.evscallpro.ui.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.supervision.ActiveSpy;
import com.evscallpro.core.supervision.ListenMode;
import com.evscallpro.core.supervision.SupervisorCallControl;
import com.evscallpro.ui.FakePauseReasons;
import com.evscallpro.ui.FakeVaadin;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The supervisor is not offered a mode switch the call's PBX cannot do: with a session running on the selected
 * agent's call that cannot switch ({@link ActiveSpy#canSwitchMode()} false, as the service answers on a Yeastar
 * site: core's {@code SupervisorCallControlServiceTest}), listen / whisper / barge give way to the hint; on another
 * agent, or with a session that can switch, the buttons are back.
 */
class CallControlPanelTest {

    private static final long SUPERVISOR = 40;

    private static AgentStatus talking(long id) {
        return new AgentStatus(id, "agent" + id, "Agent " + id, "20" + id, AgentState.ON_CALL, null, Instant.now(),
                "call-" + id);
    }

    private static ActiveSpy listeningTo(long agentId, boolean canSwitch) {
        return new ActiveSpy(SUPERVISOR, agentId, "Agent " + agentId, "call-" + agentId, ListenMode.LISTEN, "3001",
                Instant.now(), canSwitch);
    }

    @Test
    void a_session_that_cannot_switch_shows_the_hint_instead_of_the_mode_buttons_on_its_agent_only() {
        try (FakeVaadin vaadin = new FakeVaadin(Locale.FRENCH)) {
            SupervisorCallControl control = mock(SupervisorCallControl.class);
            when(control.phoneOf(SUPERVISOR)).thenReturn(Optional.of("3001"));
            when(control.activeSpy(SUPERVISOR)).thenReturn(Optional.empty());
            CallControlPanel panel = new CallControlPanel(control, SUPERVISOR, FakePauseReasons.labels());
            vaadin.ui().add(panel);
            panel.select(talking(12));
            assertThat(modes(panel)).containsExactly(true, true, true);
            assertThat(find(panel, "spy-mode-hint").isVisible()).isFalse();

            panel.showSpy(listeningTo(12, false));

            assertThat(modes(panel)).containsExactly(false, false, false);
            assertThat(find(panel, "spy-mode-hint").isVisible()).isTrue();
            assertThat(find(panel, "spy-mode-hint").getText()).isEqualTo("Le système téléphonique de ce site ne "
                    + "permet pas de changer de mode pendant une écoute : arrêtez, puis relancez dans l’autre mode "
                    + "(votre téléphone sonnera de nouveau).");
            assertThat(find(panel, "spy-stop").isEnabled()).isTrue();
            assertThat(find(panel, "take-over").isVisible()).isTrue();

            panel.select(talking(13));
            assertThat(modes(panel)).as("another agent: a new session").containsExactly(true, true, true);
            assertThat(find(panel, "spy-mode-hint").isVisible()).isFalse();
            panel.select(talking(12));
            panel.showSpy(listeningTo(12, true));
            assertThat(modes(panel)).as("an Asterisk site switches").containsExactly(true, true, true);
            panel.showSpy(listeningTo(12, false));
            panel.showSpy(null);
            assertThat(modes(panel)).as("the session stopped").containsExactly(true, true, true);
            assertThat(find(panel, "spy-mode-hint").isVisible()).isFalse();
        }
    }

    private static List<Boolean> modes(CallControlPanel panel) {
        return List.of("spy-listen", "spy-whisper", "spy-barge").stream().map(id -> find(panel, id).isVisible())
                .toList();
    }

    private static Element find(CallControlPanel panel, String id) {
        return FakeVaadin.find(panel.getElement(), id);
    }
}
