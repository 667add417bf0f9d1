package com.evscallpro.core.queue;

/**
 * How the IVR hears the end of a caller's wait. Called on the ACD's thread: must not block. {@link #left} is called
 * only when the ACD itself ends the wait (the connector reported the caller gone: {@link LeaveReason#CALLER_HUNG_UP};
 * the queue was deleted: {@link LeaveReason#FAILED}); a {@link InboundQueues#leave} is not echoed back.
 */
public interface QueueListener {

    /** An agent answered and is bridged to the caller (the agent is ON_CALL). */
    void answered(long agentUserId);

    void left(LeaveReason reason);
}
