package com.evscallpro.core.recording;

import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Where collected recordings live, by key ({@code 2026/12/06/<call id>.wav}). The shipped implementation is a
 * directory ({@link FileSystemRecordingStorage}); an object store (S3-compatible bucket) fits the same four calls
 * (docs/recordings.md). Failures are {@link com.evscallpro.core.error.EvsException}s {@code recording.storage-failed}.
 */
public interface RecordingStorage {

    /** Where the recordings go, for logs and screens. */
    String location();

    /** Stores the bytes under {@code key} atomically (nothing half-written is ever readable). */
    void put(String key, byte[] content);

    /** The size in bytes, empty when there is no such key. */
    OptionalLong size(String key);

    /** {@code length} bytes from {@code offset} (fewer at the end of the file); the caller closes the stream. */
    InputStream read(String key, long offset, long length);

    /** Removes it; answers whether there was one. */
    boolean delete(String key);
}
