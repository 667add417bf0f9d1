package com.evscallpro.sandbox;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 server the sandbox test stack stores its recordings in: S3Proxy (an S3 API server in Java, Apache 2) in
 * this JVM, on a loopback port chosen once, objects in memory (jclouds' transient store), AWS signatures checked.
 * {@link #down()} stops it and {@link #up()} brings the same store back on the same port: an outage of the bucket.
 */
final class TestObjectStore implements AutoCloseable {

    static final String BUCKET = "sandbox-recordings";
    static final String ACCESS_KEY = "sandbox-s3-access";
    static final String SECRET_KEY = "sandbox-s3-secret-never-shown";

    private final BlobStoreContext blobs = ContextBuilder.newBuilder(new TransientApiMetadata()).credentials("-", "-")
            .build(BlobStoreContext.class);
    private final int port;
    private S3Proxy server;
    private S3Client client;

    private TestObjectStore(int port) {
        this.port = port;
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
    }

    static TestObjectStore start() {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TestObjectStore store = new TestObjectStore(free.getLocalPort());
            free.close();
            store.up();
            return store;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code evs.recording.*} for an application storing its recordings here. */
    Map<String, Object> recordingProperties() {
        return Map.of("evs.recording.storage", "s3",
                "evs.recording.s3.endpoint", endpoint().toString(),
                "evs.recording.s3.bucket", BUCKET,
                "evs.recording.s3.path-style", "true",
                "evs.recording.s3.access-key", ACCESS_KEY,
                "evs.recording.s3.secret-key", SECRET_KEY);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void up() {
        server = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(endpoint())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            server.start();
            while (!"STARTED".equals(server.getState())) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on " + endpoint(), e);
        }
    }

    synchronized void down() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test's own client of the bucket. */
    synchronized S3Client client() {
        if (client == null) {
            // checksums only where S3 requires them, as the application asks: S3Proxy answers 501 to the
            // x-amz-checksum-* headers SDK 2.30+ sends otherwise, as other S3-compatible stores refuse them
            client = S3Client.builder().region(Region.EU_WEST_3).endpointOverride(endpoint()).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                            SECRET_KEY))).build();
        }
        return client;
    }

    /** The key of the object holding that call's recording, if the bucket has one. */
    Optional<String> keyOf(String callId) {
        return client().listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key)
                .filter(k -> k.endsWith("/" + callId + ".wav")).findFirst();
    }

    @Override
    public synchronized void close() {
        down();
        blobs.close();
    }
}
