package com.evscallpro.core.ivr;

import java.util.List;

/**
 * Callers in the voice menu of one IVR flow right now (not queued, not with an agent), on this node, and how they
 * split over the flow's DIDs. {@code flowId} and {@code name} are the flow's (every version of it together).
 */
public record IvrFlowCallers(Long flowId, String name, int callers, List<DidCallers> dids) {

    /** Callers in the flow who called this DID. */
    public record DidCallers(String did, int callers) {
    }
}
