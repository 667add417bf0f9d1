package com.evscallpro.core.flow;

import java.util.List;

/**
 * Where a flow is used: the DIDs (SDA) whose calls start it ({@code did.flow_id}) and the campaigns whose attempts
 * start it ({@code campaign.journey_flow_id}; the shipped journey also serves every campaign bound to none, marked
 * {@link Campaign#byDefault()}). Both references are {@code ON DELETE RESTRICT}: a flow in use cannot be removed.
 */
public record FlowUsage(List<Did> dids, List<Campaign> campaigns) {

    public static final FlowUsage NONE = new FlowUsage(List.of(), List.of());

    public FlowUsage {
        dids = List.copyOf(dids);
        campaigns = List.copyOf(campaigns);
    }

    public boolean isEmpty() {
        return dids.isEmpty() && campaigns.isEmpty();
    }

    /** A DID pointing at the flow; {@code label} may be null. */
    public record Did(long id, String number, String label, boolean enabled) {
    }

    /** A campaign running the flow as its call journey; {@code byDefault}: bound to no flow, so to the shipped one. */
    public record Campaign(long id, String name, String status, boolean byDefault) {
    }
}
