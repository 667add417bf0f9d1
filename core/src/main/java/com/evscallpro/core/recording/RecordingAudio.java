package com.evscallpro.core.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A stored recording's audio, handed out after the listen was checked and audited. */
public final class RecordingAudio {

    private final long id;
    private final long size;
    private final String key;
    private final RecordingStorage storage;

    RecordingAudio(long id, long size, String key, RecordingStorage storage) {
        this.id = id;
        this.size = size;
        this.key = key;
        this.storage = storage;
    }

    public long id() {
        return id;
    }

    /** Bytes of the WAV file. */
    public long size() {
        return size;
    }

    /** {@code length} bytes from {@code offset}; the caller closes it. */
    public InputStream open(long offset, long length) {
        return storage.read(key, offset, length);
    }

    /** The whole WAV (for the UI's player). */
    public byte[] readAll() {
        try (InputStream in = open(0, size)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
