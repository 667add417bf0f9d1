package com.evscallpro.core.callcontrol;

import java.time.Instant;

/**
 * What an agent can do with the call they are on (the UI and the REST API on their behalf). Every action acts on
 * the agent's current call (their {@link com.evscallpro.core.agent.AgentStatus#callId()} while ON_CALL) and answers
 * with the controls' new state. Refusals are {@link com.evscallpro.core.error.EvsException}s:
 * {@code callcontrol.cannot-act-without-call} (not on a call; on an inbound call the IVR connected over FastAGI hold
 * and blind transfers work by handing the call over to AMI: {@link com.evscallpro.core.call.InboundHandOvers}; an
 * attended transfer works on the caller's AGI Dial bridge, docs/agent-workspace.md),
 * {@code callcontrol.cannot-hold-twice},
 * {@code callcontrol.cannot-resume-not-held}, {@code callcontrol.cannot-transfer-to-busy-agent} (target not READY),
 * {@code callcontrol.cannot-transfer-to-self}, {@code callcontrol.cannot-complete-without-consultation},
 * {@code callcontrol.target.not-found} (unknown agent or agent without extension), {@code callcontrol.invalid-number},
 * {@code callcontrol.invalid-dtmf}, {@code callcontrol.invalid-queue}, {@code callcontrol.no-callback-qualification},
 * {@code callcontrol.pbx-refused} (with the PBX's own message).
 */
public interface AgentCallControl {

    CallControlState state(long agentId);

    /** Hangs the whole call up (the agent then qualifies it). */
    CallControlState hangUp(long agentId);

    /** The customer hears music; the agent's leg waits, out of the conversation. */
    CallControlState hold(long agentId);

    CallControlState resume(long agentId);

    /** Mutes (true) or unmutes the agent towards the customer. */
    CallControlState mute(long agentId, boolean muted);

    /** Sends DTMF digits (0-9 * # A-D, up to 32) to the customer's side. */
    CallControlState sendDtmf(long agentId, String digits);

    /**
     * Blind transfer: the customer goes to the target at once and the call leaves the agent. To an agent, the
     * target must be READY: they are reserved, get the call and its wrap-up when their phone answers; the first
     * agent is back to READY without qualifying. To a queue or a number, the first agent goes to wrap-up.
     */
    CallControlState transferBlind(long agentId, TransferTarget target);

    /**
     * Attended transfer, step 1: the customer waits on hold while the agent talks to the target (an agent, or a
     * number). Then {@link #completeTransfer} hands the customer over, or {@link #cancelTransfer} brings the agent
     * back to the customer.
     */
    CallControlState startConsultation(long agentId, TransferTarget target);

    CallControlState completeTransfer(long agentId);

    CallControlState cancelTransfer(long agentId);

    /**
     * Ends the call with the campaign's callback qualification (the first of category CALLBACK) at {@code at}:
     * the contact is called back then (by this agent when the campaign keeps callbacks personal).
     */
    CallControlState scheduleCallback(long agentId, Instant at, String comment);
}
