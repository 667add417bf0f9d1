package com.evscallpro.core.callcontrol;

/**
 * What the agent's controls show for their current call.
 *
 * @param callId       the call, null when the agent is on none
 * @param held         the customer is on hold (music)
 * @param muted        the agent's microphone is muted towards the customer
 * @param consultation an attended transfer is in progress: the target the agent is talking to (null when none)
 */
public record CallControlState(String callId, boolean held, boolean muted, TransferTarget consultation) {

    public static final CallControlState NONE = new CallControlState(null, false, false, null);
}
