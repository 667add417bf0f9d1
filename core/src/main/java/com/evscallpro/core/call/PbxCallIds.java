package com.evscallpro.core.call;

import java.util.Optional;

/**
 * Maps our call id to the id the PBX port knows the call by, where they differ: an inbound call answered by the IVR
 * has our own id, while the AMI adapter knows it by the caller channel's Linkedid. Implemented where that mapping
 * lives (the IVR's live calls); without an implementation, or for a call it does not know, the ids are the same
 * (outbound calls: the originate sets the channel id to our call id).
 */
public interface PbxCallIds {

    Optional<String> pbxCallId(String callId);

    /**
     * The inbound record's facts of the live IVR call the PBX knows by {@code pbxCallId} (its end time, agent and
     * outcome not set yet), kept when the call is handed over to AMI ({@link InboundHandOvers}) so its end can be
     * recorded even by another application run. Empty for a call this node's IVR does not drive.
     */
    default Optional<com.evscallpro.core.ivr.InboundCallRecords.InboundCall> inboundCall(String pbxCallId) {
        return Optional.empty();
    }
}
