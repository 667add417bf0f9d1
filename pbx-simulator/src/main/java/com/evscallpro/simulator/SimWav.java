package com.evscallpro.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a simulated {@code RECORD FILE … wav} leaves behind: a real WAV (RIFF, PCM, 8 kHz, mono, 16-bit, what
 * Asterisk's {@code wav} format writes) holding a quiet 425 Hz tone, one tenth of the recorded time long (100 ms to
 * 2 s), so a voicemail path can be tested end to end without storing minutes of audio.
 */
final class SimWav {

    static final int RATE = 8000;

    private SimWav() {
    }

    /** Writes {@code file} (parents created) for a recording of {@code recordedMs}. */
    static void write(Path file, long recordedMs) throws IOException {
        long ms = Math.max(100, Math.min(2000, recordedMs / 10));
        int samples = (int) (RATE * ms / 1000);
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (2000 * Math.sin(2 * Math.PI * 425 * i / RATE)));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, b.array());
    }
}
