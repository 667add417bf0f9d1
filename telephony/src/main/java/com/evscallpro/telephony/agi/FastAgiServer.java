package com.evscallpro.telephony.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;

/**
 * Our FastAGI server. Asterisk runs {@code AGI(agi://host:4573/<script>)}; the server reads the {@code agi_*}
 * environment, finds the handler registered for {@code <script>} and runs it on a virtual thread with a typed
 * {@link AgiChannel}.
 *
 * <pre>{@code
 * FastAgiServer agi = new FastAgiServer(FastAgiSettings.defaults().withPort(0));
 * agi.register("ivr", channel -> {
 *     channel.answer();
 *     GetDataResult choice = channel.getData("ivr/welcome", 5000, 1);
 *     ...
 * });
 * agi.addListener(event -> ...);      // HUNG_UP events of AGI calls
 * agi.start();
 * int port = agi.port();
 * ...
 * agi.close();
 * }</pre>
 *
 * <ul>
 *   <li><b>Bounded</b>: at most {@link FastAgiSettings#maxChannels()} channels at once. A connection beyond it is
 *       refused politely ({@code SET VARIABLE EVS_AGI_STATUS BUSY}, then closed, so the dialplan continues to its
 *       fallback); beyond {@link FastAgiSettings#maxRefusalsInFlight()} refusals in progress it is just closed.
 *       Threads: one acceptor, two virtual threads per connection (reader, handler), one event dispatcher, one timer
 *       (what it fires, a close, runs on a virtual thread of its own: see {@link #offTimer}).</li>
 *   <li><b>Routing</b> by script path (query string and {@code agi_arg_N} are in {@link AgiRequest}); an unknown path
 *       is logged and the channel is hung up.</li>
 *   <li><b>Closing</b>: the server closes the socket when the handler returns (unless it {@link AgiChannel#handOver()
 *       handed the channel over}), when the channel is hung up (once no command runs, or after
 *       {@link FastAgiSettings#hangupGrace()}), or on a protocol error. Asterisk itself never closes the socket: a
 *       server that does not close keeps dead channels alive.</li>
 *   <li><b>Events</b>: a hangup becomes a {@link CallEvent} {@code HUNG_UP} (leg of the route, callId =
 *       {@link AgiChannel#callId()}), published on the {@code agi-events} thread to the listeners.</li>
 * </ul>
 */
