package com.evscallpro.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@link S3RecordingStorage} against a real S3 server (S3Proxy over HTTP on the loopback, SigV4 checked): the four
 * calls, ranges served by the server (only the range crosses the wire), a key prefix, refusals and an unreachable
 * store mapped to our error codes, and the store coming back.
 */
class S3RecordingStorageTest {

    private static final String BUCKET = "s3-storage-test";
    private static TestS3Server server;

    @BeforeAll
    static void start() {
        server = TestS3Server.start();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RecordingS3Settings settings(String bucket, String prefix, String accessKey, String secretKey,
                                                String encryption) {
        return new RecordingS3Settings(server.endpoint(), "eu-west-3", bucket, prefix, true, accessKey, secretKey,
                encryption, null, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static S3RecordingStorage storage(String prefix) {
        return S3RecordingStorage.create(settings(BUCKET, prefix, TestS3Server.ACCESS_KEY, TestS3Server.SECRET_KEY,
                null));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static String code(Throwable e) {
        return ((EvsException) e).code();
    }

    @Test
    void put_size_ranged_reads_and_delete_round_trip_as_objects_of_the_bucket() throws Exception {
        try (S3RecordingStorage storage = storage("calls")) {
            byte[] wav = bytes(3 * 1024 * 1024 + 17);
            storage.put("2026/12/07/rt-1.wav", wav);

            HeadObjectResponse head = server.client().headObject(b -> b.bucket(BUCKET).key("calls/2026/12/07/rt-1.wav"));
            assertThat(head.contentType()).isEqualTo("audio/wav");
            assertThat(head.contentLength()).isEqualTo(wav.length);
            assertThat(storage.size("2026/12/07/rt-1.wav")).hasValue(wav.length);
            assertThat(storage.size("2026/12/07/none.wav")).isEmpty();
            assertThat(storage.location()).isEqualTo("s3://" + BUCKET + "/calls/ at " + server.endpoint());

            // a range: the server sends those bytes only (its Content-Range and Content-Length say so)
            try (InputStream in = storage.read("2026/12/07/rt-1.wav", 1_000_000, 64)) {
                GetObjectResponse r = ((ResponseInputStream<GetObjectResponse>) in).response();
                assertThat(r.contentLength()).isEqualTo(64);
                assertThat(r.contentRange()).isEqualTo("bytes 1000000-1000063/" + wav.length);
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(wav, 1_000_000, 1_000_064));
            }
            // past the end: fewer bytes; from the end on: none; the whole
            try (InputStream in = storage.read("2026/12/07/rt-1.wav", wav.length - 10, 100)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 10, wav.length));
            }
            try (InputStream in = storage.read("2026/12/07/rt-1.wav", wav.length, 10)) {
                assertThat(in.readAllBytes()).isEmpty();
            }
            try (InputStream in = storage.read("2026/12/07/rt-1.wav", 0, wav.length)) {
                assertThat(in.readAllBytes()).isEqualTo(wav);
            }

            // replaced whole by a second put
            storage.put("2026/12/07/rt-1.wav", "RIFF-two".getBytes(StandardCharsets.US_ASCII));
            assertThat(storage.size("2026/12/07/rt-1.wav")).hasValue(8);

            assertThat(storage.delete("2026/12/07/rt-1.wav")).isTrue();
            assertThat(server.client().listObjectsV2(b -> b.bucket(BUCKET).prefix("calls/")).contents()).isEmpty();
            assertThat(storage.delete("2026/12/07/rt-1.wav")).isFalse();
            assertThatThrownBy(() -> storage.read("2026/12/07/rt-1.wav", 0, 10)).isInstanceOf(EvsException.class)
                    .extracting(S3RecordingStorageTest::code).isEqualTo("recording.storage-failed");
            assertThat(storage.problem()).isEmpty();
        }
    }

    @Test
    void keys_that_are_not_ours_are_refused_before_any_request() {
        try (S3RecordingStorage storage = storage("")) {
            for (String bad : new String[] {"/etc/passwd", "../x.wav", "a\\b.wav", " "}) {
                assertThatThrownBy(() -> storage.put(bad, new byte[1])).isInstanceOf(EvsException.class)
                        .extracting(S3RecordingStorageTest::code).isEqualTo("recording.bad-key");
            }
        }
    }

    @Test
    void server_side_encryption_is_asked_for_on_every_upload() {
        try (S3RecordingStorage storage = S3RecordingStorage.create(settings(BUCKET, "sse", TestS3Server.ACCESS_KEY,
                TestS3Server.SECRET_KEY, "AES256"))) {
            storage.put("k.wav", bytes(100));
            assertThat(storage.size("k.wav")).hasValue(100);
        }
        assertThat(server.lastHeader("x-amz-server-side-encryption")).isEqualTo("AES256");
    }

    @Test
    void a_refusal_is_storage_failed_and_an_unreachable_store_is_storage_unavailable_until_it_is_back() {
        try (S3RecordingStorage wrongSecret = S3RecordingStorage.create(settings(BUCKET, "", TestS3Server.ACCESS_KEY,
                "not-the-secret", null))) {
            assertThatThrownBy(() -> wrongSecret.put("x.wav", new byte[4])).isInstanceOf(EvsException.class)
                    .satisfies(e -> {
                        assertThat(code(e)).isEqualTo("recording.storage-failed");
                        assertThat(e.getMessage()).contains("HTTP 403").doesNotContain("not-the-secret");
                    });
            assertThat(wrongSecret.problem()).hasValueSatisfying(p -> assertThat(p).contains("403"));
        }
        try (S3RecordingStorage noBucket = S3RecordingStorage.create(settings("no-such-bucket", "",
                TestS3Server.ACCESS_KEY, TestS3Server.SECRET_KEY, null))) {
            assertThatThrownBy(() -> noBucket.put("x.wav", new byte[4])).isInstanceOf(EvsException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("recording.storage-failed", "404"));
            assertThat(noBucket.problem()).isPresent();
        }

        try (S3RecordingStorage storage = storage("down")) {
            storage.put("before.wav", bytes(10));
            server.stopServing();
            try {
                assertThatThrownBy(() -> storage.put("during.wav", bytes(10))).isInstanceOf(EvsException.class)
                        .satisfies(e -> {
                            assertThat(code(e)).isEqualTo("recording.storage-unavailable");
                            assertThat(((EvsException) e).args().getFirst()).asString().contains(BUCKET);
                        });
                assertThatThrownBy(() -> storage.size("before.wav")).extracting(S3RecordingStorageTest::code)
                        .isEqualTo("recording.storage-unavailable");
                assertThat(storage.problem()).isPresent();
            } finally {
                server.startServing();
            }
            assertThat(storage.problem()).isEmpty();
            storage.put("during.wav", bytes(10));
            assertThat(storage.size("before.wav")).hasValue(10);
            assertThat(storage.size("during.wav")).hasValue(10);
        }
    }

    @Test
    void the_application_starts_with_the_bucket_unreachable_and_the_file_system_stays_the_default() throws Exception {
        int closed;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closed;
        new ApplicationContextRunner().withUserConfiguration(RecordingStorageConfiguration.class)
                .withPropertyValues("evs.recording.storage=s3", "evs.recording.s3.endpoint=" + endpoint,
                        "evs.recording.s3.bucket=evs-rec", "evs.recording.s3.path-style=true",
                        "evs.recording.s3.access-key=ak", "evs.recording.s3.secret-key=sk",
                        "evs.recording.s3.connect-timeout=1s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RecordingStorage storage = context.getBean(RecordingStorage.class);
                    assertThat(storage.location()).isEqualTo("s3://evs-rec/ at " + endpoint);
                    assertThat(storage.problem()).hasValueSatisfying(p -> assertThat(p).contains("Connect"));
                    assertThatThrownBy(() -> storage.size("x.wav")).extracting(S3RecordingStorageTest::code)
                            .isEqualTo("recording.storage-unavailable");
                });
        new ApplicationContextRunner().withUserConfiguration(RecordingStorageConfiguration.class)
                .withPropertyValues("evs.recording.storage-dir=" + Files.createTempDirectory("evs-rec-default"))
                .run(context -> assertThat(context.getBean(RecordingStorage.class))
                        .isInstanceOf(FileSystemRecordingStorage.class));
    }

    @Test
    void incomplete_settings_are_refused_at_start_and_the_secret_never_shows() {
        URI endpoint = server.endpoint();
        assertThatThrownBy(() -> S3RecordingStorage.create(new RecordingS3Settings(endpoint, "us-east-1", " ", "",
                true, null, null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("evs.recording.s3.bucket");
        assertThatThrownBy(() -> S3RecordingStorage.create(settings(BUCKET, "", "key-only", null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("secret-key");
        assertThatThrownBy(() -> S3RecordingStorage.create(settings(BUCKET, "", "a", "b", "rot13")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("server-side-encryption");
        RecordingS3Settings s = settings(BUCKET, "", "AKIDEXAMPLE", "wJalrXUtnFEMI-secret", null);
        assertThat(s.toString()).doesNotContain("wJalrXUtnFEMI-secret").doesNotContain("AKIDEXAMPLE")
                .contains("secretKey=(set)");
    }
}
