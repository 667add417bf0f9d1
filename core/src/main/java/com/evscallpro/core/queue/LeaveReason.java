package com.evscallpro.core.queue;

/** Why a caller left a queue without being answered. */
public enum LeaveReason {
    /** The caller hung up while waiting: abandoned (counted as such after the short-abandon threshold). */
    CALLER_HUNG_UP,
    /** The flow's maximum-wait timer fired: the flow takes its overflow branch. */
    OVERFLOW,
    /** The caller asked to be called back. */
    CALLBACK_REQUESTED,
    /** Anything else went wrong (the queue was deleted, the channel failed). */
    FAILED
}
