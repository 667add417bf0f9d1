package com.evscallpro.telephony;

/**
 * An optional call-control action of a {@link PbxPort} that a PBX may not be able to do at all, as
 * {@link PbxPort#capabilities(String)} answers it for a call: the screens offer only what the call's PBX can do
 * (e.g. no DTMF pad on a Yeastar site).
 */
public enum PbxCapability {
    /** {@link PbxPort#hold} / {@link PbxPort#resume}. */
    HOLD,
    /** {@link PbxPort#mute}. */
    MUTE,
    /** {@link PbxPort#sendDtmf}. */
    SEND_DTMF,
    /** {@link PbxPort#blindTransfer}. */
    BLIND_TRANSFER,
    /** {@link PbxPort#attendedTransfer}, {@link PbxPort#completeAttendedTransfer}, {@link PbxPort#cancelAttendedTransfer}. */
    ATTENDED_TRANSFER,
    /** {@link PbxPort#switchSpyMode}: listen → whisper → barge within a running spy session. */
    SWITCH_SPY_MODE,
    /** {@link PbxPort#takeOver}: the supervisor of a running spy session takes the customer. */
    TAKE_OVER
}
