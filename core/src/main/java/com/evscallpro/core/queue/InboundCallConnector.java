package com.evscallpro.core.queue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The port the ACD connects a waiting caller to the agent it chose through; the IVR runtime implements it (it dials
 * the agent's phone from the caller's live AGI channel and bridges them). The agent is already RESERVED for the call
 * when this is called; the implementation must not change agent states (the ACD does: ON_CALL on
 * {@link ConnectOutcome#ANSWERED}, released otherwise). It must not block: the future completes when the agent
 * answered, did not answer within {@code ringTimeout}, the caller went away, or dialling failed. A future that never
 * completes is taken as {@link ConnectOutcome#FAILED} after the ring timeout plus a grace period.
 * Without a bean of this type the ACD queues callers but does not distribute them.
 */
public interface InboundCallConnector {

    CompletableFuture<ConnectOutcome> connect(String callId, long agentUserId, String extension, Duration ringTimeout);
}
