package com.evscallpro.core.process;

/**
 * How one dial attempt ended. BUSY, NO_ANSWER, CONGESTION and FAILED are what the PBX answered (business outcomes);
 * ABANDONED: the customer answered but never reached the agent (what the legal abandon rate counts); TECHNICAL: the
 * call could not be placed at all (not a business outcome: the contact keeps its attempt); MACHINE: an answering
 * machine, told by AMD (predictive), retried after the campaign's answering-machine delay.
 */
public enum AttemptOutcome {
    ANSWERED, BUSY, NO_ANSWER, CONGESTION, FAILED, ABANDONED, TECHNICAL,
    /** Predictive with AMD: an answering machine answered and the campaign does not pass machines to agents. */
    MACHINE;

    /** The outcome of a name as the process stores it; FAILED for null or an unknown name. */
    public static AttemptOutcome of(String name) {
        if (name == null) {
            return FAILED;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return FAILED;
        }
    }
}
