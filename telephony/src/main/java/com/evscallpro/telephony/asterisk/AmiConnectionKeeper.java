package com.evscallpro.telephony.asterisk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.FilterAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the adapter's AMI connection usable: the first login with back-off ({@code ami-connector}) and a watchdog
 * that starts it again if asterisk-java ever gives up; the keep-alive Ping that detects a half-open connection and
 * drops the socket so asterisk-java reconnects; and after every (re)login the event {@code Filter}s and the
 * {@code CoreShowChannels} resync, applied on the dispatcher.
 */
final class AmiConnectionKeeper {

    /** The adapter's lines keep one logger name, whichever class writes them (operators' log configuration). */
    private static final Logger log = LoggerFactory.getLogger(AsteriskAmiPbx.class);

    private final AmiSettings settings;
    private final AmiConnection connection;
    private final ScheduledExecutorService timer;
    private final ExecutorService actions;
    private final AmiCallTranslator tracker;
    private final AmiDispatcher dispatcher;
    private final BooleanSupplier closed;
    private final AtomicBoolean loginLoopRunning = new AtomicBoolean();
    /** Last time anything came from the PBX (an event or a Ping response), for the keep-alive. */
    private volatile long lastInputNanos = System.nanoTime();
    /** Incremented at every login (ConnectEvent): a Ping of an older connection says nothing about the current one. */
    private final AtomicLong connectGeneration = new AtomicLong();
    private final AtomicBoolean pingInFlight = new AtomicBoolean();
    private final AtomicLong deadConnections = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong eventFilterInstalls = new AtomicLong();
    private final AtomicLong eventFilterRefusals = new AtomicLong();
    private volatile boolean everConnected;

    AmiConnectionKeeper(AmiSettings settings, AmiConnection connection, ScheduledExecutorService timer,
                        ExecutorService actions, AmiCallTranslator tracker, AmiDispatcher dispatcher,
                        BooleanSupplier closed) {
        this.settings = settings;
        this.connection = connection;
        this.timer = timer;
        this.actions = actions;
        this.tracker = tracker;
        this.dispatcher = dispatcher;
        this.closed = closed;
    }

    /** Starts the background login, the watchdog and the keep-alive. */
    void start() {
        startLoginLoop();
        timer.scheduleWithFixedDelay(this::watchdog, 1, 1, TimeUnit.SECONDS);
        long ping = settings.pingInterval().toMillis();
        if (ping > 0) {
            timer.scheduleWithFixedDelay(this::keepAlive, ping, ping, TimeUnit.MILLISECONDS);
        }
    }

