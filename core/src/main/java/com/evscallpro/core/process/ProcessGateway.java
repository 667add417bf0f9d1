package com.evscallpro.core.process;

/**
 * What the domain asks of the process engine, in the domain's own terms: no variable or message name here (they
 * live in the {@code processes} module's contract, {@code OutboundCallProcess}), no map of variables. Every message
 * is correlated by the call id and published idempotently (a repeat is never applied twice) and with retries, off the
 * caller's thread: the PBX dispatcher that calls these never waits on the engine.
 */
public interface ProcessGateway {

    /** Starts one {@code outbound-call} instance for the attempt; returns its process instance key. */
    long startAttempt(OutboundAttempt attempt);

    /** The customer answered (the PBX bridges them to the reserved agent on its own). */
    void callAnswered(String callId);

    /**
     * The PBX reported the call as not answered.
     *
     * @param hangupCause the PBX's Q.850 cause, or null when it gave none
     */
    void callFailed(String callId, AttemptOutcome outcome, Integer hangupCause);

    /** The PBX bridged the answered customer to the agent: the wrap-up follows. */
    void agentConnected(String callId);

    /**
     * Predictive dialing: the answered customer was bridged to the agent the dialer chose at answer; the attempt
     * learns its agent only now (the wrap-up goes to {@code agentId}).
     */
    default void agentConnected(String callId, long agentId, String agentExtension) {
        agentConnected(callId);
    }

    /**
     * The answered customer never reached the agent (the agent's phone did not answer or could not be reached, or
     * the customer hung up first): recorded as {@link AttemptOutcome#ABANDONED}, no wrap-up.
     *
     * @param hangupCause the PBX's Q.850 cause, or null when it gave none
     */
    void callAbandoned(String callId, Integer hangupCause);

    /** Completes the wrap-up (an activated job-worker user task) with the agent's qualification. */
    void completeWrapUp(long jobKey, WrapUpResult result);
}
