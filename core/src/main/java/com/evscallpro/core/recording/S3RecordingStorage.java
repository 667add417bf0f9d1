package com.evscallpro.core.recording;

import com.evscallpro.core.error.EvsException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Recordings as objects of an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, OVH, Scaleway...) through the AWS SDK's
 * S3 client: {@code PutObject} ({@code Content-Type: audio/wav}, server-side encryption when configured; an object
 * appears whole or not at all), {@code HeadObject} (size), {@code GetObject} with {@code Range} (streamed, never the
 * whole object for a range), {@code DeleteObject}. Nothing is sent at construction: an unreachable store does not stop
 * the application, each call reports it ({@code recording.storage-unavailable}) and the collector tries again.
 */
final class S3RecordingStorage implements RecordingStorage, AutoCloseable {

    private static final Set<String> ENCRYPTIONS = Set.of("AES256", "aws:kms", "aws:kms:dsse");
    /** How long the health check waits for the store. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String encryption;
    private final String kmsKeyId;
    private final String location;

    S3RecordingStorage(S3Client s3, RecordingS3Settings settings) {
        this.s3 = s3;
        this.bucket = settings.bucket();
        this.prefix = prefix(settings.prefix());
        this.encryption = RecordingS3Settings.blank(settings.serverSideEncryption()) ? null
                : settings.serverSideEncryption().strip();
        this.kmsKeyId = RecordingS3Settings.blank(settings.kmsKeyId()) ? null : settings.kmsKeyId().strip();
        URI endpoint = endpoint(settings);
        this.location = "s3://" + bucket + "/" + prefix + (endpoint == null
                ? " (AWS " + settings.region() + ")" : " at " + endpoint);
    }

    /** The storage of these settings, its client built (no request sent); refuses incomplete settings. */
    static S3RecordingStorage create(RecordingS3Settings settings) {
        return new S3RecordingStorage(client(checked(settings)), settings);
    }

    private static RecordingS3Settings checked(RecordingS3Settings s) {
        if (RecordingS3Settings.blank(s.bucket())) {
            throw new IllegalStateException("evs.recording.storage=s3 needs evs.recording.s3.bucket");
        }
        if (RecordingS3Settings.blank(s.accessKey()) != RecordingS3Settings.blank(s.secretKey())) {
            throw new IllegalStateException("evs.recording.s3.access-key and secret-key go together: give both "
                    + "(EVS_RECORDING_S3_ACCESSKEY, EVS_RECORDING_S3_SECRETKEY) or neither (the SDK's default chain)");
        }
        if (!RecordingS3Settings.blank(s.serverSideEncryption()) && !ENCRYPTIONS.contains(s.serverSideEncryption().strip())) {
            throw new IllegalStateException("evs.recording.s3.server-side-encryption must be one of " + ENCRYPTIONS
                    + ", not " + s.serverSideEncryption());
        }
        if (s.prefix() != null && s.prefix().startsWith("/")) {
            throw new IllegalStateException("evs.recording.s3.prefix must not start with '/': " + s.prefix());
        }
        return s;
    }

    private static S3Client client(RecordingS3Settings s) {
        AwsCredentialsProvider credentials = RecordingS3Settings.blank(s.accessKey())
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey()));
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(s.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(s.pathStyle())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(s.connectTimeout())
                        .socketTimeout(s.readTimeout()));
        URI endpoint = endpoint(s);
        if (endpoint != null) {
            // S3-compatible stores: checksums only where S3 requires them, as before SDK 2.30 (many stores refuse
            // the CRC32 trailers and the x-amz-checksum-mode header the SDK now sends by default)
            b.endpointOverride(endpoint)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return b.build();
    }

    /** The configured endpoint; none (AWS) when empty, as an empty environment variable gives. */
    private static URI endpoint(RecordingS3Settings s) {
        return s.endpoint() == null || s.endpoint().toString().isBlank() ? null : s.endpoint();
    }

    private static String prefix(String p) {
        if (p == null || p.isBlank()) {
            return "";
        }
        String s = p.strip();
        return s.endsWith("/") ? s : s + "/";
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void put(String key, byte[] content) {
        PutObjectRequest.Builder req = PutObjectRequest.builder().bucket(bucket).key(object(key))
                .contentType("audio/wav").contentLength((long) content.length);
        if (encryption != null) {
            req.serverSideEncryption(encryption);
            if (kmsKeyId != null) {
                req.ssekmsKeyId(kmsKeyId);
            }
        }
        try {
            s3.putObject(req.build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure(key, e);
        }
    }

    @Override
    public OptionalLong size(String key) {
        String object = object(key);
        try {
            return OptionalLong.of(s3.headObject(b -> b.bucket(bucket).key(object)).contentLength());
        } catch (SdkException e) {
            if (status(e) == 404) {
                return OptionalLong.empty();
            }
            throw failure(key, e);
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) {
        String object = object(key);
        if (offset < 0 || length < 0) {
            throw new EvsException("recording.storage-failed", key, "range " + offset + "+" + length);
        }
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            // the body is the HTTP response's stream: read as the caller reads, closed by the caller
            return s3.getObject(b -> b.bucket(bucket).key(object).range(range));
        } catch (SdkException e) {
            if (status(e) == 416) { // starts past the end: nothing, as a file read there gives
                return InputStream.nullInputStream();
            }
            throw failure(key, e);
        }
    }

    @Override
    public boolean delete(String key) {
        String object = object(key);
        boolean there = size(key).isPresent();
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(object));
        } catch (SdkException e) {
            throw failure(key, e);
        }
        return there;
    }

    @Override
    public Optional<String> problem() {
        try {
            s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(CHECK_TIMEOUT)));
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of(reason(e));
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private String object(String key) {
        return prefix + FileSystemRecordingStorage.checkedKey(key);
    }

    /**
     * The store could not be reached, timed out or said it is unwell (5xx, 429 slow down): unavailable, try later;
     * it answered with a refusal (403 access denied, 404 no such bucket...): failed, with its error code.
     */
    private EvsException failure(String key, SdkException e) {
        int status = status(e);
        if (status > 0 && status < 500 && status != 429) {
            return new EvsException(e, "recording.storage-failed", key, reason(e));
        }
        return new EvsException(e, "recording.storage-unavailable", location, reason(e));
    }

    private static int status(SdkException e) {
        return e instanceof AwsServiceException service ? service.statusCode() : 0;
    }

    /** The store's error code and status, or the client's failure; never a header or a credential. */
    private static String reason(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return "HTTP " + service.statusCode() + (code == null ? "" : " " + code);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String reason = root.getClass().getSimpleName() + message;
        return reason.length() > 160 ? reason.substring(0, 160) : reason;
    }
}
