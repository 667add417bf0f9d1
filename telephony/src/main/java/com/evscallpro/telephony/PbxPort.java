package com.evscallpro.telephony;

import java.util.concurrent.CompletableFuture;

/**
 * What EVSCallPro asks of a PBX. Implementations never block the caller on the network: every action answers with a
 * future. Call progress arrives as {@link CallEvent}s on the listeners, keyed by the call id given at originate time.
 */
public interface PbxPort {

    /**
     * Dials the customer; when the customer answers, the PBX connects them at once to {@code request.connectTo()}
     * (an agent's extension) without a round trip through the application (the 2-second rule).
     * The future completes when the PBX knows the outcome (answered, busy, no answer, congestion, failed).
     * It completes exceptionally only for technical failures (PBX unreachable, action refused).
     */
    CompletableFuture<OriginateResult> originate(OriginateRequest request);

    /** Hangs up every channel of the call with the given Q.850 cause (16 = normal clearing). */
    CompletableFuture<Void> hangup(String callId, int q850Cause);

    /** Registers a listener for all call events; listeners are called on the dispatcher thread, never the reader. */
    void addListener(CallEventListener listener);

    void removeListener(CallEventListener listener);

    /** True while the PBX connection is up and logged in. */
    boolean isConnected();
}
