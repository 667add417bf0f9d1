package com.evscallpro.telephony.asterisk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxPort;

/**
 * The {@link PbxPort} on Asterisk through AMI (asterisk-java {@link ManagerConnection}).
 *
 * <p>Threads: asterisk-java's reader (and its event pump) only hand raw events to {@link #enqueue}; one dispatcher
 * thread ({@code ami-dispatcher}) applies them in order to the {@link CallTracker} and calls the listeners; actions
 * are written by a separate {@code ami-actions} thread so neither the reader nor the dispatcher ever waits on the
 * network. The dispatcher warns when it handles an event more than {@link AmiSettings#lagWarning()} after its arrival.
 *
 * <p>Connection: {@link #start()} returns at once; a background thread logs in, retrying with back-off while the PBX
 * is unreachable ({@link #isConnected()} stays false meanwhile). Once connected, asterisk-java reconnects by itself;
 * after every (re)connect the adapter resynchronises with {@code CoreShowChannels} so live calls are not forgotten
 * and calls that ended during the outage are reported hung up.
 *
 * <p>Originate: {@code Channel} = {@link AmiSettings#dialString(String)}, {@code Context} = agent context,
 * {@code Exten} = the agent extension, {@code ChannelId} = the call id, so Asterisk uses our call id as the
 * {@code Uniqueid} and {@code Linkedid} of the call and every later event maps back to it.
 */
