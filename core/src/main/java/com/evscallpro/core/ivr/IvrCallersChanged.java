package com.evscallpro.core.ivr;

import com.evscallpro.core.event.DomainEvent;
import java.time.Instant;
import java.util.List;

/**
 * Published (coalesced: at most one per {@code evs.ivr.callers-publish-interval}, 250 ms) after a caller entered the
 * IVR, left it (hung up, went down the safe path, was handed back) or moved (reached a queue or an agent, came back
 * from a queue to the flow). {@code version} grows by one per publication; each carries the whole count: apply the
 * latest. {@code total} = the sum of the flows' callers.
 */
public record IvrCallersChanged(long version, Instant at, int total, List<IvrFlowCallers> flows)
        implements DomainEvent {
}
