package com.evscallpro.core.prompt;

import java.time.Duration;
import java.time.Instant;

/**
 * One language's file of a prompt (8 kHz mono 16-bit WAV), without its bytes.
 *
 * @param sourceFormat what was uploaded, e.g. {@code PCM_SIGNED 44100 Hz 16-bit 2 ch}
 * @param sourceName   the uploaded file's name, or null
 */
public record PromptAudio(String language, String checksum, int sizeBytes, Duration duration, String sourceFormat,
                          String sourceName, String uploadedBy, Instant uploadedAt) {
}
