package com.evscallpro.simulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI client side of the simulated Asterisk: places inbound calls on a FastAGI server the way Asterisk 22.10
 * does for {@code AGI(agi://host:port/<script>)}: connect, send the {@code agi_*} environment (same keys, order and
 * format as the captures 08a-08d), then answer each command line like Asterisk ({@link SimAgiCall} scripts the
 * caller). Like Asterisk it never closes the connection itself after a hangup: it waits for the server to close it
 * (bounded by {@link SimAgiCall#maxDuration(Duration)}).
 *
 * <pre>{@code
 * FastAgiCaller asterisk = new FastAgiCaller("127.0.0.1", agiServer.port());
 * PlacedAgiCall call = asterisk.place(SimAgiCall.toDid("0140000000").pressDuring(2, "1"));
 * SimAgiCallResult result = call.await(Duration.ofSeconds(10));
 * }</pre>
 * One virtual thread per call (plus one per timed hangup).
 */
public final class FastAgiCaller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FastAgiCaller.class);
    private static final long EPOCH = System.currentTimeMillis() / 1000;
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int MAX_COMMAND_LENGTH = 64 * 1024;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<SimAgiSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public FastAgiCaller(String host, int port) {
        this(host, port, Duration.ofSeconds(5));
    }

    public FastAgiCaller(String host, int port, Duration connectTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** Places the call; returns at once. The result completes when the connection has closed. */
    public PlacedAgiCall place(SimAgiCall template) {
        if (closed) {
            throw new IllegalStateException("caller closed");
        }
        SimAgiCall call = template.copy();
        long seq = SEQUENCE.incrementAndGet();
        if (call.uniqueId == null) {
            call.uniqueId = EPOCH + "." + seq;
        }
        if (call.channel == null) {
            call.channel = String.format("PJSIP/trunk-%08x", seq);
        }
        if (call.threadId == null) {
            call.threadId = Long.toString(140458495231680L + seq * 4096);
        }
        return place(call, null, s -> { });
    }

    /**
     * Places an already copied call (channel, unique id and thread id set) whose commands act on {@code world} (null:
     * standalone); {@code onSession} gets the session before the connection opens.
     */
    PlacedAgiCall place(SimAgiCall call, SimAgiSession.World world,
                        java.util.function.Consumer<SimAgiSession> onSession) {
        if (closed) {
            throw new IllegalStateException("caller closed");
        }
        PlacedAgiCall placed = new PlacedAgiCall(call.uniqueId, call.channel);
        Thread.ofVirtual().name("sim-agi-call-" + call.uniqueId).start(() -> run(call, placed, world, onSession));
        return placed;
    }

    private void run(SimAgiCall call, PlacedAgiCall placed, SimAgiSession.World world,
                     java.util.function.Consumer<SimAgiSession> onSession) {
        long start = System.nanoTime();
        Socket socket = new Socket();
        sockets.add(socket);
        Object writeLock = new Object();
        OutputStream[] out = new OutputStream[1];
        SimAgiSession session = new SimAgiSession(call, call.channel, call.uniqueId, lines -> {
            synchronized (writeLock) {
                if (out[0] == null) {
                    return; // not connected yet: nothing reaches the server
                }
                StringBuilder b = new StringBuilder();
                for (String l : lines) {
                    b.append(l).append('\n');
                }
                out[0].write(b.toString().getBytes(StandardCharsets.UTF_8));
                out[0].flush();
            }
        }, world);
        onSession.accept(session);
        sessions.add(session);
        String failure = null;
        boolean closedByServer = false;
        Thread hangupTimer = null;
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
            out[0] = new BufferedOutputStream(socket.getOutputStream());
            long maxMs = Math.max(1, call.maxDuration.toMillis());
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, maxMs));
            String authority = call.requestAuthority != null ? call.requestAuthority : host + ":" + port;
            StringBuilder env = new StringBuilder();
            for (String line : session.environment(authority)) {
                env.append(line).append('\n');
            }
            env.append('\n');
            synchronized (writeLock) {
                out[0].write(env.toString().getBytes(StandardCharsets.UTF_8));
                out[0].flush();
            }
            placed.attach(session);
            if (call.hangUpAfter != null) {
                long delayNanos = (long) (call.hangUpAfter.toNanos() * call.timeScale);
                hangupTimer = Thread.ofVirtual().name("sim-agi-hangup-" + call.uniqueId).start(() -> {
                    try {
                        Thread.sleep(Duration.ofNanos(delayNanos));
                        session.hangUpNow();
                    } catch (InterruptedException | IOException e) {
                        // call over
                    }
                });
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            long deadline = start + call.maxDuration.toNanos();
            while (true) {
                String line;
                try {
                    line = readLine(in);
                } catch (SocketTimeoutException e) {
                    if (System.nanoTime() >= deadline) {
                        failure = "the server kept the connection open longer than " + call.maxDuration;
                        break;
                    }
                    continue;
                }
                if (line == null) {
                    closedByServer = true;
                    break;
                }
                session.execute(line);
            }
        } catch (IOException e) {
            if (socket.isConnected()) {
                // reset by the server while we wrote or read: it closed the connection
                closedByServer = !closed;
            } else {
                failure = "cannot connect to FastAGI " + host + ":" + port + ": " + e.getMessage();
            }
        } catch (RuntimeException e) {
            failure = e.toString();
            log.warn("Simulated FastAGI call {} failed", call.uniqueId, e);
        } finally {
            session.closed();
            sessions.remove(session);
            if (hangupTimer != null) {
                hangupTimer.interrupt();
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            sockets.remove(socket);
        }
        placed.future().complete(new SimAgiCallResult(call.uniqueId, call.channel, session.commands(),
                session.replies(), session.isHungUp(), session.callerHungUp(), closedByServer, session.variables(),
                Duration.ofNanos(System.nanoTime() - start), failure));
    }

    /** One LF-terminated line, without the LF (and a trailing CR); null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        byte[] buf = new byte[128];
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return n == 0 ? null : new String(buf, 0, n, StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                if (n > 0 && buf[n - 1] == '\r') {
                    n--;
                }
                return new String(buf, 0, n, StandardCharsets.UTF_8);
            }
            if (n == MAX_COMMAND_LENGTH) {
                throw new IOException("command line longer than " + MAX_COMMAND_LENGTH + " bytes");
            }
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[n++] = (byte) b;
        }
    }

    /** Closes every call's connection (the simulated Asterisk goes away), waking calls in an endless wait. */
    @Override
    public void close() {
        closed = true;
        for (SimAgiSession s : List.copyOf(sessions)) {
            s.closed();
        }
        for (Socket s : List.copyOf(sockets)) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