public final class AsteriskAmiPbx implements PbxPort, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsteriskAmiPbx.class);
    private static final Object STOP = new Object();

    private record Item(Object payload, long enqueuedNanos) {
    }

    private final AmiSettings settings;
    private final DefaultManagerConnection connection;
    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final CallTracker tracker;
    private final ScheduledExecutorService timer;
    private final ExecutorService actions;
    private final Thread dispatcher;
    private final AtomicBoolean loginLoopRunning = new AtomicBoolean();
    private final AtomicLong actionIds = new AtomicLong();
    private final AtomicLong lastLagWarning = new AtomicLong();
    private final ManagerEventListener rawListener = this::enqueue;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean everConnected;

    public AsteriskAmiPbx(AmiSettings settings) {
        this(settings, Clock.systemUTC());
    }

    AsteriskAmiPbx(AmiSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connection = new DefaultManagerConnection(settings.host(), settings.port(), settings.username(),
                settings.secret());
        connection.setSocketTimeout((int) settings.connectTimeout().toMillis());
        connection.setDefaultResponseTimeout(settings.responseTimeout().toMillis());
        connection.setDefaultEventTimeout(settings.responseTimeout().toMillis());
        connection.setKeepAliveAfterAuthenticationFailure(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("ami-timer"));
        this.actions = Executors.newSingleThreadExecutor(daemon("ami-actions"));
        this.tracker = new CallTracker(settings, this::emit,
                (delay, task) -> timer.schedule(() -> post(task), delay.toMillis(), TimeUnit.MILLISECONDS), clock);
        this.dispatcher = daemon("ami-dispatcher").newThread(this::dispatchLoop);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts the dispatcher and the background login; returns at once. */
    public synchronized AsteriskAmiPbx start() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (started) {
            return this;
        }
        started = true;
        log.info("Starting AMI adapter {}", settings);
        dispatcher.start();
        connection.addEventListener(rawListener);
        startLoginLoop();
        timer.scheduleWithFixedDelay(this::watchdog, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    public AmiSettings settings() {
        return settings;
    }

    @Override
    public boolean isConnected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** Waits until connected (tests, startup probes); false on timeout. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!isConnected()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Raw events waiting for the dispatcher. */
    public int queuedEvents() {
        return queue.size();
    }

    // ------------------------------------------------------------------ connection

    private void startLoginLoop() {
        if (closed || !loginLoopRunning.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(this::loginLoop, "ami-connector");
        t.setDaemon(true);
        t.start();
    }

    private void loginLoop() {
        long backoff = settings.reconnectMin().toMillis();
        try {
            while (!closed) {
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
        if (!closed && connection.getState() == ManagerConnectionState.DISCONNECTED) {
            startLoginLoop();
        }
    }

    // ------------------------------------------------------------------ reader side: enqueue only

    private void enqueue(ManagerEvent event) {
        if (event instanceof NewChannelEvent || event instanceof NewStateEvent || event instanceof HangupEvent
                || event instanceof DialStateEvent || event instanceof OriginateResponseEvent
                || event instanceof BridgeEnterEvent || event instanceof BridgeLeaveEvent
                || event instanceof DtmfEndEvent || event instanceof ConnectEvent
                || event instanceof DisconnectEvent) {
            queue.add(new Item(event, System.nanoTime()));
        }
    }

    private void post(Runnable task) {
        queue.add(new Item(task, System.nanoTime()));
    }

    // ------------------------------------------------------------------ dispatcher

    private void dispatchLoop() {
        long lagNanos = settings.lagWarning().toNanos();
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item.payload() == STOP) {
                return;
            }
            long lag = System.nanoTime() - item.enqueuedNanos();
            if (lag > lagNanos) {
                warnLag(lag);
            }
            try {
                if (item.payload() instanceof Runnable task) {
                    task.run();
                } else if (item.payload() instanceof ConnectEvent) {
                    onConnected();
                } else if (item.payload() instanceof DisconnectEvent) {
                    log.warn("AMI connection to {}:{} lost; reconnecting", settings.host(), settings.port());
                } else {
                    tracker.onEvent((ManagerEvent) item.payload());
                }
            } catch (RuntimeException e) {
                log.warn("AMI dispatcher failed on {}", item.payload().getClass().getSimpleName(), e);
            }
        }
    }

    private void warnLag(long lagNanos) {
        long now = System.nanoTime();
        long last = lastLagWarning.get();
        if (now - last > TimeUnit.SECONDS.toNanos(5) && lastLagWarning.compareAndSet(last, now)) {
            log.warn("AMI dispatcher is {} ms behind the reader ({} events queued): listeners are too slow",
                    TimeUnit.NANOSECONDS.toMillis(lagNanos), queue.size());
        }
    }

    private void emit(CallEvent event) {
        for (CallEventListener l : listeners) {
            try {
                l.onCallEvent(event);
            } catch (RuntimeException e) {
                log.warn("Call event listener failed on {} {}", event.type(), event.callId(), e);
            }
        }
    }

    private void onConnected() {
        if (everConnected) {
            log.info("AMI reconnected to {}:{}; resynchronising live channels", settings.host(), settings.port());
        }
        everConnected = true;
        long mark = tracker.mark();
        actions.execute(() -> resync(mark));
    }

    private void resync(long mark) {
        if (closed || !isConnected()) {
            return;
        }
        try {
            ResponseEvents events = connection.sendEventGeneratingAction(new CoreShowChannelsAction(),
                    settings.responseTimeout().toMillis());
            if (events.getResponse() instanceof ManagerError err) {
                log.warn("CoreShowChannels refused: {}", err.getMessage());
                return;
            }
            List<CallTracker.SnapshotChannel> snapshot = new ArrayList<>();
            for (ResponseEvent e : events.getEvents()) {
                if (e instanceof CoreShowChannelEvent c && c.getUniqueid() != null) {
                    snapshot.add(new CallTracker.SnapshotChannel(c.getChannel(), c.getUniqueid(), c.getLinkedid(),
                            c.getChannelState() == null ? 0 : c.getChannelState()));
                }
            }
            post(() -> tracker.resync(mark, snapshot));
        } catch (Exception e) {
            log.warn("AMI resync (CoreShowChannels) failed: {}", e.toString());
        }
    }

    // ------------------------------------------------------------------ PbxPort

    @Override
    public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            return CompletableFuture.failedFuture(new PbxActionException("AMI adapter closed"));
        }
        if (!isConnected()) {
            return CompletableFuture.failedFuture(new PbxActionException("AMI not connected to "
                    + settings.host() + ":" + settings.port()));
        }
        CompletableFuture<OriginateResult> future = new CompletableFuture<>();
        String actionId = "evs-orig-" + actionIds.incrementAndGet();
        OriginateAction action = new OriginateAction();
        action.setActionId(actionId);
        action.setChannel(settings.dialString(request.number()));
        action.setContext(settings.agentContext());
        action.setExten(request.connectTo());
        action.setPriority(1);
        action.setTimeout(request.ringTimeout().toMillis());
        if (request.callerId() != null && !request.callerId().isBlank()) {
            action.setCallerId(request.callerId());
        }
        if (!request.variables().isEmpty()) {
            action.setVariables(new java.util.LinkedHashMap<>(request.variables()));
        }
        action.setAsync(true);
        action.setChannelId(request.callId());
        action.setOtherChannelId(request.callId() + ";2");
        String callId = request.callId();
        // registered on the dispatcher before it is sent, so no event of the call can overtake the registration
        post(() -> {
            if (tracker.registerOriginate(request, actionId, future)) {
                actions.execute(() -> send(action, callId, actionId));
            }
        });
        return future;
    }

    private void send(OriginateAction action, String callId, String actionId) {
        try {
            connection.sendAction(action, response -> post(() -> tracker.originateActionAnswered(callId,
                    actionId, response != null && !(response instanceof ManagerError),
                    response == null ? null : response.getMessage())));
        } catch (IOException | RuntimeException e) {
            post(() -> tracker.originateSendFailed(callId, actionId,
                    new PbxActionException("Originate could not be sent: " + e.getMessage(), e)));
        }
    }

    @Override
    public CompletableFuture<Void> hangup(String callId, int q850Cause) {
        Objects.requireNonNull(callId, "callId");
        if (!isConnected()) {
            return CompletableFuture.failedFuture(new PbxActionException("AMI not connected"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        post(() -> {
            List<String> channels = tracker.channelsToHangUp(callId);
            if (channels.isEmpty()) {
                done.complete(null);
                return;
            }
            actions.execute(() -> sendHangups(channels, q850Cause, done));
        });
        return done;
    }

    private void sendHangups(List<String> channels, int cause, CompletableFuture<Void> done) {
        List<CompletableFuture<ManagerResponse>> answers = new ArrayList<>();
        for (String channel : channels) {
            CompletableFuture<ManagerResponse> answer = new CompletableFuture<>();
            answers.add(answer);
            try {
                connection.sendAction(new HangupAction(channel, cause), answer::complete);
            } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .orTimeout(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        done.completeExceptionally(new PbxActionException("Hangup failed: " + error.getMessage(),
                                error));
                        return;
                    }
                    List<String> refused = new ArrayList<>();
                    int ok = 0;
                    for (CompletableFuture<ManagerResponse> a : answers) {
                        ManagerResponse r = a.join();
                        if (r instanceof ManagerError err) {
                            // "No such channel": it went away meanwhile (e.g. the ;2 half of a pair we hung up)
                            if (err.getMessage() == null || !err.getMessage().contains("No such channel")) {
                                refused.add(err.getMessage());
                            }
                        } else if (r != null) {
                            ok++;
                        } else {
                            refused.add("connection lost");
                        }
                    }
                    if (refused.isEmpty() || ok > 0) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(new PbxActionException("Hangup refused: " + refused));
                    }
                });
    }

    @Override
    public void addListener(CallEventListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void removeListener(CallEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        connection.removeEventListener(rawListener);
        ManagerConnectionState state = connection.getState();
        if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                log.debug("AMI logoff failed: {}", e.toString());
            }
        }
        if (started) {
            post(() -> tracker.failAll(new PbxActionException("AMI adapter closed")));
            queue.add(new Item(STOP, System.nanoTime()));
            try {
                dispatcher.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        actions.shutdownNow();
        log.info("AMI adapter for {}:{} closed", settings.host(), settings.port());
    }

    @Override
    public String toString() {
        return "AsteriskAmiPbx[" + settings + ", state=" + connection.getState() + "]";
    }
}
