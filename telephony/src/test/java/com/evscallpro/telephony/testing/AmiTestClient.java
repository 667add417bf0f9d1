package com.evscallpro.telephony.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare AMI client on a raw socket, for wire-level tests: it records every byte received, splits frames, and lets
 * the test send frames verbatim.
 */
public final class AmiTestClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final LinkedBlockingQueue<WireFrame> frames = new LinkedBlockingQueue<>();
    private final List<WireFrame> all = new ArrayList<>();
    private volatile String banner;
    private volatile boolean eof;

    public AmiTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        Thread t = new Thread(this::readLoop, "ami-test-client");
        t.setDaemon(true);
        t.start();
    }

    private void readLoop() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            List<String[]> current = new ArrayList<>();
            int b;
            while ((b = in.read()) >= 0) {
                synchronized (received) {
                    received.write(b);
                }
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String l = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (l.endsWith("\r")) {
                    l = l.substring(0, l.length() - 1);
                }
                if (banner == null) {
                    banner = l;
                    continue;
                }
                if (l.isEmpty()) {
                    if (!current.isEmpty()) {
                        WireFrame f = WireFrame.of(current);
                        synchronized (all) {
                            all.add(f);
                        }
                        frames.add(f);
                        current = new ArrayList<>();
                    }
                    continue;
                }
                int i = l.indexOf(": ");
                current.add(i < 0 ? new String[] {l, ""} : new String[] {l.substring(0, i), l.substring(i + 2)});
            }
        } catch (IOException ignored) {
            // closed
        } finally {
            eof = true;
        }
    }

    public String banner(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (banner == null && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return banner;
    }

    public void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void send(WireFrame frame) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String[] p : frame.pairs()) {
            sb.append(p[0]).append(": ").append(p[1]).append("\r\n");
        }
        send(sb.append("\r\n").toString());
    }

    public void sendAction(String... keyValues) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            sb.append(keyValues[i]).append(": ").append(keyValues[i + 1]).append("\r\n");
        }
        send(sb.append("\r\n").toString());
    }

    /** The next frame, or null after the timeout. */
    public WireFrame next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Skips frames until one matches; null on timeout. */
    /** Waits until at least {@code n} {@code event} events have arrived. */
    public void awaitCount(String event, int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (allFrames().stream().filter(f -> event.equals(f.event())).count() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("fewer than " + n + " " + event + ": " + allFrames());
            }
            Thread.sleep(5);
        }
    }

    public WireFrame await(Predicate<WireFrame> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            WireFrame f = frames.poll(left, TimeUnit.NANOSECONDS);
            if (f != null && match.test(f)) {
                return f;
            }
        }
    }

    public List<WireFrame> allFrames() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    public byte[] receivedBytes() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    public boolean isClosedByPeer() {
        return eof;
    }

    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!eof && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return eof;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
