package com.evscallpro.core.contact;

import java.time.Instant;
import java.util.List;

/**
 * The callbacks list for agents (their own) and supervisors (all, reassign, reschedule). Refusals are
 * {@link com.evscallpro.core.error.EvsException}s: {@code callback.not-found} (contact id: no callback waits for it),
 * {@code callback.unknown-agent} (agent id).
 */
public interface Callbacks {

    /** Which callbacks to list: campaign and agent (null: any), overdue ones only. */
    record Filter(Long campaignId, Long agentId, boolean overdueOnly) {
        public static final Filter ALL = new Filter(null, null, false);
    }

    /** Waiting callbacks, soonest first. */
    List<CallbackView> list(Filter filter, int offset, int limit);

    long count(Filter filter);

    /** To another agent, or to anyone of the campaign ({@code agentId} null); audited. */
    void reassign(long contactId, Long agentId);

    /** At another time; audited. */
    void reschedule(long contactId, Instant at);
}
