package com.evscallpro.core.recording;

import java.time.Duration;
import java.time.Instant;

/** A recording as lists and the API show it (no path on the PBX host, no storage key). */
public record RecordingView(long id, String callId, RecordingScope scope, Long targetId, Long agentUserId,
                           RecordingState state, Instant startedAt, Instant stoppedAt, Duration duration,
                           Long sizeBytes, boolean paused, int pauseCount, Instant purgeAfter) {
}
