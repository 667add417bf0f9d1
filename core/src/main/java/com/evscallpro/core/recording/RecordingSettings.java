package com.evscallpro.core.recording;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code evs.recording.*}.
 *
 * @param storage            where collected recordings go: {@code filesystem} (default, {@code storage-dir}) or
 *                           {@code s3} (an S3-compatible bucket, {@code evs.recording.s3.*}: {@link RecordingS3Settings})
 * @param storageDir         where the file-system storage keeps recordings (default {@code data/recordings})
 * @param retention          how long a recording is kept when its campaign / queue says nothing (default 90 days)
 * @param pbxDirectory       the directory of the PBX host's sounds directory MixMonitor writes into
 * @param collectDelay       how long after a recording stopped the collector first looks for its file
 * @param collectEvery       how often the collector runs
 * @param maxCollectAttempts after that many runs without the file, the recording is MISSING
 * @param purgeEvery         how often the retention purge runs
 */
@ConfigurationProperties("evs.recording")
public record RecordingSettings(@DefaultValue("filesystem") Storage storage,
                                @DefaultValue("data/recordings") Path storageDir,
                                @DefaultValue("90d") Duration retention,
                                @DefaultValue("evs-recordings") String pbxDirectory,
                                @DefaultValue("1s") Duration collectDelay,
                                @DefaultValue("5s") Duration collectEvery,
                                @DefaultValue("20") int maxCollectAttempts,
                                @DefaultValue("1h") Duration purgeEvery) {

    /** The kinds of {@link RecordingStorage}. */
    public enum Storage { FILESYSTEM, S3 }
}
