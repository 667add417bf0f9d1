package com.evscallpro.core.dialer;

import com.evscallpro.core.contact.DialableContact;
import java.time.Instant;

/**
 * A contact shown to an agent before it is dialled (preview mode). The agent is RESERVED for {@code callId} while it
 * is shown; at {@code deadline} it is dialled unless the agent called or skipped it first.
 */
public record PreviewOffer(String callId, long agentId, long campaignId, String campaignName,
                           DialableContact contact, Instant offeredAt, Instant deadline) {
}
