package com.evscallpro.core.supervision;

/** What a supervisor did; the names are stored in {@code supervisor_action.action}. */
public enum SupervisorAction {
    /** Started listening (or switched a running session to listening). */
    LISTEN,
    /** Started whispering to the agent, the customer hearing nothing (or switched to it). */
    WHISPER,
    /** Started talking to both parties (or switched to it). */
    BARGE,
    /** Ended their listen / whisper / barge session. */
    STOP,
    /** Replaced the agent on the call; the agent left. */
    TAKE_OVER,
    /** Moved the customer to another extension; the agent left. */
    TRANSFER,
    /** Hung the call up. */
    HANGUP,
    /** Put the agent on pause with a reason (pending until the call ends when they are in one). */
    FORCE_PAUSE,
    /** Logged the agent out. */
    FORCE_LOGOUT
}
