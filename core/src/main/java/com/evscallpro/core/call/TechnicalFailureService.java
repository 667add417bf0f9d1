package com.evscallpro.core.call;

import java.util.List;

/**
 * Dial attempts that failed technically (PBX unreachable, originate refused or not sent) after every retry. Not a
 * business outcome: recording one frees the reserved agent and puts the contact back, due, without using up an
 * attempt.
 */
public interface TechnicalFailureService {

    /**
     * Records the failure once per call id, frees the agent, ends the tracked call and requeues the contact.
     * Idempotent (a retried job changes nothing more).
     *
     * @return true when this call recorded it (false: already recorded)
     */
    boolean record(String callId, long campaignId, long contactId, Long agentId, int attempt,
                   TechnicalFailureKind kind, String reason);

    /** A page of failures, newest first. */
    List<TechnicalFailure> latest(int offset, int limit);
}
