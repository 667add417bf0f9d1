package com.evscallpro.core.agent;

import java.util.List;

/** What an agent (or the UI on their behalf) can do with their own session, and what supervisors read. */
public interface AgentService {

    /**
     * The agent is available for the next call. Legal from OFFLINE, PAUSED and WRAP_UP (after qualifying); during a
     * call with a pending pause, cancels that pause.
     *
     * @throws com.evscallpro.core.error.EvsException {@code agent.cannot-ready} with the current state
     */
    AgentStatus goReady(long userId);

    /**
     * The agent takes a break with a {@link PauseReason} code: at once from OFFLINE, READY or PAUSED; during a call
     * (RESERVED, ON_CALL, WRAP_UP) the pause is pending ({@link AgentStatus#pendingPauseReason()}) and taken when
     * the call and its wrap-up are over.
     *
     * @throws com.evscallpro.core.error.EvsException {@code agent.unknown-pause-reason}
     */
    AgentStatus pause(long userId, String reason);

    /**
     * Ends the agent's session.
     *
     * @throws com.evscallpro.core.error.EvsException {@code agent.cannot-logout} while RESERVED or ON_CALL
     */
    AgentStatus logOut(long userId);

    /** Logs the agent out when READY or PAUSED (nobody is waiting on them); false otherwise. No database read. */
    boolean logOutIfIdle(long userId);

    /** Logs every agent out who can be (application shutdown); returns how many were. */
    int logOutAll();

    /**
     * The phone (extension) this agent's session rings: every originate to the agent (dialer, transfers, manual dial)
     * uses it, {@link AgentStatus#extension()} shows it. Chosen at login; {@code null} or blank = the account's
     * extension. Kept until the session ends (log-out).
     *
     * @throws com.evscallpro.core.error.EvsException {@code agent.phone-invalid} (not 2 to 20 digits),
     *                                                {@code agent.cannot-change-phone} during a call
     */
    AgentStatus choosePhone(long userId, String extension);

    AgentStatus status(long userId);

    /** Every agent account with its live state (OFFLINE when not logged in), sorted by display name. */
    List<AgentStatus> statuses();
}
