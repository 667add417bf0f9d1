package com.evscallpro.core.supervision;

import java.time.Instant;

/** A supervisor's running listen / whisper / barge session on an agent's call, rung on {@code extension}. */
public record ActiveSpy(long supervisorId, long agentId, String agentName, String callId, ListenMode mode,
                        String extension, Instant startedAt) {
}
