package com.evscallpro.core.recording;

import java.time.Instant;
import java.util.Set;

/**
 * A list's filters; null or empty = no filter.
 *
 * @param from   started at or after
 * @param to     started before
 * @param callId a part of the call id
 */
public record RecordingFilter(Set<RecordingState> states, RecordingScope scope, Long targetId, Instant from,
                              Instant to, String callId) {

    public static RecordingFilter none() {
        return new RecordingFilter(Set.of(), null, null, null, null, null);
    }
}
