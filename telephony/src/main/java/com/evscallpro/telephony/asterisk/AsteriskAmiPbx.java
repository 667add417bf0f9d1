package com.evscallpro.telephony.asterisk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.MuteAudioAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.ParkAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.StatusAction;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ChanSpyStartEvent;
import org.asteriskjava.manager.event.ChanSpyStopEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ParkedCallEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.StatusEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEvent.Leg;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.ChannelStatus;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.ParkedCall;
import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.SpyMode;
import com.evscallpro.telephony.SpySession;

/**
 * The {@link PbxPort} on Asterisk through AMI (asterisk-java {@link ManagerConnection}).
 *
 * <p>Threads: asterisk-java's reader (and its event pump) only hand raw events to the {@link AmiDispatcher}, whose
 * one thread ({@code ami-dispatcher}) applies them in order to the {@link AmiCallTranslator} and calls the listeners; actions
 * are written by a separate {@code ami-actions} thread so neither the reader nor the dispatcher ever waits on the
 * network. The dispatcher warns when it handles an event more than {@link AmiSettings#lagWarning()} after its arrival.
 *
 * <p>Connection (kept by the {@link AmiConnectionKeeper}): {@link #start()} returns at once; a background thread
 * logs in, retrying with back-off while the PBX
 * is unreachable ({@link #isConnected()} stays false meanwhile). Once connected, asterisk-java reconnects by itself;
 * after every (re)connect the adapter resynchronises with {@code CoreShowChannels} so live calls are not forgotten
 * and calls that ended during the outage are reported hung up. Before that, unless
 * {@link AmiSettings#eventFilter()} is off, it asks Asterisk to send only the events it translates
 * ({@link #TRACKED_EVENTS}, AMI {@code Filter} actions): the rest (most VarSets, Newexten, DeviceStateChange...: ~3/4 of a
 * call's events) is then never decoded by asterisk-java.
 *
 * <p>Originate: {@code Channel} = {@link AmiSettings#dialString(String)}, {@code Context} = agent context,
 * {@code Exten} = the agent extension, {@code ChannelId} = the call id, so Asterisk uses our call id as the
 * {@code Uniqueid} and {@code Linkedid} of the call and every later event maps back to it.
 */
