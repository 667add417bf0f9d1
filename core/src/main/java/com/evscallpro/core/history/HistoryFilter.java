package com.evscallpro.core.history;

import com.evscallpro.core.error.EvsException;
import java.time.Duration;
import java.time.Instant;

/**
 * What a history list shows: calls started in [{@code from}, {@code to}) (required, at most {@link #MAX_PERIOD}), and
 * optionally of one direction ({@code OUTBOUND} / {@code INBOUND}), campaign, queue, agent, DID, number (the caller
 * or the callee; typed as a national or E.164 number), Asterisk disposition ({@code ANSWERED}, {@code BUSY},
 * {@code NO ANSWER}, {@code FAILED}, {@code CONGESTION}) and qualification code. Blank texts mean "any".
 */
public record HistoryFilter(Instant from, Instant to, String direction, Long campaignId, String queue, Long agentId,
                            String did, String number, String disposition, String qualification) {

    /** The longest period one query may cover. */
    public static final Duration MAX_PERIOD = Duration.ofDays(31);
    static final java.util.Set<String> DIRECTIONS = java.util.Set.of("OUTBOUND", "INBOUND");
    static final java.util.Set<String> DISPOSITIONS =
            java.util.Set.of("ANSWERED", "BUSY", "NO ANSWER", "FAILED", "CONGESTION");

    public HistoryFilter {
        direction = blankToNull(direction);
        queue = blankToNull(queue);
        did = blankToNull(did);
        number = blankToNull(number);
        disposition = blankToNull(disposition);
        qualification = blankToNull(qualification);
    }

    /** Every call of a period. */
    public static HistoryFilter period(Instant from, Instant to) {
        return new HistoryFilter(from, to, null, null, null, null, null, null, null, null);
    }

    /**
     * @throws EvsException {@code history.period-required}, {@code history.period-inverted},
     *                      {@code history.period-too-long} (max days), {@code history.direction-invalid},
     *                      {@code history.disposition-invalid}
     */
    public HistoryFilter validated() {
        if (from == null || to == null) {
            throw new EvsException("history.period-required");
        }
        if (!from.isBefore(to)) {
            throw new EvsException("history.period-inverted", from, to);
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new EvsException("history.period-too-long", MAX_PERIOD.toDays());
        }
        if (direction != null && !DIRECTIONS.contains(direction)) {
            throw new EvsException("history.direction-invalid", direction);
        }
        if (disposition != null && !DISPOSITIONS.contains(disposition)) {
            throw new EvsException("history.disposition-invalid", disposition);
        }
        return this;
    }

    /** The same filter restricted to one agent's calls (what an agent may read). */
    public HistoryFilter ofAgent(long agent) {
        return new HistoryFilter(from, to, direction, campaignId, queue, agent, did, number, disposition,
                qualification);
    }

    /** A stable text of the filter, for keyset cursors (a cursor is only valid for the list it was made for). */
    public String key() {
        return String.join(",", String.valueOf(from), String.valueOf(to), String.valueOf(direction),
                String.valueOf(campaignId), String.valueOf(queue), String.valueOf(agentId), String.valueOf(did),
                String.valueOf(number), String.valueOf(disposition), String.valueOf(qualification));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