public final class FastAgiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    record Route(AgiHandler handler, CallEvent.Leg leg) {
    }

    private final FastAgiSettings settings;
    private final AgiChannels registry = new AgiChannels();
    private final ConcurrentHashMap<String, Route> routes = new ConcurrentHashMap<>();
    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<Integer, AgiConnection> open = new ConcurrentHashMap<>();
    private final Semaphore channelPermits;
    private final Semaphore refusalPermits;
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastRefusalLog = new AtomicLong();
    private final ExecutorService events;
    private final ScheduledThreadPoolExecutor timer;
    private final Object lifecycle = new Object();
    private volatile ServerSocket serverSocket;
    private volatile Thread acceptor;
    private volatile boolean closed;
    private volatile int port = -1;

    public FastAgiServer(FastAgiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.channelPermits = new Semaphore(settings.maxChannels());
        this.refusalPermits = new Semaphore(settings.maxRefusalsInFlight());
        this.events = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("agi-events").daemon().factory());
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("agi-timer").daemon().factory());
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** Routes {@code agi://host:port/<script>} to the handler; the hangups of these calls are CUSTOMER leg events. */
    public FastAgiServer register(String script, AgiHandler handler) {
        return register(script, CallEvent.Leg.CUSTOMER, handler);
    }

    /** Routes a script, with the leg its hangup events carry (CUSTOMER for inbound callers, OTHER otherwise). */
    public FastAgiServer register(String script, CallEvent.Leg leg, AgiHandler handler) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(leg, "leg");
        String key = script.startsWith("/") ? script.substring(1) : script;
        routes.put(key, new Route(handler, leg));
        return this;
    }

    public void unregister(String script) {
        routes.remove(script.startsWith("/") ? script.substring(1) : script);
    }

    public void addListener(CallEventListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(CallEventListener listener) {
        listeners.remove(listener);
    }

    /** Binds the port and starts accepting Asterisk connections. Returns this. */
    public FastAgiServer start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("FastAGI server closed");
            }
            if (serverSocket != null) {
                return this;
            }
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 1024);
                serverSocket = s;
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + settings.bindAddress() + ":" + settings.port(), e);
            }
            acceptor = Thread.ofPlatform().name("agi-acceptor").daemon().start(this::acceptLoop);
            log.info("FastAGI server listening on {}:{} (max {} channels)", settings.bindAddress(), port,
                    settings.maxChannels());
        }
        return this;
    }

    /** The TCP port (the ephemeral one when the settings said 0). */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("FastAGI server not started");
        }
        return port;
    }

    public FastAgiSettings settings() {
        return settings;
    }

    /** The live channels, for workers that drive a call they did not accept. */
    public AgiChannels channels() {
        return registry;
    }

    /** Live channels being served (handler running or handed over). */
    public int activeChannelCount() {
        return registry.size();
    }

    /** Connections refused since the start because {@link FastAgiSettings#maxChannels()} were busy. */
    public long refusedCount() {
        return refused.get();
    }

    private void acceptLoop() {
        ServerSocket s = serverSocket;
        while (!closed) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("FastAGI accept failed: {}", e.toString());
                    sleepQuietly(50);
                }
                continue;
            }
            try {
                admit(socket);
            } catch (RuntimeException | Error e) {
                log.error("FastAGI could not start a connection", e);
                closeQuietly(socket);
            }
        }
    }

    private void admit(Socket socket) {
        int id = connectionIds.incrementAndGet();
        AgiConnection.Mode mode;
        if (channelPermits.tryAcquire()) {
            mode = AgiConnection.Mode.SERVE;
        } else if (refusalPermits.tryAcquire()) {
            mode = AgiConnection.Mode.REFUSE;
            refused.incrementAndGet();
            logRefusal("refusing", id);
        } else {
            refused.incrementAndGet();
            logRefusal("closing", id);
            closeQuietly(socket);
            return;
        }
        AgiConnection c = new AgiConnection(this, socket, id, mode);
        open.put(id, c);
        if (closed) {
            c.close(AgiEndReason.SERVER_STOPPED);
            return;
        }
        Thread.ofVirtual().name("agi-reader-" + id).start(c::run);
    }

    private void logRefusal(String what, int id) {
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if (now - last > TimeUnit.SECONDS.toNanos(5) && lastRefusalLog.compareAndSet(last, now)) {
            log.warn("FastAGI at capacity ({} channels): {} connection #{} ({} refused so far)",
                    settings.maxChannels(), what, id, refused.get());
        }
    }

    Route route(String script) {
        return routes.get(script);
    }

    AgiChannels registry() {
        return registry;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /**
     * Runs {@code work} on a virtual thread of its own: what a timer fires (a hangup's grace ending, a handed-over
     * channel found idle) closes a connection, and closing completes {@link AgiChannel#completion()}, whose listeners
     * (an IVR's end of call: its CDR, its journey rows) may take seconds. On the one timer thread they would hold up
     * every other connection's timers.
     */
    void offTimer(String name, Runnable work) {
        Thread.ofVirtual().name(name).start(work);
    }

    void publish(CallEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            events.execute(() -> {
                for (CallEventListener l : listeners) {
                    try {
                        l.onCallEvent(event);
                    } catch (RuntimeException e) {
                        log.warn("CallEventListener failed on {} of {}", event.type(), event.callId(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("FastAGI stopping: {} of {} not published", event.type(), event.callId());
        }
    }

    /** Called once per connection by {@link AgiConnection#close(AgiEndReason)}. */
    void connectionClosed(AgiConnection c) {
        if (open.remove(c.id()) == null) {
            return;
        }
        try {
            registry.remove(c);
        } finally {
            // whatever happens, the permit goes back: a leaked permit is a channel lost for good
            if (c.mode() == AgiConnection.Mode.SERVE) {
                channelPermits.release();
            } else {
                refusalPermits.release();
            }
        }
    }

    /** Connections open right now, refusals included (tests: nothing leaks). */
    int openConnectionCount() {
        return open.size();
    }

    int availableChannelPermits() {
        return channelPermits.availablePermits();
    }

    /** Stops accepting, closes every connection (the calls continue in the dialplan), stops the threads. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeQuietly(serverSocket);
        Thread a = acceptor;
        if (a != null) {
            try {
                a.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (AgiConnection c : List.copyOf(open.values())) {
            c.close(AgiEndReason.SERVER_STOPPED);
        }
        timer.shutdownNow();
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("FastAGI server on port {} stopped", port);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
