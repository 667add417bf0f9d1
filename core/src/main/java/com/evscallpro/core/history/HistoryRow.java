package com.evscallpro.core.history;

import java.time.Instant;

/**
 * One line of the call history: the call's times and facts, with the names of its campaign and agent and the labels
 * of its qualification (null when the code is not in the campaign's qualification group, e.g. inbound calls).
 */
public record HistoryRow(long id, String callId, String direction, Instant startedAt, Instant answeredAt,
                         Instant endedAt, Integer durationSeconds, Integer billsec, Integer waitSeconds,
                         String caller, String callee, String did, String queue, String disposition, String outcome,
                         String inboundOutcome, Integer hangupCause, String hangupCauseText, Long campaignId,
                         String campaignName, Long agentId, String agentName, String qualificationCode,
                         String qualificationLabelFr, String qualificationLabelEn) {

    /** The qualification's label in this language ({@code fr} or else English), else its code, else null. */
    public String qualificationLabel(java.util.Locale locale) {
        String label = "fr".equals(locale.getLanguage()) ? qualificationLabelFr : qualificationLabelEn;
        return label != null ? label : qualificationCode;
    }
}
