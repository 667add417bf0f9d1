package com.evscallpro.core.recording;

/**
 * How a campaign or a queue records its calls.
 *
 * @param consentPrompt a PBX sound (without extension, e.g. {@code evs/recording-notice}) played to the customer
 *                      before recording starts; null = no announcement
 * @param retentionDays null = the global default ({@code evs.recording.retention})
 */
public record RecordingPolicy(RecordingScope scope, long targetId, RecordingMode mode, String consentPrompt,
                              Integer retentionDays) {

    public static RecordingPolicy off(RecordingScope scope, long targetId) {
        return new RecordingPolicy(scope, targetId, RecordingMode.OFF, null, null);
    }
}
