package com.evscallpro.core.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: S3Proxy (Apache 2, an S3 API server in Java) in this JVM on the loopback, objects in
 * memory, AWS signatures (V2 or V4) checked, unknown {@code x-amz-} headers ignored as AWS ignores none of them
 * (server-side encryption among them: S3Proxy does not encrypt). Clients reach it through a relay on a fixed port that
 * copies bytes both ways and keeps the request lines and headers it saw ({@link #lastHeader}), and that can stop
 * accepting connections and start again ({@link #stopServing()}): an unreachable store, then the same one back with
 * its objects.
 */
final class TestS3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "evs-test-access";
    public static final String SECRET_KEY = "evs-test-secret-0123456789";
    private static final int KEPT = 256 * 1024;

    private final S3ProxyHandle proxy;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final StringBuilder seen = new StringBuilder();
    private volatile ServerSocket listener;
    private S3Client client;

    private TestS3Server(S3ProxyHandle proxy) {
        this.proxy = proxy;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServing();
    }

    /** Starts S3Proxy and the relay in front of it. */
    public static TestS3Server start() {
        return new TestS3Server(S3ProxyHandle.start(ACCESS_KEY, SECRET_KEY));
    }

    /** The URL clients use (the relay's). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client of the test's own, to create buckets and look at what was stored. */
    public synchronized S3Client client() {
        if (client == null) {
            client = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.port()))
                    .region(Region.US_EAST_1).forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                            SECRET_KEY)))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
        return client;
    }

    public void createBucket(String bucket) {
        client().createBucket(b -> b.bucket(bucket));
    }

    /** The value of the last request header of that name the relay saw, or null. */
    public String lastHeader(String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \\t]*([^\\r\\n]*)\\r?$").matcher(seen());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** The request lines the relay saw ({@code GET /bucket/key HTTP/1.1}...), in order. */
    public java.util.List<String> requestLines() {
        Matcher m = Pattern.compile("(?m)^(GET|PUT|HEAD|DELETE|POST) [^\\r\\n]* HTTP/1\\.1\\r?$").matcher(seen());
        java.util.List<String> lines = new java.util.ArrayList<>();
        while (m.find()) {
            lines.add(m.group().strip());
        }
        return lines;
    }

    private String seen() {
        synchronized (seen) {
            return seen.toString();
        }
    }

    /** Refuses connections from now on (and drops the open ones), as a store that is down. */
    public synchronized void stopServing() {
        try {
            if (listener != null) {
                listener.close();
                listener = null;
            }
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts connections again, on the same port. */
    public synchronized void startServing() {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = s;
            Thread t = new Thread(() -> accept(s), "test-s3-relay");
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket in = s.accept();
                Socket out = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
                open.add(in);
                open.add(out);
                pump(in, out, true);
                pump(out, in, false);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean keep) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (keep) {
                        synchronized (seen) {
                            seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                            if (seen.length() > KEPT) {
                                seen.delete(0, seen.length() - KEPT);
                            }
                        }
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closing
                }
                open.remove(from);
                open.remove(to);
            }
        }, "test-s3-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public synchronized void close() {
        stopServing();
        if (client != null) {
            client.close();
        }
        proxy.stop();
    }
}