public final class AsteriskAmiPbx implements PbxPort, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsteriskAmiPbx.class);

    /**
     * The AMI events the {@link AmiCallTranslator} translates, by their name on the wire: the ONE list the adapter's
     * enqueue filter and the source-side AMI {@code Filter}s ({@link #EVENT_FILTER}, {@link #DIALSTATUS_FILTER}) are
     * derived from. A new event handled in {@link AmiCallTranslator#onEvent} must be added here, or it is neither
     * requested nor dispatched. DialBegin / DialEnd / VarSet {@code DIALSTATUS} tell which leg a channel is on and
     * what a Dial() behind the customers context or to the agent's phone really gave; BridgeCreate / BridgeDestroy
     * keep asterisk-java's own bridge bookkeeping whole (without BridgeCreate it logs "Cant find bridge for id" at
     * ERROR for every BridgeEnter); Shutdown tells a clean restart (capture 13a) from a crash (13b).
     */
    public static final Map<String, Class<? extends ManagerEvent>> TRACKED_EVENTS;

    static {
        Map<String, Class<? extends ManagerEvent>> m = new LinkedHashMap<>();
        m.put("Newchannel", NewChannelEvent.class);
        m.put("Newstate", NewStateEvent.class);
        m.put("Hangup", HangupEvent.class);
        m.put("DialState", DialStateEvent.class);
        m.put("OriginateResponse", OriginateResponseEvent.class);
        m.put("BridgeEnter", BridgeEnterEvent.class);
        m.put("BridgeLeave", BridgeLeaveEvent.class);
        m.put("DTMFEnd", DtmfEndEvent.class);
        m.put("ChanSpyStart", ChanSpyStartEvent.class);
        m.put("ChanSpyStop", ChanSpyStopEvent.class);
        m.put("ParkedCall", ParkedCallEvent.class);
        m.put("AttendedTransfer", AttendedTransferEvent.class);
        m.put("BlindTransfer", BlindTransferEvent.class);
        m.put("DialBegin", DialBeginEvent.class);
        m.put("DialEnd", DialEndEvent.class);
        m.put("BridgeCreate", BridgeCreateEvent.class);
        m.put("BridgeDestroy", BridgeDestroyEvent.class);
        m.put("Shutdown", ShutdownEvent.class);
        m.put("VarSet", VarSetEvent.class);
        m.put("UserEvent", EvsAmdEvent.class);
        TRACKED_EVENTS = Collections.unmodifiableMap(m);
    }

    /** Tracked events requested only in part, by their own filter: of VarSet only {@code DIALSTATUS}. */
    private static final Set<String> NARROWED_EVENTS = Set.of("VarSet", "UserEvent");

    /**
     * The whitelist sent with {@code Action: Filter} after every login: one POSIX extended regex (Asterisk's legacy
     * filter syntax, Asterisk 10 to 22+) matched against the whole event text, {@code Event: <name>} followed by a
     * non-name character (the CR of the line), so {@code Hangup} does not let {@code HangupRequest} through.
     * With a whitelist only, Asterisk sends an event only if it matches (implied "black all" first).
     */
    public static final String EVENT_FILTER = "Event: (" + String.join("|", TRACKED_EVENTS.keySet().stream()
            .filter(n -> !NARROWED_EVENTS.contains(n)).toList()) + ")[^A-Za-z0-9]";

    /**
     * The second whitelist filter: the {@code VarSet} events of {@code DIALSTATUS} only (a call sets dozens of other
     * variables). Only VarSet has a {@code Variable:} header (the items of Status are list items, which no filter
     * touches); the character classes around it keep {@code DIALSTATUS2} and a {@code ChanVariable: DIALSTATUS=}
     * out, and need no "dot matches newline".
     */
    public static final String DIALSTATUS_FILTER = "[^A-Za-z]Variable: " + AmiCallTranslator.DIALSTATUS
            + "[^A-Za-z0-9_=]";

    /**
     * The third whitelist filter: of the {@code UserEvent}s only the answering-machine verdict {@code EvsAmd} raised
     * by the {@code evs-predictive-hold} context ({@link EvsAmdEvent}); other user events a site's dialplan raises
     * stay on the PBX.
     */
    public static final String AMD_FILTER = "UserEvent: " + AmiCallTranslator.AMD_USER_EVENT + "[^A-Za-z0-9]";

    /** Every whitelist filter sent after each login. */
    public static final List<String> EVENT_FILTERS = List.of(EVENT_FILTER, DIALSTATUS_FILTER, AMD_FILTER);

    private final AmiSettings settings;
    private final AmiConnection connection;
    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AmiCallTranslator tracker;
    private final ScheduledExecutorService timer;
    private final ExecutorService actions;
    private final AmiDispatcher dispatcher;
    private final AmiConnectionKeeper keeper;
    private final AtomicLong actionIds = new AtomicLong();
    private final ManagerEventListener rawListener = this::onRawEvent;
    private volatile boolean started;
    private volatile boolean closed;

    public AsteriskAmiPbx(AmiSettings settings) {
        this(settings, Clock.systemUTC());
    }

    AsteriskAmiPbx(AmiSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connection = new AmiConnection(settings.host(), settings.port(), settings.username(),
                settings.secret());
        connection.setSocketTimeout((int) settings.connectTimeout().toMillis());
        connection.setDefaultResponseTimeout(settings.responseTimeout().toMillis());
        connection.setDefaultEventTimeout(settings.responseTimeout().toMillis());
        connection.setKeepAliveAfterAuthenticationFailure(true);
        connection.registerUserEventClass(EvsAmdEvent.class);
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("ami-timer"));
        this.actions = Executors.newSingleThreadExecutor(daemon("ami-actions"));
        this.dispatcher = new AmiDispatcher(settings.lagWarning(), this::dispatch);
        this.tracker = new AmiCallTranslator(settings, this::emit,
                (delay, task) -> timer.schedule(() -> post(task), delay.toMillis(), TimeUnit.MILLISECONDS), clock);
        this.keeper = new AmiConnectionKeeper(settings, connection, timer, actions, tracker, dispatcher,
                () -> closed);
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
        keeper.start();
        return this;
    }

    public AmiSettings settings() {
        return settings;
    }

    /** Asterisk holds calls in dialplan contexts and bridges them by AMI: predictive dialing runs here. */
    @Override
    public boolean holdsCalls() {
        return true;
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
        return dispatcher.queued();
    }

    /** How many times the keep-alive found the connection dead and forced a reconnect. */
    public long deadConnectionsDetected() {
        return keeper.deadConnectionsDetected();
    }

    /** How many times the adapter logged in again after its first login (any cause). */
    public long reconnectCount() {
        return keeper.reconnectCount();
    }

    /** Logins after which Asterisk accepted the event {@code Filter}s (tests, diagnostics). */
    public long eventFilterInstalls() {
        return keeper.eventFilterInstalls();
    }

    /** Logins after which Asterisk refused the event {@code Filter} (permission): every event is then received. */
    public long eventFilterRefusals() {
        return keeper.eventFilterRefusals();
    }

    /** Events asterisk-java decoded that the adapter does not use ({@link AmiDispatcher#ignoredEvents()}). */
    long ignoredEvents() {
        return dispatcher.ignoredEvents();
    }

    // ------------------------------------------------------------------ reader side: enqueue only

    private void onRawEvent(ManagerEvent event) {
        keeper.inputReceived(event);
        dispatcher.enqueue(event);
    }

    private void post(Runnable task) {
        dispatcher.post(task);
    }

    /** On the dispatcher: one raw event. */
    private void dispatch(ManagerEvent event) {
        if (event instanceof ConnectEvent) {
            keeper.onConnected();
        } else if (event instanceof ShutdownEvent e) {
            log.warn("Asterisk {}:{} is shutting down ({}, restart={}): its calls end with their Hangups",
                    settings.host(), settings.port(), e.getShutdown(), e.getRestart());
        } else if (event instanceof DisconnectEvent) {
            tracker.connectionLost();
            log.warn("AMI connection to {}:{} lost; reconnecting", settings.host(), settings.port());
        } else {
            tracker.onEvent(event);
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

    // ------------------------------------------------------------------ PbxPort

    @Override
    public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
        Objects.requireNonNull(request, "request");
        return originate(request, settings.dialString(request.number()), settings.agentContext(),
                request.connectTo(), Leg.CUSTOMER);
    }

    /** The customer into the holding context: {@code Channel} as {@link #originate}, {@code Context: <holdContext>}. */
    @Override
    public CompletableFuture<OriginateResult> originateToHold(OriginateRequest request, String holdContext) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(holdContext, "holdContext");
        return originate(request, settings.dialString(request.number()), holdContext, "s", Leg.CUSTOMER);
    }

    /** The agent's phone into the holding context: {@code Channel} as {@link #originateToPhone}. */
    @Override
    public CompletableFuture<OriginateResult> originatePhoneToHold(String callId, String extension,
                                                                   String holdContext, Duration ringTimeout) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(holdContext, "holdContext");
        OriginateRequest request = new OriginateRequest(callId, extension, null, "s", ringTimeout, Map.of());
        return originate(request, settings.phoneDialString(extension), holdContext, "s", Leg.AGENT);
    }

    /**
     * Rings the phone of {@code extension} ({@code Channel} = {@link AmiSettings#phoneDialString}); once answered it
     * continues at {@code Context: <phoneContext>}, {@code Exten: s}, with the variables set (the dialplan there dials
     * the customer back, takes a parked call...). The originated channel is the AGENT leg; the future and the events
     * follow {@link #originate} (ANSWERED when the phone answers, NO_ANSWER / BUSY / FAILED with the cause).
     */
    @Override
    public CompletableFuture<OriginateResult> originateToPhone(String callId, String extension, String callerId,
                                                               Duration ringTimeout, java.util.Map<String, String> variables) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        OriginateRequest request = new OriginateRequest(callId, extension, callerId, "s", ringTimeout, variables);
        return originate(request, settings.phoneDialString(extension), settings.phoneContext(), "s", Leg.AGENT);
    }

    /**
     * The agent's phone first ({@code Channel} as {@link #originateToPhone}), then, once answered, the phone's channel
     * continues at {@code Context: <phoneContext>}, {@code Exten: <the E.164 number>}: that dialplan dials the
     * number through the site's trunk ({@code Dial(PJSIP/${EXTEN}@trunk)}, docs/agent-workspace.md).
     */
    @Override
    public CompletableFuture<OriginateResult> originateAgentFirst(OriginateRequest request) {
        Objects.requireNonNull(request, "request");
        return originate(request, settings.phoneDialString(request.connectTo()), settings.phoneContext(),
                request.number(), Leg.AGENT);
    }

    private CompletableFuture<OriginateResult> originate(OriginateRequest request, String channel, String context,
                                                         String exten, Leg originLeg) {
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
        action.setChannel(channel);
        action.setContext(context);
        action.setExten(exten);
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
            if (tracker.registerOriginate(request, actionId, future, originLeg)) {
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

    // ------------------------------------------------------------------ call control

    /**
     * Redirect of the leg's channel to {@code context,extension,1} (capture 06). TRANSFERRED goes out at the first
     * proof the PBX moved the channel: its BridgeLeave already in the new place (06: before the agent's Hangup), or
     * the action's Success, whichever comes first; so the partner's HUNG_UP never overtakes it.
     */
    @Override
    public CompletableFuture<Void> blindTransfer(String callId, Leg leg, String extension, String context) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(extension, "extension");
        String ctx = context == null || context.isBlank() ? settings.agentContext() : context;
        return onLegChannel(callId, leg, channel -> {
            // on the dispatcher, before the action is sent: the events the Redirect causes come after this
            tracker.expectTransfer(callId, leg, channel, ctx, extension);
            RedirectAction a = new RedirectAction(channel, ctx, extension, 1);
            return ask(a).whenComplete((r, error) -> post(() -> {
                if (error == null) {
                    tracker.transferred(callId, leg, channel, ctx + "," + extension);
                } else {
                    tracker.transferRefused(channel);
                }
            })).thenAccept(r -> { });
        });
    }

    /** Atxfer on the leg's channel, the target dialled in the agent context ({@code TRANSFER_CONTEXT}). */
    @Override
    public CompletableFuture<Void> attendedTransfer(String callId, Leg leg, String extension) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(extension, "extension");
        return onLegChannel(callId, leg, channel -> {
            AtxferAction a = new AtxferAction(channel, settings.agentContext(), extension, 1);
            return ask(a).thenAccept(r -> { });
        });
    }

    /** AMI MixMonitor of the leg's channel into {@code file} (no options: both directions mixed, whole call). */
    @Override
    public CompletableFuture<Void> startRecording(String callId, Leg leg, String file) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        if (file == null || file.isBlank() || file.matches(".*[,|\\r\\n].*")) {
            return CompletableFuture.failedFuture(new PbxActionException("Invalid recording file: " + file));
        }
        return onLegChannel(callId, leg, channel -> {
            org.asteriskjava.manager.action.MixMonitorAction a = new org.asteriskjava.manager.action.MixMonitorAction();
            a.setChannel(channel);
            a.setFile(file);
            return ask(a).thenAccept(r -> { });
        });
    }

    /** AMI StopMixMonitor of the leg's channel. */
    @Override
    public CompletableFuture<Void> stopRecording(String callId, Leg leg) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        return onLegChannel(callId, leg, channel -> {
            org.asteriskjava.manager.action.StopMixMonitorAction a =
                    new org.asteriskjava.manager.action.StopMixMonitorAction();
            a.setChannel(channel);
            return ask(a).thenAccept(r -> { });
        });
    }

    /** AMI MixMonitorMute of the leg's channel, Direction both, State 1 (pause) or 0 (resume). */
    @Override
    public CompletableFuture<Void> muteRecording(String callId, Leg leg, boolean muted) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        return onLegChannel(callId, leg, channel -> ask(
                new org.asteriskjava.manager.action.MixMonitorMuteAction(channel, "both", muted ? 1 : 0))
                .thenAccept(r -> { }));
    }

    /** AMI Bridge of two channels, without a tone. */
    @Override
    public CompletableFuture<Void> bridge(String channelA, String channelB) {
        Objects.requireNonNull(channelA, "channelA");
        Objects.requireNonNull(channelB, "channelB");
        if (!isConnected()) {
            return notConnected();
        }
        BridgeAction a = new BridgeAction(channelA, channelB, false);
        return ask(a).thenAccept(r -> { });
    }

    /** AMI Park of the leg's channel; completes with the ParkedCall event's parking space. */
    @Override
    public CompletableFuture<ParkedCall> park(String callId, Leg leg) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        if (!isConnected()) {
            return notConnected();
        }
        CompletableFuture<ParkedCall> done = new CompletableFuture<>();
        post(() -> {
            String[] channel = new String[2];
            if (!tracker.registerPark(callId, leg, done, channel)) {
                return;
            }
            ParkAction a = new ParkAction();
            a.setChannel(channel[0]);
            ask(a).whenComplete((r, error) -> {
                if (error != null) {
                    post(() -> tracker.parkFailed(channel[1], unwrap(error)));
                }
            });
        });
        return done.orTimeout(settings.responseTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    /**
     * Originate {@code Local/s@<playbackContext>} (which plays {@code ${EVS_SOUND}} and hangs up) into
     * {@code ChanSpy(<leg channel>,qwE)}: whispered to the leg only. Completes at ChanSpyStart.
     */
    @Override
    public CompletableFuture<Void> playMessage(String callId, Leg leg, String soundFile) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(soundFile, "soundFile");
        if (!isConnected()) {
            return notConnected();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        String auxId = "evs-play-" + java.util.UUID.randomUUID();
        post(() -> {
            String target = tracker.channelFor(callId, leg);
            if (target == null) {
                done.completeExceptionally(new PbxActionException("No live " + leg + " channel in call " + callId));
                return;
            }
            OriginateAction a = auxOriginate(auxId, "Local/s@" + settings.playbackContext(), target + ",qwE");
            a.setVariables(new java.util.LinkedHashMap<>(java.util.Map.of("EVS_SOUND", soundFile)));
            startAux(auxId, a, callId, AmiCallTranslator.playAux(callId, target, done), done);
        });
        return done.orTimeout(settings.responseTimeout().toMillis() + 30_000, TimeUnit.MILLISECONDS);
    }

    /**
     * Originate the supervisor's phone ({@link AmiSettings#phoneDialString}) with {@code Application: ChanSpy},
     * {@code Data: <agent channel>,q|qw|qB} (capture 07) plus {@code d} (DTMF switches the mode, see
     * {@link #switchSpyMode}). Completes at ChanSpyStart.
     */
    @Override
    public CompletableFuture<SpySession> spy(String supervisorExtension, String callId, SpyMode mode) {
        Objects.requireNonNull(supervisorExtension, "supervisorExtension");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(mode, "mode");
        if (!isConnected()) {
            return notConnected();
        }
        CompletableFuture<SpySession> done = new CompletableFuture<>();
        String spyId = "evs-spy-" + java.util.UUID.randomUUID();
        post(() -> {
            String agent = tracker.channelFor(callId, Leg.AGENT);
            if (agent == null) {
                done.completeExceptionally(new PbxActionException("No live agent channel in call " + callId));
                return;
            }
            // d: DTMF 4/5/6 switch the mode of the running ChanSpy (switchSpyMode, or the supervisor's keypad)
            OriginateAction a = auxOriginate(spyId, settings.phoneDialString(supervisorExtension),
                    agent + "," + mode.chanSpyOptions() + "d");
            a.setCallerId("\"Supervisor\" <" + supervisorExtension + ">");
            startAux(spyId, a, callId, AmiCallTranslator.spyAux(callId, mode, agent, done), done);
        });
        return done.orTimeout(settings.responseTimeout().toMillis() + 60_000, TimeUnit.MILLISECONDS);
    }

    /**
     * AMI {@code PlayDTMF} with {@code Receive: true} on the spyer channel: ChanSpy (option {@code d}) reads the digit
     * as if the supervisor pressed it and switches to listen (4), whisper (5) or barge (6).
     */
    @Override
    public CompletableFuture<Void> switchSpyMode(SpySession session, SpyMode mode) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(mode, "mode");
        if (session.spyerChannel() == null || session.spyerChannel().isBlank()) {
            return CompletableFuture.failedFuture(new PbxActionException("The spy session has no spyer channel"));
        }
        if (!isConnected()) {
            return notConnected();
        }
        org.asteriskjava.manager.action.PlayDtmfAction a =
                new org.asteriskjava.manager.action.PlayDtmfAction(session.spyerChannel(),
                        String.valueOf(mode.switchDigit()));
        a.setReceive(Boolean.TRUE);
        return ask(a).thenAccept(r -> { });
    }

    /**
     * AMI {@code Bridge} of the call's customer channel (the one in the agent bridge, whatever its technology:
     * PJSIP/SIP, or the Local {@code ;1} whose {@code ;2} dialled through a trunk) with the spyer channel: ChanSpy
     * ends, the customer and the supervisor meet in a new bridge, and the agent, left alone in the Dial() bridge,
     * is hung up by the PBX (as after a Redirect, capture 06).
     */
    @Override
    public CompletableFuture<Void> takeOver(SpySession session) {
        Objects.requireNonNull(session, "session");
        if (session.spyerChannel() == null || session.spyerChannel().isBlank()) {
            return CompletableFuture.failedFuture(new PbxActionException("The spy session has no spyer channel"));
        }
        return onLegChannel(session.callId(), Leg.CUSTOMER,
                customer -> ask(new BridgeAction(customer, session.spyerChannel(), false)).thenAccept(r -> { }));
    }

    private OriginateAction auxOriginate(String auxId, String channel, String chanSpyData) {
        OriginateAction a = new OriginateAction();
        a.setActionId("evs-aux-" + actionIds.incrementAndGet());
        a.setChannel(channel);
        a.setApplication("ChanSpy");
        a.setData(chanSpyData);
        a.setTimeout(30_000L);
        a.setAsync(true);
        a.setChannelId(auxId);
        a.setOtherChannelId(auxId + ";2");
        return a;
    }

    /** On the dispatcher: registers the helper call, then sends its Originate. */
    private void startAux(String auxId, OriginateAction a, String spiedCallId, AmiCallTranslator.Aux aux,
                          CompletableFuture<?> done) {
        if (!tracker.registerAux(auxId, a.getActionId(), spiedCallId, aux)) {
            return;
        }
        actions.execute(() -> {
            try {
                connection.sendAction(a, response -> post(() -> tracker.auxActionAnswered(auxId, a.getActionId(),
                        response != null && !(response instanceof ManagerError),
                        response == null ? null : response.getMessage())));
            } catch (IOException | RuntimeException e) {
                post(() -> tracker.auxActionAnswered(auxId, a.getActionId(), false,
                        "Originate could not be sent: " + e.getMessage()));
            }
        });
    }

    /** AMI Hangup of the leg's channel only. */
    @Override
    public CompletableFuture<Void> hangupLeg(String callId, Leg leg, int q850Cause) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        return onLegChannel(callId, leg, channel -> ask(new HangupAction(channel, q850Cause)).thenAccept(r -> { }));
    }

    /** AMI CancelAtxfer on the leg's channel (asterisk-java has no class for it: {@link CancelAtxferAction}). */
    @Override
    public CompletableFuture<Void> cancelAttendedTransfer(String callId, Leg leg) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        return onLegChannel(callId, leg, channel -> ask(new CancelAtxferAction(channel)).thenAccept(r -> { }));
    }

    /** {@code Action: CancelAtxfer} (Asterisk 13.18+/16+), {@code Channel}: the transferer. */
    public static final class CancelAtxferAction extends org.asteriskjava.manager.action.AbstractManagerAction {
        private static final long serialVersionUID = 1L;
        private String channel;

        public CancelAtxferAction(String channel) {
            this.channel = channel;
        }

        @Override
        public String getAction() {
            return "CancelAtxfer";
        }

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }
    }

    /** AMI MuteAudio on the leg's channel, Direction in: what the leg says no longer reaches the bridge. */
    @Override
    public CompletableFuture<Void> mute(String callId, Leg leg, boolean muted) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        return onLegChannel(callId, leg, channel -> ask(new MuteAudioAction(channel, MuteAudioAction.Direction.IN,
                muted ? MuteAudioAction.State.MUTE : MuteAudioAction.State.UNMUTE)).thenAccept(r -> { }));
    }

    /** One AMI PlayDTMF per digit on the leg's channel, in order; the first refusal fails the whole. */
    @Override
    public CompletableFuture<Void> sendDtmf(String callId, Leg leg, String digits) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(leg, "leg");
        if (digits == null || !digits.matches("[0-9*#A-Da-d]{1,32}")) {
            return CompletableFuture.failedFuture(new PbxActionException("Invalid DTMF digits: " + digits));
        }
        return onLegChannel(callId, leg, channel -> {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (char d : digits.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
                chain = chain.thenCompose(x -> {
                    PlayDtmfAction a = new PlayDtmfAction(channel, String.valueOf(d));
                    a.setDuration(DTMF_DURATION_MS);
                    return ask(a).thenAccept(r -> { });
                });
            }
            return chain;
        });
    }

    /**
     * One AMI Redirect moving both legs out of their bridge at once (with {@code ExtraChannel}): the customer to
     * {@link AmiSettings#HOLD_CONTEXT} (music on hold), the agent to {@link AmiSettings#HOLD_AGENT_CONTEXT}. Moving
     * one leg alone would end the other (a Dial() bridge hangs the callee up when the caller leaves, capture 06).
     */
    @Override
    public CompletableFuture<Void> hold(String callId) {
        Objects.requireNonNull(callId, "callId");
        return onBothLegs(callId, (customer, agent) -> {
            RedirectAction a = new RedirectAction(customer, agent, AmiSettings.HOLD_CONTEXT, "s", 1,
                    AmiSettings.HOLD_AGENT_CONTEXT, "s", 1);
            return ask(a).thenAccept(r -> { });
        });
    }

    /** AMI Bridge of the customer's and the agent's channels, taking both back from their hold contexts. */
    @Override
    public CompletableFuture<Void> resume(String callId) {
        Objects.requireNonNull(callId, "callId");
        return onBothLegs(callId, (customer, agent) -> ask(new BridgeAction(customer, agent, false))
                .thenAccept(r -> { }));
    }

    private CompletableFuture<Void> onBothLegs(String callId,
            java.util.function.BiFunction<String, String, CompletableFuture<Void>> action) {
        return onLegChannel(callId, Leg.CUSTOMER, customer -> {
            String agent = tracker.channelFor(callId, Leg.AGENT); // still on the dispatcher thread
            if (agent == null) {
                return CompletableFuture.failedFuture(new PbxActionException("No live AGENT channel in call "
                        + callId));
            }
            return action.apply(customer, agent);
        });
    }

    /** AMI Status (all channels), keeping those of the call (Linkedid = call id, or channels we know in it). */
    @Override
    public CompletableFuture<List<ChannelStatus>> channelStatus(String callId) {
        Objects.requireNonNull(callId, "callId");
        if (!isConnected()) {
            return notConnected();
        }
        CompletableFuture<List<ChannelStatus>> done = new CompletableFuture<>();
        actions.execute(() -> {
            try {
                ResponseEvents events = connection.sendEventGeneratingAction(new StatusAction(),
                        settings.responseTimeout().toMillis());
                if (events.getResponse() instanceof ManagerError err) {
                    done.completeExceptionally(new PbxActionException(err.getMessage()));
                    return;
                }
                List<StatusEvent> items = new ArrayList<>();
                for (ResponseEvent e : events.getEvents()) {
                    if (e instanceof StatusEvent st) {
                        items.add(st);
                    }
                }
                post(() -> {
                    List<ChannelStatus> out = new ArrayList<>();
                    for (StatusEvent st : items) {
                        if (tracker.isChannelOf(callId, st.getUniqueId(), st.getLinkedId())) {
                            out.add(AmiCallTranslator.status(st.getChannel(), st.getUniqueId(), st.getLinkedId(),
                                    tracker.legOfChannel(st.getUniqueId()), st.getChannelState(),
                                    st.getChannelStateDesc(), st.getContext(), st.getExten(), st.getPriority(),
                                    st.getApplication(), st.getData(), st.getBridgeId(), st.getSeconds()));
                        }
                    }
                    done.complete(List.copyOf(out));
                });
            } catch (Exception e) {
                done.completeExceptionally(new PbxActionException("Status failed: " + e.getMessage(), e));
            }
        });
        return done;
    }

    /** Resolves the leg's channel on the dispatcher, then runs {@code action} with it. */
    private CompletableFuture<Void> onLegChannel(String callId, Leg leg,
                                                 java.util.function.Function<String, CompletableFuture<Void>> action) {
        if (!isConnected()) {
            return notConnected();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        post(() -> {
            String channel = tracker.channelFor(callId, leg);
            if (channel == null) {
                done.completeExceptionally(new PbxActionException("No live " + leg + " channel in call " + callId));
                return;
            }
            action.apply(channel).whenComplete((ok, error) -> {
                if (error != null) {
                    done.completeExceptionally(unwrap(error));
                } else {
                    done.complete(null);
                }
            });
        });
        return done;
    }

    /**
     * Sends an action from {@code ami-actions}; the future completes with the response, or exceptionally with a
     * {@link PbxActionException} carrying the PBX's message ({@code No such channel}...).
     */
    private CompletableFuture<ManagerResponse> ask(ManagerAction action) {
        CompletableFuture<ManagerResponse> answer = new CompletableFuture<>();
        actions.execute(() -> {
            try {
                connection.sendAction(action, response -> {
                    if (response == null) {
                        answer.completeExceptionally(new PbxActionException(action.getAction()
                                + ": AMI connection lost"));
                    } else if (response instanceof ManagerError err) {
                        answer.completeExceptionally(new PbxActionException(err.getMessage()));
                    } else {
                        answer.complete(response);
                    }
                });
            } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(new PbxActionException(action.getAction() + " could not be sent: "
                        + e.getMessage(), e));
            }
        });
        return answer.orTimeout(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof java.util.concurrent.TimeoutException
                                ? new PbxActionException(action.getAction() + ": no response from the PBX", e)
                                : e));
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private <T> CompletableFuture<T> notConnected() {
        return CompletableFuture.failedFuture(new PbxActionException(closed ? "AMI adapter closed"
                : "AMI not connected to " + settings.host() + ":" + settings.port()));
    }

    /** How long each DTMF tone of {@link #sendDtmf} lasts (Asterisk's default for SendDTMF is 100 ms). */
    static final int DTMF_DURATION_MS = 100;

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
            dispatcher.stop(2000);
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
