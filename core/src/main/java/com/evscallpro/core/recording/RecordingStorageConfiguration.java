package com.evscallpro.core.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link RecordingStorage} of {@code evs.recording.storage}: {@code filesystem} (default) or {@code s3}. Building
 * it sends nothing: a bucket that cannot be reached at start does not stop the application (see
 * {@link RecordingJobs}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RecordingSettings.class, RecordingS3Settings.class})
class RecordingStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RecordingStorageConfiguration.class);

    @Bean
    RecordingStorage recordingStorage(RecordingSettings settings, RecordingS3Settings s3) {
        RecordingStorage storage = switch (settings.storage()) {
            case S3 -> S3RecordingStorage.create(s3);
            case FILESYSTEM -> new FileSystemRecordingStorage(settings.storageDir());
        };
        log.info("Recordings stored in {}", storage.location());
        return storage;
    }
}
