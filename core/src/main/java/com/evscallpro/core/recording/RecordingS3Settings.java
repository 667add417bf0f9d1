package com.evscallpro.core.recording;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code evs.recording.s3.*}: the bucket of {@code evs.recording.storage=s3} (docs/recordings.md, "Storage").
 *
 * @param endpoint             the S3 API's URL of an S3-compatible store (MinIO, Ceph RGW, OVH, Scaleway...); empty =
 *                             AWS S3 in {@code region}
 * @param region               the region requests are signed for (AWS: the bucket's; most S3-compatible stores
 *                             accept any, some want theirs, e.g. {@code fr-par}); default {@code us-east-1}
 * @param bucket               the bucket (created beforehand by operations; required)
 * @param prefix               prepended to every object key ({@code recordings/} → {@code recordings/2026/12/06/x.wav});
 *                             default none
 * @param pathStyle            {@code https://endpoint/bucket/key} instead of {@code https://bucket.endpoint/key}
 *                             (most S3-compatible stores without wildcard DNS want it); default false
 * @param accessKey            the access key id; with {@code secretKey}. Both empty = the SDK's default chain
 *                             ({@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}, a profile, an instance or
 *                             container role). A secret: give it in the environment ({@code EVS_RECORDING_S3_ACCESSKEY})
 * @param secretKey            the secret access key ({@code EVS_RECORDING_S3_SECRETKEY}); never logged nor shown
 * @param serverSideEncryption {@code AES256} (SSE-S3), {@code aws:kms} (SSE-KMS) or {@code aws:kms:dsse}, sent with
 *                             every upload; empty = the bucket's default encryption
 * @param kmsKeyId             the KMS key of {@code aws:kms}; empty = the account's default key
 * @param connectTimeout       how long to wait for a connection (default 5 s)
 * @param readTimeout          how long a read may wait for the store (default 30 s)
 */
@ConfigurationProperties("evs.recording.s3")
public record RecordingS3Settings(URI endpoint,
                                  @DefaultValue("us-east-1") String region,
                                  String bucket,
                                  @DefaultValue("") String prefix,
                                  @DefaultValue("false") boolean pathStyle,
                                  String accessKey,
                                  String secretKey,
                                  String serverSideEncryption,
                                  String kmsKeyId,
                                  @DefaultValue("5s") Duration connectTimeout,
                                  @DefaultValue("30s") Duration readTimeout) {

    /** Without the secret key: settings may end up in a log or an error page. */
    @Override
    public String toString() {
        return "RecordingS3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix="
                + prefix + ", pathStyle=" + pathStyle + ", accessKey=" + (blank(accessKey) ? "" : "(set)")
                + ", secretKey=" + (blank(secretKey) ? "" : "(set)") + ", serverSideEncryption="
                + serverSideEncryption + ", kmsKeyId=" + kmsKeyId + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
