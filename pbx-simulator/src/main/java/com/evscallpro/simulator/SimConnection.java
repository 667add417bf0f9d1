package com.evscallpro.simulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMI client connection of the simulator: a reader thread that parses action frames and hands them to the engine,
 * and a writer thread that drains this connection's output queue onto the socket (so a slow client never blocks the
 * engine or the other clients).
 */
final class SimConnection {

    private static final Logger log = LoggerFactory.getLogger(SimConnection.class);
    private static final String CLOSE = new String("<close>");
    /** A client that stops reading is dropped once this many frames wait for it. */
    private static final int MAX_PENDING = 200_000;

    private record Incoming(AmiFrame frame, long dueNanos) {
    }

    private static final Incoming END = new Incoming(null, 0);

    final int id;
    final Socket socket;
    private final SimNetwork network;
    private final LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Incoming> in = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    // engine-thread state
    boolean loggedIn;
    boolean authFailing;
    boolean eventsOn = true;
    /** {@code Action: Filter} of this session: whitelist and {@code !} blacklist regexes (engine thread only). */
    final List<java.util.regex.Pattern> whiteFilters = new ArrayList<>();
    final List<java.util.regex.Pattern> blackFilters = new ArrayList<>();
    String challenge;
    String username;
    final long sessionId;
    final String sessionTv;

    SimConnection(int id, Socket socket, long sessionId, String sessionTv) {
        this(id, socket, sessionId, sessionTv, new SimNetwork());
    }

    SimConnection(int id, Socket socket, long sessionId, String sessionTv, SimNetwork network) {
        this.id = id;
        this.network = network;
        this.socket = socket;
        this.sessionId = sessionId;
        this.sessionTv = sessionTv;
    }

    void start(String banner, BiConsumer<SimConnection, AmiFrame> onFrame, Consumer<SimConnection> onClose) {
        out.add(banner + AmiFrame.CRLF);
        Thread.ofVirtual().name("pbx-sim-writer-" + id).start(this::writeLoop);
        Thread.ofVirtual().name("pbx-sim-reader-" + id).start(this::readLoop);
        Thread.ofVirtual().name("pbx-sim-actions-" + id).start(() -> actionLoop(onFrame, onClose));
    }

    /** Reads frames and queues them, each due {@link SimNetwork#actionDelayNanos()} after its arrival. */
    private void readLoop() {
        try {
            AmiFrameReader reader = new AmiFrameReader(new BufferedInputStream(socket.getInputStream()));
            AmiFrame frame;
            while (!closed && (frame = reader.readFrame()) != null) {
                in.add(new Incoming(frame, System.nanoTime() + network.actionDelayNanos()));
            }
        } catch (IOException e) {
            log.debug("AMI sim connection {} read ended: {}", id, e.toString());
        } catch (RuntimeException e) {
            log.warn("AMI sim connection {} reader failed", id, e);
        } finally {
            in.add(END);
        }
    }

    /** Hands the frames to the engine in order, when due and not frozen; then reports the connection closed. */
    private void actionLoop(BiConsumer<SimConnection, AmiFrame> onFrame, Consumer<SimConnection> onClose) {
        try {
            while (true) {
                Incoming next = in.take();
                if (next == END) {
                    break;
                }
                network.awaitDue(next.dueNanos(), () -> closed);
                if (closed) {
                    break;
                }
                onFrame.accept(this, next.frame());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("AMI sim connection {} action handling failed", id, e);
        } finally {
            close();
            try {
                onClose.accept(this);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("AMI sim connection {} closed after the simulator stopped", id);
            }
        }
    }

    private void writeLoop() {
        List<String> batch = new ArrayList<>();
        try {
            OutputStream os = socket.getOutputStream();
            while (true) {
                batch.clear();
                batch.add(out.take());
                network.awaitThawed(() -> closed);
                out.drainTo(batch, 256);
                StringBuilder sb = new StringBuilder();
                boolean closeAfter = false;
                for (String s : batch) {
                    if (s == CLOSE) {
                        closeAfter = true;
                        break;
                    }
                    sb.append(s);
                }
                if (!sb.isEmpty()) {
                    os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    os.flush();
                }
                if (closeAfter || closed) {
                    break;
                }
            }
        } catch (IOException e) {
            log.debug("AMI sim connection {} write ended: {}", id, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /**
     * Asterisk's filter evaluation for an event of this session ({@code wire} = the whole event text): no filter,
     * everything; whitelists only, an event passes if one matches; blacklists only, unless one matches; both, if a
     * whitelist matches and no blacklist does. Regexes are searched anywhere in the text, like {@code regexec}.
     */
    boolean passesFilters(String wire) {
        if (!whiteFilters.isEmpty()) {
            boolean white = false;
            for (java.util.regex.Pattern p : whiteFilters) {
                if (p.matcher(wire).find()) {
                    white = true;
                    break;
                }
            }
            if (!white) {
                return false;
            }
        }
        for (java.util.regex.Pattern p : blackFilters) {
            if (p.matcher(wire).find()) {
                return false;
            }
        }
        return true;
    }

    void send(AmiFrame frame) {
        send(frame.toWire());
    }

    void send(String wire) {
        if (closed) {
            return;
        }
        if (out.size() > MAX_PENDING) {
            log.warn("AMI sim connection {} does not read its events; dropping it", id);
            close();
            return;
        }
        out.add(wire);
    }

    /** Writes what is queued, then closes the socket. */
    void closeAfterFlush() {
        out.add(CLOSE);
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        out.add(CLOSE);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
