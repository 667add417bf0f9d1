package com.evscallpro.core.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything known of one call: its history line, the PBX's identifiers, the contact, the attempt, the agent's
 * comment, the script answers (empty when none were recorded), and its journey in time order. The recording is not
 * part of it ({@link #recording()} is null here): {@code core.recording} decides who may hear it.
 *
 * @param flowName    the IVR flow and version the call ran ("Flow v3"), null for outbound calls
 * @param journey     the IVR steps (inbound) and the agent's states during the call, in time order
 */
public record CallDetail(HistoryRow row, String uniqueId, String linkedId, String customerUniqueId,
                         String agentUniqueId, Long contactId, String contactName, Integer attempt, String comment,
                         boolean endedDuringOutage, Map<String, Object> scriptAnswers, String flowName,
                         List<JourneyEntry> journey) {

    /**
     * Null here: the recording lives in {@code core.recording}, which decides who may hear it; the API's call detail
     * and the detail page ask it ({@code RecordingService.forCall}) and put it in this place.
     */
    @com.fasterxml.jackson.annotation.JsonProperty("recording")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public String recording() {
        return null;
    }

    /**
     * One step of the journey: an IVR block ({@code kind} IVR: element, the name the analyst gave it in the flow
     * version the call ran ({@code elementName}, null when unnamed), block, digits, outcome) or an agent state
     * ({@code kind} AGENT: state in {@code outcome}), at {@code at}, ending at {@code endedAt} when known.
     */
    public record JourneyEntry(Instant at, Instant endedAt, String kind, String element, String elementName,
                               String block, String digits, String outcome, String detail) {
    }
}
