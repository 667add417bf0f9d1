package com.evscallpro.telephony;

/** How a dial attempt ended at the PBX level. */
public enum CallOutcome {
    ANSWERED, BUSY, NO_ANSWER, CONGESTION, FAILED;

    /** Maps an AMI OriginateResponse {@code Reason} code to an outcome (see asterisk-transcripts/README.md). */
    public static CallOutcome fromOriginateReason(int reason) {
        return switch (reason) {
            case 4 -> ANSWERED;
            case 5 -> BUSY;
            case 3 -> NO_ANSWER;
            case 8 -> CONGESTION;
            default -> FAILED;
        };
    }
}
