package com.evscallpro.core.agent;

import java.util.List;

/** What the dialer and the call tracker do to agents' sessions as calls progress. */
public interface AgentCallRouting {

    /** Agents that are READY now, longest-waiting first. */
    List<AgentStatus> readyAgents();

    /** READY → RESERVED for the call; false when the agent is no longer READY (someone was faster). */
    boolean reserve(long userId, String callId);

    /**
     * READY or PAUSED → RESERVED for a call the agent places themselves; a pause is kept pending and taken back when
     * the call is over. False when the agent is in a call or offline.
     */
    boolean reserveOwnCall(long userId, String callId);

    /**
     * RESERVED → READY (PAUSED when a pause is pending): the call never reached the agent. No-op when the agent is
     * not reserved for this call.
     */
    void release(long userId, String callId);

    /** RESERVED → ON_CALL: the customer is bridged to the agent. */
    void connect(long userId, String callId);

    /** ON_CALL → WRAP_UP: the call is over, the agent qualifies it. No-op when already past it. */
    void wrapUp(long userId, String callId);

    /** → READY once the agent has qualified the call (PAUSED when a pause is pending). */
    void finish(long userId, String callId);

    /**
     * The call is over for the agent, who goes straight to PAUSED with {@code reasonCode} (e.g. their phone did not
     * answer, or the wrap-up timed out), never READY in between: the dialer cannot reserve them meanwhile. No-op when
     * the agent's current call is another one.
     */
    void finishAndPause(long userId, String callId, String reasonCode);
}
