package com.evscallpro.core.queue;

import java.util.List;
import java.util.Optional;

/**
 * The ACD: callers wait in queues and are connected to READY agents, inbound before outbound.
 * <p>Distribution runs whenever a caller waits and an eligible agent is READY (on enqueue, on every agent state
 * change, and on a safety tick): callers are taken by queue priority (+ the caller's boost), oldest first; for each,
 * the queue's strategy picks among the READY agents of its group (holding the required skill at the minimum level),
 * the agent is reserved for the call id, and {@link InboundCallConnector#connect} rings them. On ANSWERED the agent is
 * ON_CALL and the caller leaves the queue answered; on NO_ANSWER / FAILED the agent is released (paused
 * {@code phone-not-answered} after {@code evs.queues.pause-after-missed} consecutive misses) and the caller is
 * offered to the next agent; on CALLER_GONE the caller has abandoned.
 */
public interface InboundQueues {

    /**
     * Puts a caller in a queue. Codes: {@code queue.not-found}; {@code queue.call-already-queued} when the call id
     * waits already.
     */
    QueueTicket enqueue(QueuedCall call, QueueListener listener);

    /** The caller leaves the queue unanswered (no-op when the call is not queued any more). */
    void leave(String callId, LeaveReason reason);

    /**
     * The answered call is over (the caller or the agent hung up): the agent goes to WRAP_UP, then READY after the
     * queue's wrap-up seconds (earlier if the agent says so). No-op for a call the ACD did not connect.
     */
    void callEnded(String callId);

    /**
     * The answered call was transferred to another agent ({@code core.call.InboundHandOvers}): its end
     * ({@link #callEnded}) wraps that agent up. No-op for a call the ACD did not connect.
     */
    default void handedTo(String callId, long agentUserId) {
    }

    /**
     * The answered call is over and {@code agentUserId} had it last (a transfer, or a call handed over to AMI call
     * control: {@code core.call.InboundHandOvers}): that agent wraps up, for the wrap-up seconds of the queue the call
     * was connected from, or of the queue named {@code queueName} when this ACD no longer knows the call (the
     * application restarted meanwhile; 0 when no such queue exists: READY at once). No-op for an agent not on it.
     */
    default void callEnded(String callId, long agentUserId, String queueName) {
        handedTo(callId, agentUserId);
        callEnded(callId);
    }

    /** The agent an answered call is connected to now (after any transfer); empty when the ACD does not know it. */
    default Optional<Long> connectedAgent(String callId) {
        return Optional.empty();
    }

    /** Where a waiting caller stands; empty when the call is not waiting (answered, left, unknown). */
    Optional<QueuePosition> position(String callId);

    /** Every queue's live figures, by name. */
    List<QueueStatus> statuses();

    /**
     * Whether a waiting caller could take this agent now (the agent is eligible in a queue where someone waits): the
     * dialer then leaves the agent to inbound. False when no connector exists (nobody could be connected).
     */
    boolean needs(long agentUserId);
}
