package com.evscallpro.core.recording;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where collected recordings live, by key ({@code 2026/12/06/<call id>.wav}): a directory
 * ({@link FileSystemRecordingStorage}) or an S3-compatible bucket ({@link S3RecordingStorage}), chosen by
 * {@code evs.recording.storage} (docs/recordings.md). Failures are {@link com.evscallpro.core.error.EvsException}s:
 * {@code recording.storage-unavailable} when the storage cannot be reached now (the collector leaves the recording on
 * the PBX host for its next run), {@code recording.storage-failed} when it answered with a refusal,
 * {@code recording.bad-key} for a key that is not one of ours.
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

    /**
     * Whether the storage answers now, for the health endpoint and the start-up log: empty when it does, else why
     * not (no secret in it). Never throws; bounded in time.
     */
    Optional<String> problem();
}
