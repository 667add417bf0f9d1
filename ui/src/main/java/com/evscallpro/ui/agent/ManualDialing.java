package com.evscallpro.ui.agent;

import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.manualdial.ManualDial;

/**
 * What the dial box and the "Call" buttons of the agent workspace do, free of Vaadin: a typed number (with the chosen
 * campaign, if any) or a contact goes to {@link ManualDial} for this agent; offered only while the agent is READY or
 * PAUSED. A refusal of the calling rules is shown with the rule's own (translated) name.
 */
final class ManualDialing {

    interface Display {
        /** Whether the agent may place a call now (READY or PAUSED). */
        void enableDialing(boolean enabled);

        void showSuccess(String key, Object... params);

        /** The calling rules refused the number: {@code rule} is the refusing rule's code. */
        void showRefused(String rule);

        void showError(String key, Throwable failure);
    }

    private final long agentId;
    private final ManualDial dial;
    private final Display display;
    private boolean enabled;

    ManualDialing(long agentId, ManualDial dial, Display display) {
        this.agentId = agentId;
        this.dial = dial;
        this.display = display;
    }

    void onStatus(AgentStatus status) {
        enabled = AgentWorkspace.Actions.idle(status) && status != null
                && status.state() != com.evscallpro.core.agent.AgentState.OFFLINE;
        display.enableDialing(enabled);
    }

    boolean enabled() {
        return enabled;
    }

    /** Dials a typed number, vetted by the rules of {@code campaignId} (null: the rules of no campaign). */
    void dialNumber(String number, Long campaignId) {
        place(number, campaignId, null);
    }

    /** Click-to-call: the contact's number, with its campaign's rules and wrap-up. */
    void callContact(long contactId) {
        place(null, null, contactId);
    }

    private void place(String number, Long campaignId, Long contactId) {
        try {
            ManualDial.ManualCall call = dial.dial(agentId, number, campaignId, contactId);
            display.showSuccess("agent.dial.placed", call.number(), call.extension());
        } catch (EvsException e) {
            if ("manualdial.cannot-call-number".equals(e.code()) && !e.args().isEmpty()) {
                display.showRefused(String.valueOf(e.args().getFirst()));
            } else {
                display.showError("agent.dial.error", e);
            }
        } catch (RuntimeException e) {
            display.showError("agent.dial.error", e);
        }
    }
}
