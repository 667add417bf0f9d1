package com.evscallpro.core.media;

import java.time.Duration;

/**
 * An uploaded or recorded WAV converted to what Asterisk plays.
 *
 * @param wav          the WAV file (RIFF header + 8 kHz, mono, 16-bit signed little-endian PCM)
 * @param duration     its length
 * @param sourceFormat what was received, e.g. {@code PCM_SIGNED 44100 Hz 16-bit 2 ch}
 * @param targetFormat {@link WavConverter#TARGET_FORMAT}
 * @param checksum     SHA-256 of {@code wav}, hex
 */
public record ConvertedAudio(byte[] wav, Duration duration, String sourceFormat, String targetFormat,
                             String checksum) {

    /** Whether the received file needed converting (anything but 8 kHz mono 16-bit PCM). */
    public boolean converted() {
        return !sourceFormat.equals(targetFormat);
    }
}
