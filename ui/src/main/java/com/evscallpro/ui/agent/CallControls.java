package com.evscallpro.ui.agent;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.callcontrol.AgentCallControl;
import com.evscallpro.core.callcontrol.CallControlState;
import com.evscallpro.core.callcontrol.TransferTarget;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the call controls of the agent workspace do, free of Vaadin: each action goes to {@link AgentCallControl}
 * for this agent, the new state goes to the display with a success message, a refusal with its error (translated by
 * the display). The controls are offered only while the agent is ON_CALL.
 */
final class CallControls {

    interface Display {
        /** Shows the controls' state; {@code onCall} false hides them. */
        void showControls(boolean onCall, CallControlState state);

        void showSuccess(String key, Object... params);

        void showError(String key, Throwable failure);
    }

    private final long agentId;
    private final AgentCallControl control;
    private final Display display;
    private CallControlState state = CallControlState.NONE;
    private boolean onCall;

    CallControls(long agentId, AgentCallControl control, Display display) {
        this.agentId = agentId;
        this.control = control;
        this.display = display;
    }

    /** The agent's status changed: the controls follow their call. */
    void onStatus(AgentStatus status) {
        boolean nowOnCall = status != null && status.state() == AgentState.ON_CALL && status.callId() != null;
        if (!nowOnCall) {
            state = CallControlState.NONE;
        } else if (!status.callId().equals(state.callId())) {
            try {
                state = control.state(agentId);
            } catch (RuntimeException e) {
                state = new CallControlState(status.callId(), false, false, null);
            }
        }
        onCall = nowOnCall;
        display.showControls(onCall, state);
    }

    /** The controls changed elsewhere (another client of the same agent, the customer hanging up while held). */
    void onChanged(CallControlState newState) {
        state = newState == null ? CallControlState.NONE : newState;
        display.showControls(onCall && state.callId() != null, state);
    }

    CallControlState state() {
        return state;
    }

    void hangUp() {
        run("agent.call.hungUp", () -> control.hangUp(agentId));
    }

    void toggleHold() {
        if (state.held()) {
            run("agent.call.resumed", () -> control.resume(agentId));
        } else {
            run("agent.call.held", () -> control.hold(agentId));
        }
    }

    void toggleMute() {
        boolean mute = !state.muted();
        run(mute ? "agent.call.muted" : "agent.call.unmuted", () -> control.mute(agentId, mute));
    }

    void sendDtmf(String digits) {
        run("agent.call.dtmfSent", () -> control.sendDtmf(agentId, digits == null ? "" : digits.trim()));
    }

    void transfer(TransferTarget target, boolean attended) {
        if (target == null) {
            display.showError("agent.call.error.noTarget", null);
            return;
        }
        if (attended) {
            run("agent.call.consulting", () -> control.startConsultation(agentId, target));
        } else {
            run("agent.call.transferred", () -> control.transferBlind(agentId, target));
        }
    }

    void completeTransfer() {
        run("agent.call.transferred", () -> control.completeTransfer(agentId));
    }

    void cancelTransfer() {
        run("agent.call.transferCancelled", () -> control.cancelTransfer(agentId));
    }

    void scheduleCallback(Instant at, String comment) {
        if (at == null) {
            display.showError("agent.error.noCallbackTime", null);
            return;
        }
        run("agent.call.callbackScheduled", () -> control.scheduleCallback(agentId, at, comment));
    }

    private void run(String successKey, Supplier<CallControlState> action) {
        try {
            state = action.get();
        } catch (RuntimeException e) {
            display.showError("agent.call.error", e);
            return;
        }
        display.showSuccess(successKey);
        display.showControls(onCall && state.callId() != null, state);
    }
}
