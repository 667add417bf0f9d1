package com.evscallpro.telephony;

/**
 * The outcome of an originate as the PBX reports it.
 *
 * @param callId    our call id
 * @param outcome   answered, busy, no answer, congestion or failed
 * @param reason    the raw AMI OriginateResponse reason code (4 answered, 5 busy, 3 no answer, 8 congestion, 0 failed)
 * @param q850Cause the Q.850 hangup cause when known (17 busy, 19 no answer, 34 congestion, 1 unallocated), else 0
 * @param uniqueId  the PBX unique id of the originated channel (null when no channel was created)
 * @param channel   the originated channel name
 */
public record OriginateResult(String callId, CallOutcome outcome, int reason, int q850Cause, String uniqueId,
                              String channel) {
}
