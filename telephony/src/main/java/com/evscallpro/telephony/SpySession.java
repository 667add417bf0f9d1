package com.evscallpro.telephony;

/**
 * A supervisor listening to (or whispering into, or barging into) a call, started by {@link PbxPort#spy}. End it
 * with {@link PbxPort#hangup(String, int)} on {@link #spyId()}, or by hanging up the supervisor's phone.
 *
 * @param spyId        the id of the supervisor's own call (the {@code Uniqueid}/{@code Linkedid} of its channel)
 * @param callId       the spied call
 * @param mode         listen, whisper or barge
 * @param spyerChannel the supervisor's channel running ChanSpy
 * @param spyeeChannel the spied channel (the agent leg)
 */
public record SpySession(String spyId, String callId, SpyMode mode, String spyerChannel, String spyeeChannel) {
}
