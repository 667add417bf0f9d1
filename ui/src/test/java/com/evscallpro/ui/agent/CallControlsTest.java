package com.evscallpro.ui.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.callcontrol.AgentCallControl;
import com.evscallpro.core.callcontrol.CallControlState;
import com.evscallpro.core.callcontrol.TransferTarget;
import com.evscallpro.core.error.EvsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallControlsTest {

    private static final long ME = 4;

    /** Records the actions asked and keeps the held / muted state as the service would. */
    private static final class Control implements AgentCallControl {
        final List<String> asked = new ArrayList<>();
        CallControlState state = new CallControlState("c1", false, false, null);
        EvsException refuse;

        private CallControlState act(String what, CallControlState next) {
            asked.add(what);
            if (refuse != null) {
                throw refuse;
            }
            state = next;
            return next;
        }

        @Override
        public CallControlState state(long agentId) {
            return state;
        }

        @Override
        public CallControlState hangUp(long agentId) {
            return act("hangup", state);
        }

        @Override
        public CallControlState hold(long agentId) {
            return act("hold", new CallControlState("c1", true, state.muted(), null));
        }

        @Override
        public CallControlState resume(long agentId) {
            return act("resume", new CallControlState("c1", false, state.muted(), null));
        }

        @Override
        public CallControlState mute(long agentId, boolean muted) {
            return act("mute:" + muted, new CallControlState("c1", state.held(), muted, null));
        }

        @Override
        public CallControlState sendDtmf(long agentId, String digits) {
            return act("dtmf:" + digits, state);
        }

        @Override
        public CallControlState transferBlind(long agentId, TransferTarget target) {
            return act("blind:" + target, CallControlState.NONE);
        }

        @Override
        public CallControlState startConsultation(long agentId, TransferTarget target) {
            return act("consult:" + target, new CallControlState("c1", false, false, target));
        }

        @Override
        public CallControlState completeTransfer(long agentId) {
            return act("complete", CallControlState.NONE);
        }

        @Override
        public CallControlState cancelTransfer(long agentId) {
            return act("cancel", new CallControlState("c1", false, false, null));
        }

        @Override
        public CallControlState scheduleCallback(long agentId, Instant at, String comment) {
            return act("callback:" + at, CallControlState.NONE);
        }
    }

    private static final class Display implements CallControls.Display {
        Boolean visible;
        CallControlState shown;
        final List<String> successes = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void showControls(boolean onCall, CallControlState state) {
            visible = onCall;
            shown = state;
        }

        @Override
        public void showSuccess(String key, Object... params) {
            successes.add(key);
        }

        @Override
        public void showError(String key, Throwable failure) {
            errors.add(key + (failure instanceof EvsException e ? ":" + e.code() : ""));
        }
    }

    private final Control control = new Control();
    private final Display display = new Display();
    private final CallControls controls = new CallControls(ME, control, display);

    private static AgentStatus status(AgentState state, String callId) {
        return new AgentStatus(ME, "me", "Me", "2004", state, null, Instant.now(), callId);
    }

    @Test
    void the_controls_show_only_while_the_agent_is_on_a_call() {
        controls.onStatus(status(AgentState.RESERVED, "c1"));
        assertThat(display.visible).isFalse();
        controls.onStatus(status(AgentState.ON_CALL, "c1"));
        assertThat(display.visible).isTrue();
        assertThat(display.shown.callId()).isEqualTo("c1");
        controls.onStatus(status(AgentState.WRAP_UP, "c1"));
        assertThat(display.visible).isFalse();
    }

    @Test
    void hold_and_mute_toggle_on_the_state_the_service_answered() {
        controls.onStatus(status(AgentState.ON_CALL, "c1"));
        controls.toggleHold();
        controls.toggleHold();
        controls.toggleMute();
        controls.toggleMute();
        assertThat(control.asked).containsExactly("hold", "resume", "mute:true", "mute:false");
        assertThat(display.successes).containsExactly("agent.call.held", "agent.call.resumed", "agent.call.muted",
                "agent.call.unmuted");
        assertThat(display.shown.held()).isFalse();
    }

    @Test
    void a_refusal_is_shown_with_its_code_and_the_state_is_kept() {
        controls.onStatus(status(AgentState.ON_CALL, "c1"));
        controls.toggleHold();
        control.refuse = new EvsException("callcontrol.pbx-refused", "No such channel");
        controls.toggleHold();
        assertThat(display.errors).containsExactly("agent.call.error:callcontrol.pbx-refused");
        assertThat(controls.state().held()).as("still on hold: the resume failed").isTrue();
    }

    @Test
    void a_transfer_without_target_asks_for_one_and_a_consultation_shows_complete_then_ends() {
        controls.onStatus(status(AgentState.ON_CALL, "c1"));
        controls.transfer(null, false);
        assertThat(display.errors).containsExactly("agent.call.error.noTarget");
        assertThat(control.asked).isEmpty();
        controls.transfer(TransferTarget.agent(7), true);
        assertThat(display.shown.consultation()).isEqualTo(TransferTarget.agent(7));
        controls.completeTransfer();
        assertThat(display.visible).isFalse();
        assertThat(control.asked).containsExactly("consult:" + TransferTarget.agent(7), "complete");
    }

    @Test
    void a_callback_needs_a_time() {
        controls.onStatus(status(AgentState.ON_CALL, "c1"));
        controls.scheduleCallback(null, null);
        assertThat(display.errors).containsExactly("agent.error.noCallbackTime");
        assertThat(control.asked).isEmpty();
    }
}
