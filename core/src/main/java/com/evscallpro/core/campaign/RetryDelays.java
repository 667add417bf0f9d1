package com.evscallpro.core.campaign;

import java.time.Duration;

/**
 * The wait before the next attempt, per outcome of the last one (V30 {@code campaign.retry_*_seconds}); a null
 * delay means the campaign's general retry delay.
 *
 * @param general      the campaign's {@code retry_delay_seconds}
 * @param busy         after BUSY
 * @param noAnswer     after NO_ANSWER
 * @param machine      after an answering machine
 * @param congestion   after CONGESTION or another network failure
 */
public record RetryDelays(int general, Integer busy, Integer noAnswer, Integer machine, Integer congestion) {

    /** Every outcome waits the general delay. */
    public static RetryDelays uniform(int general) {
        return new RetryDelays(general, null, null, null, null);
    }

    /**
     * The delay after an attempt that ended with {@code outcome} (the names of the outbound process's outcomes:
     * BUSY, NO_ANSWER, MACHINE / ANSWERING_MACHINE, CONGESTION / FAILED / CHANUNAVAIL); the general delay otherwise.
     */
    public Duration after(String outcome) {
        Integer specific = outcome == null ? null : switch (outcome) {
            case "BUSY" -> busy;
            case "NO_ANSWER", "NOANSWER" -> noAnswer;
            case "MACHINE", "ANSWERING_MACHINE" -> machine;
            case "CONGESTION", "FAILED", "CHANUNAVAIL" -> congestion;
            default -> null;
        };
        return Duration.ofSeconds(specific == null ? general : specific);
    }
}
