package com.evscallpro.core.voicemail;

import java.time.Duration;
import java.time.Instant;

/** A stored voicemail, without its audio. */
public record VoicemailView(long id, String callId, String callerNumber, String did, String mailboxLabel,
                            Long groupId, Instant recordedAt, Duration duration, int sizeBytes, VoicemailState state,
                            String heardBy, Instant heardAt, String archivedBy, Instant archivedAt) {
}
