package com.evscallpro.core.cdr;

import java.util.List;
import java.util.Optional;

/** Writes and reads call detail records. Lists are newest first. */
public interface CdrService {

    /**
     * Records a call, idempotently on {@link CallRecord#callId()}: the first call inserts, a later one with the same
     * call id fills in or replaces the fields it carries (non-null) and keeps the others. So a CDR written at hangup
     * can be completed with the qualification after wrap-up, and a retried worker never duplicates a row.
     * {@code callId}, {@code direction} and {@code startedAt} are required.
     */
    void record(CallRecord record);

    Optional<CallRecord> byCallId(String callId);

    List<CallRecord> byContact(long contactId);

    List<CallRecord> byCampaign(long campaignId, int offset, int limit);

    List<CallRecord> byAgent(long agentId, int offset, int limit);

    /** A page of every call. */
    List<CallRecord> latest(int offset, int limit);

    /**
     * A keyset page of calls older than ({@code startedAt}, {@code id}), newest first, of one campaign, one agent or
     * all (both filters null): deep pages cost as the first. A null {@code startedAt} starts at the newest call.
     */
    List<CallRecord> before(Long campaignId, Long agentId, java.time.Instant startedAt, long id, int limit);

    /**
     * Flags the recorded MACHINE attempt {@code callId} as an AMD false positive: the reports count it as an
     * abandoned live answer. No-op while the attempt is not recorded as MACHINE (yet).
     *
     * @return whether the row was flagged by this call
     */
    boolean flagAmdFalsePositive(String callId);
}
