package com.evscallpro.telephony;

import java.time.Instant;

/**
 * One thing that happened to a call, in our own terms.
 *
 * @param type      what happened
 * @param callId    our stable call id (the Asterisk linked id of the call)
 * @param leg       which side of the call the channel belongs to
 * @param channel   the PBX channel name
 * @param uniqueId  the PBX unique id of the channel
 * @param linkedId  the PBX linked id of the channel
 * @param at        when the adapter saw it
 * @param cause     the Q.850 cause for HUNG_UP, else 0
 * @param causeText the cause's text for HUNG_UP (e.g. "Normal Clearing"), else null
 * @param detail    the digit for DTMF, the peer channel for BRIDGED, the outcome name for FAILED of the customer leg
 *                  and Asterisk's {@code DIALSTATUS} ({@code NOANSWER}, {@code BUSY}, {@code CHANUNAVAIL}...) for FAILED
 *                  of the {@link Leg#AGENT} leg (the agent's phone was rung and not connected, or could not be
 *                  reached at all), {@link #ENDED_DURING_OUTAGE} for a HUNG_UP not seen on the wire, the new place
 *                  ({@code context,exten}, or the transfer target channel) for TRANSFERRED, the parking space for
 *                  PARKED, the supervisor's channel for SPY_STARTED / SPY_STOPPED, the verdict
 *                  ({@code AMDSTATUS}) for AMD, else null
 */
public record CallEvent(Type type, String callId, Leg leg, String channel, String uniqueId, String linkedId,
                        Instant at, int cause, String causeText, String detail) {

    /**
     * CREATED, RINGING, ANSWERED, FAILED, BRIDGED, DTMF and HUNG_UP follow the call's progress. TRANSFERRED: a leg
     * was moved (blind transfer / Redirect, or a completed attended transfer); PARKED: a leg waits in a parking lot;
     * SPY_STARTED / SPY_STOPPED: a supervisor began / stopped listening to the leg. AMD: the answering-machine
     * verdict on a customer held for predictive dialing ({@link #detail} = {@code AMDSTATUS}: HUMAN, MACHINE,
     * NOTSURE, HANGUP; {@link #causeText} = {@code AMDCAUSE}). New types may be added: switch
     * with a default branch.
     */
    public enum Type { CREATED, RINGING, ANSWERED, FAILED, BRIDGED, DTMF, TRANSFERRED, HUNG_UP, PARKED, SPY_STARTED,
        SPY_STOPPED, AMD }

    public enum Leg { CUSTOMER, AGENT, OTHER }

    /**
     * {@link #detail} of a {@link Type#HUNG_UP} the adapter could not see happen: the PBX went away without sending
     * Hangups (killed, host lost) and the call was found gone at reconnect. Such an event has cause 0 and a null cause
     * text (the PBX said nothing), and {@link #at} is the last time the call was known alive, never the reconnect
     * time. A clean restart sends its Hangups, which keep their real causes and carry no such detail.
     */
    public static final String ENDED_DURING_OUTAGE = "ended-during-outage";

    /** True for a hangup found at reconnect after a PBX outage (see {@link #ENDED_DURING_OUTAGE}). */
    public boolean endedDuringOutage() {
        return type == Type.HUNG_UP && ENDED_DURING_OUTAGE.equals(detail);
    }
}
