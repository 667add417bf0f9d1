package com.evscallpro.telephony;

/**
 * A leg parked by {@link PbxPort#park}: where it waits and how to take it back (dial {@code parkingSpace} in the
 * parking context, e.g. {@code 701@parkedcalls}, or {@link PbxPort#bridge} its channel with another one).
 *
 * @param callId         our call id
 * @param leg            the parked leg
 * @param channel        the parked channel
 * @param parkingSpace   the parking space (extension) it occupies
 * @param parkingLot     the parking lot ({@code default})
 * @param timeoutSeconds after how many seconds the PBX gives it back to the parker, 0 = never
 */
public record ParkedCall(String callId, CallEvent.Leg leg, String channel, String parkingSpace, String parkingLot,
                         long timeoutSeconds) {
}
