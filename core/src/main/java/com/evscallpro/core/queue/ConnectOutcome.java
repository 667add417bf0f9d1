package com.evscallpro.core.queue;

/** What came of ringing an agent for a waiting caller ({@link InboundCallConnector}). */
public enum ConnectOutcome {
    /** The agent answered and is bridged to the caller. */
    ANSWERED,
    /** The agent's phone rang until the ring timeout (or was busy / rejected): the caller goes to the next agent. */
    NO_ANSWER,
    /** The caller hung up meanwhile. */
    CALLER_GONE,
    /** The agent's phone could not be dialled (technical): the caller goes to the next agent. */
    FAILED
}
