package com.evscallpro.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Every test of {@link RecordingServiceTest} again with {@code evs.recording.storage=s3}: the recordings go to a bucket
 * of a real S3 server (S3Proxy over HTTP, SigV4 checked), with a key prefix and server-side encryption asked for; the
 * same path (collected off the host into the bucket, listened to, purged, erased on a person's request) with
 * "a file in storage" meaning "an object in the bucket". And the bucket unreachable while the collector runs: the
 * recording waits on the host, no attempt counted, and is stored once the bucket is back.
 */
class S3RecordingServiceTest extends RecordingServiceTest {

    static final String BUCKET = "core-recordings";
    static final String PREFIX = "evs/";
    static final TestS3Server S3 = TestS3Server.start();

    static {
        S3.createBucket(BUCKET);
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("evs.recording.storage", () -> "s3");
        registry.add("evs.recording.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("evs.recording.s3.region", () -> "eu-west-3");
        registry.add("evs.recording.s3.bucket", () -> BUCKET);
        registry.add("evs.recording.s3.prefix", () -> PREFIX);
        registry.add("evs.recording.s3.path-style", () -> "true");
        registry.add("evs.recording.s3.access-key", () -> TestS3Server.ACCESS_KEY);
        registry.add("evs.recording.s3.secret-key", () -> TestS3Server.SECRET_KEY);
        registry.add("evs.recording.s3.server-side-encryption", () -> "AES256");
    }

    @AfterAll
    static void stopS3() {
        S3.close();
    }

    @Autowired
    RecordingStorage storage;

    /** The objects of that call in the bucket (the storage's files). */
    @Override
    long filesNamed(String callId) {
        return S3.client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(PREFIX)).contents().stream()
                .map(S3Object::key).filter(k -> k.endsWith("/" + callId + ".wav")).count();
    }

    @Test
    void a_collected_recording_is_an_audio_wav_object_under_the_prefix_uploaded_with_encryption_asked() throws Exception {
        assertThat(storage).isInstanceOf(S3RecordingStorage.class);
        String callId = finishedCall(campaign(RecordingMode.ALL, null, null));
        recordings.collectDue();
        RecordingView stored = recordings.ofCall(callId).orElseThrow();
        assertThat(stored.state()).isEqualTo(RecordingState.STORED);
        assertThat(S3.lastHeader("x-amz-server-side-encryption")).isEqualTo("AES256");

        String key = S3.client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(PREFIX)).contents().stream()
                .map(S3Object::key).filter(k -> k.endsWith("/" + callId + ".wav")).findFirst().orElseThrow();
        assertThat(key).matches("evs/\\d{4}/\\d{2}/\\d{2}/" + callId + "\\.wav");
        HeadObjectResponse head = S3.client().headObject(b -> b.bucket(BUCKET).key(key));
        assertThat(head.contentType()).isEqualTo("audio/wav");
        assertThat(head.contentLength()).isEqualTo(stored.sizeBytes());
        byte[] played = recordings.listen(stored.id(), SUPERVISOR).readAll();
        assertThat(played).isEqualTo(S3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray());
    }

    @Test
    void an_unreachable_bucket_leaves_finished_recordings_on_the_host_without_using_attempts_until_it_is_back()
            throws Exception {
        String callId = finishedCall(campaign(RecordingMode.ALL, null, null));
        S3.stopServing();
        try {
            assertThat(storage.problem()).isPresent();
            for (int i = 0; i < 3; i++) { // evs.recording.max-collect-attempts is 2 here
                recordings.collectDue();
            }
            assertThat(recordings.ofCall(callId).orElseThrow().state()).isEqualTo(RecordingState.STOPPED);
            assertThat(jdbc.sql("SELECT collect_attempts FROM call_recording WHERE call_id = ?").param(callId)
                    .query(Integer.class).single()).isZero();
            assertThat(onHost(callId)).as("still on the Asterisk host").exists();
            assertThat(filesNamed(callId)).isZero();
        } finally {
            S3.startServing();
        }
        assertThat(storage.problem()).isEmpty();
        recordings.collectDue();
        assertThat(recordings.ofCall(callId).orElseThrow().state()).isEqualTo(RecordingState.STORED);
        assertThat(filesNamed(callId)).isOne();
        assertThat(Files.exists(onHost(callId))).as("moved off the host once stored").isFalse();
    }
}
