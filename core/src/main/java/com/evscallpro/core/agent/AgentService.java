package com.evscallpro.core.agent;

import java.util.List;

/** What an agent (or the UI on their behalf) can do with their own session, and what supervisors read. */
public interface AgentService {

    /** The agent is available for the next call. Legal from OFFLINE, PAUSED and WRAP_UP (after qualifying). */
    AgentStatus goReady(long userId);

    /** The agent takes a break. Legal from READY and OFFLINE. */
    AgentStatus pause(long userId, String reason);

    /** Ends the agent's session. */
    AgentStatus logOut(long userId);

    AgentStatus status(long userId);

    /** Every agent account with its live state (OFFLINE when not logged in), sorted by display name. */
    List<AgentStatus> statuses();
}
