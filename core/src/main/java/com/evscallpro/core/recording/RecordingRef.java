package com.evscallpro.core.recording;

import java.time.Duration;

/**
 * What another screen (the call history's detail page) needs to show a call's recording: its id (for
 * {@code RecordingService.listen} or {@code /api/v1/recordings/{id}/audio}), its state and length.
 */
public record RecordingRef(long id, String callId, RecordingState state, Duration duration) {

    /** True when it can be played. */
    public boolean playable() {
        return state == RecordingState.STORED;
    }
}