    /** On the reader, for every raw event: the PBX is alive; a ConnectEvent starts a new connection generation. */
    void inputReceived(ManagerEvent event) {
        lastInputNanos = System.nanoTime();
        if (event instanceof ConnectEvent) {
            connectGeneration.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ connection

    private void startLoginLoop() {
        if (closed.getAsBoolean() || !loginLoopRunning.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(this::loginLoop, "ami-connector");
        t.setDaemon(true);
        t.start();
    }

    private void loginLoop() {
        long backoff = settings.reconnectMin().toMillis();
        try {
            while (!closed.getAsBoolean()) {
                ManagerConnectionState state = connection.getState();
                if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
                    return;
                }
                try {
                    connection.login();
                    log.info("AMI logged in to {}:{} as {}", settings.host(), settings.port(), settings.username());
                    return;
                } catch (AuthenticationFailedException e) {
                    log.error("AMI login to {}:{} as {} refused: {}; retrying in {} ms", settings.host(),
                            settings.port(), settings.username(), e.getMessage(), backoff);
                } catch (IOException | TimeoutException | IllegalStateException e) {
                    log.warn("AMI {}:{} unreachable ({}); retrying in {} ms", settings.host(), settings.port(),
                            e.getMessage(), backoff);
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, settings.reconnectMax().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("AMI login loop failed", e);
        } finally {
            loginLoopRunning.set(false);
        }
    }

    /** asterisk-java gives up reconnecting in a few cases (e.g. refused login); we never do. */
    private void watchdog() {
        if (!closed.getAsBoolean() && connection.getState() == ManagerConnectionState.DISCONNECTED) {
            startLoginLoop();
        }
    }

    // ------------------------------------------------------------------ keep-alive

    /**
     * On {@code ami-timer}: sends a Ping (from a short-lived thread, so a write stuck on a dead socket blocks nobody)
     * and checks it {@link AmiSettings#pingTimeout()} later. No answer and nothing else received from the PBX
     * meanwhile: the connection is half-open (the PBX host froze, a firewall dropped the flow); the socket is closed
     * so asterisk-java's reconnect path runs, followed by our resync. A PBX that answers slowly but still sends events
     * is alive and left alone.
     */
    private void keepAlive() {
        if (closed.getAsBoolean() || connection.getState() != ManagerConnectionState.CONNECTED
                || !pingInFlight.compareAndSet(false, true)) {
            return;
        }
        long generation = connectGeneration.get();
        long sentAt = System.nanoTime();
        AtomicBoolean answered = new AtomicBoolean();
        Thread.ofVirtual().name("ami-ping").start(() -> {
            try {
                connection.sendAction(new PingAction(), response -> {
                    if (response != null) {
                        answered.set(true);
                        lastInputNanos = System.nanoTime();
                        dispatcher.post(tracker::heardFromPbx);
                    }
                });
            } catch (IOException | RuntimeException e) {
                log.debug("AMI Ping could not be sent: {}", e.toString());
            }
        });
        timer.schedule(() -> checkPing(generation, sentAt, answered), settings.pingTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkPing(long generation, long sentAt, AtomicBoolean answered) {
        pingInFlight.set(false);
        if (closed.getAsBoolean() || answered.get() || generation != connectGeneration.get()
                || connection.getState() != ManagerConnectionState.CONNECTED) {
            return;
        }
        if (lastInputNanos - sentAt > 0) {
            log.debug("AMI Ping to {}:{} not answered yet, but the PBX is sending: alive", settings.host(),
                    settings.port());
            return;
        }
        deadConnections.incrementAndGet();
        log.warn("AMI {}:{} did not answer a Ping within {} ms and sent nothing: connection considered dead "
                + "(half-open); reconnecting", settings.host(), settings.port(), settings.pingTimeout().toMillis());
        Thread.ofVirtual().name("ami-drop").start(connection::dropSocket);
    }

    /** How many times the keep-alive found the connection dead and forced a reconnect. */
    long deadConnectionsDetected() {
        return deadConnections.get();
    }

    /** How many times the adapter logged in again after its first login (any cause). */
    long reconnectCount() {
        return reconnects.get();
    }

    void onConnected() {
        if (everConnected) {
            reconnects.incrementAndGet();
            log.info("AMI reconnected to {}:{}; resynchronising live channels", settings.host(), settings.port());
        }
        everConnected = true;
        long mark = tracker.mark();
        actions.execute(() -> {
            installEventFilter();
            resync(mark);
        });
    }

    /**
     * On {@code ami-actions}, after every login (filters belong to the AMI session: a reconnect starts without
     * any): {@code Action: Filter}, {@code Operation: Add}, {@code Filter: }{@link AsteriskAmiPbx#EVENT_FILTER}, then the same with
     * {@link AsteriskAmiPbx#DIALSTATUS_FILTER} (several whitelist filters: an event passes when any matches). Not waited for: the
     * events that arrive before Asterisk applies them are dropped by {@link AmiDispatcher#enqueue} as before. Refused (the AMI
     * user lacks {@code write=system}, or an Asterisk before 10): a warning, and every event keeps coming.
     */
    private void installEventFilter() {
        if (!settings.eventFilter() || closed.getAsBoolean() || connection.getState() != ManagerConnectionState.CONNECTED) {
            return;
        }
        long generation = connectGeneration.get();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        AtomicBoolean refused = new AtomicBoolean();
        for (String filter : AsteriskAmiPbx.EVENT_FILTERS) {
            try {
                connection.sendAction(new FilterAction(filter), response -> {
                    if (response == null) {
                        return; // connection lost meanwhile: the next login installs it again
                    }
                    if (response instanceof ManagerError err) {
                        if (refused.compareAndSet(false, true)) {
                            eventFilterRefusals.incrementAndGet();
                            log.warn("AMI {}:{} refused the event Filter ({}): receiving every event, ~4x the "
                                    + "decoding work. Give the AMI user write=system, or put the filters in "
                                    + "manager.conf: eventfilter={}", settings.host(),
                                    settings.port(), err.getMessage(),
                                    String.join(" and eventfilter=", AsteriskAmiPbx.EVENT_FILTERS));
                        }
                    } else if (accepted.incrementAndGet() == AsteriskAmiPbx.EVENT_FILTERS.size() && generation == connectGeneration.get()) {
                        eventFilterInstalls.incrementAndGet();
                        log.debug("AMI event filters installed on {}:{}: {}", settings.host(),
                                settings.port(), AsteriskAmiPbx.EVENT_FILTERS);
                    }
                });
            } catch (IOException | RuntimeException e) {
                log.warn("AMI event Filter could not be sent to {}:{}: {}", settings.host(), settings.port(),
                        e.toString());
                return;
            }
        }
    }

    /** Logins after which Asterisk accepted the event {@code Filter} (tests, diagnostics). */
    long eventFilterInstalls() {
        return eventFilterInstalls.get();
    }

    /** Logins after which Asterisk refused the event {@code Filter} (permission): every event is then received. */
    long eventFilterRefusals() {
        return eventFilterRefusals.get();
    }

    private void resync(long mark) {
        if (closed.getAsBoolean() || connection.getState() != ManagerConnectionState.CONNECTED) {
            return;
        }
        try {
            ResponseEvents events = connection.sendEventGeneratingAction(new CoreShowChannelsAction(),
                    settings.responseTimeout().toMillis());
            if (events.getResponse() instanceof ManagerError err) {
                log.warn("CoreShowChannels refused: {}", err.getMessage());
                return;
            }
            List<AmiCallTranslator.SnapshotChannel> snapshot = new ArrayList<>();
            for (ResponseEvent e : events.getEvents()) {
                if (e instanceof CoreShowChannelEvent c && c.getUniqueid() != null) {
                    snapshot.add(new AmiCallTranslator.SnapshotChannel(c.getChannel(), c.getUniqueid(), c.getLinkedid(),
                            c.getChannelState() == null ? 0 : c.getChannelState()));
                }
            }
            dispatcher.post(() -> tracker.resync(mark, snapshot));
        } catch (Exception e) {
            log.warn("AMI resync (CoreShowChannels) failed: {}", e.toString());
        }
    }

}
