package com.evscallpro.core.dialer;

import java.util.Optional;

/**
 * The agent's side of preview dialing: the contact offered now, and the agent's answer. Refusals are
 * {@link com.evscallpro.core.error.EvsException}s with code {@code preview.gone} (the offer was already dialled,
 * skipped or withdrawn).
 */
public interface PreviewDesk {

    /** The contact offered to this agent now, if any. */
    Optional<PreviewOffer> offerFor(long agentId);

    /** Dial the offered contact now. */
    void call(long agentId, String callId);

    /** Put the offered contact back (due again soon, no attempt counted) and free the agent for the next one. */
    void skip(long agentId, String callId);
}
