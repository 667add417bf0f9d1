package com.evscallpro.core.recording;

import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;

/** S3Proxy on a free loopback port over jclouds' in-memory ("transient") blob store, AWS signatures V2/V4 checked. */
final class S3ProxyHandle {

    private final S3Proxy proxy;
    private final BlobStoreContext blobs;

    private S3ProxyHandle(S3Proxy proxy, BlobStoreContext blobs) {
        this.proxy = proxy;
        this.blobs = blobs;
    }

    static S3ProxyHandle start(String accessKey, String secretKey) {
        BlobStoreContext blobs = ContextBuilder.newBuilder(new TransientApiMetadata()).credentials("unused", "unused")
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                // S3Proxy refuses x-amz- headers it does not implement (server-side encryption): AWS takes them
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return new S3ProxyHandle(proxy, blobs);
    }

    int port() {
        return proxy.getPort();
    }

    void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        blobs.close();
    }
}
