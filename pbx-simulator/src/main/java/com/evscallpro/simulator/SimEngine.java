package com.evscallpro.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static com.evscallpro.simulator.SimFrames.*;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Asterisk: its state (channels, bridges, connections), the engine thread, the dispatch of AMI
 * actions and the channel primitives (add, state, hangup, bridge enter / leave). What Asterisk does for each action
 * lives in the parts: {@link SimSessionActions}, {@link SimChannelLists}, {@link SimOriginate}, {@link SimHangups},
 * {@link SimCallControl}, {@link SimSpying}, {@link SimQueues}; the frames in {@link SimFrames}. Everything runs on one
 * engine thread, so the state needs no locks and every client sees events in the same order; the event sequences and
 * header layouts follow the Asterisk 22.10 captures in {@code asterisk-transcripts/}.
 */
final class SimEngine {

    private static final Logger log = LoggerFactory.getLogger(SimEngine.class);

    static final String UNKNOWN = "<unknown>";

    static final int DOWN = 0;

    static final int RING = 4;

    static final int RINGING = 5;

    static final int UP = 6;

    static final int BUSY = 7;

    /** Local channels into this context play a message ({@code Playback(${EVS_SOUND})}) and hang up. */
    static final String PLAYBACK_CONTEXT = "evs-playback";
    /**
     * An agent's phone originated into this context with an E.164 number as {@code Exten} (a manual call) dials that
     * number through the trunk once the phone answered: {@code Dial(PJSIP/${EXTEN}@trunk,45)}.
     */
    static final String PHONE_CONTEXT = "evs-phone";
    /** Every Originate accepted, in order: {@code <Channel> <Context>,<Exten>} (or {@code <Channel> <Application>}). */
    final java.util.List<String> originatesSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    static final Duration PLAYBACK_TIME = Duration.ofSeconds(1);

    /** The feature code Asterisk's {@code Atxfer} action queues as DTMF before the extension (features.conf). */
    static final String ATXFER_FEATURE = "*2";
    /** The {@code atxferabort} feature code ({@code features.conf} default {@code *1}) CancelAtxfer queues. */
    static final String ATXFER_ABORT_FEATURE = "*1";

    final SimulatorSettings settings;

    private final ScheduledExecutorService exec;

    private final long epoch = Instant.now().getEpochSecond();

    // ---- engine-thread state ----
    private final List<SimConnection> connections = new ArrayList<>();

    final Map<String, Chan> channels = new LinkedHashMap<>();

    private long uniqueSeq = 1;

    int localSeq = 1;

    private volatile int liveChannels;

    /** The simulated queues (09 / 09b). */
    final SimQueues queues;
    // the engine's parts, one per section of what Asterisk does (all on the engine thread)
    final SimSessionActions session;
    final SimChannelLists lists;
    final SimOriginate originates;
    final SimHangups hangups;
    final SimCallControl control;
    final SimSpying spying;
    final SimTrunk trunk;
    final SimInbound inbound;
    final SimRecording recording;

    SimEngine(SimulatorSettings settings) {
        this.settings = settings;
        this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pbx-sim-engine");
            t.setDaemon(true);
            return t;
        });
        this.queues = new SimQueues(this, settings);
        this.session = new SimSessionActions(this);
        this.lists = new SimChannelLists(this);
        this.originates = new SimOriginate(this);
        this.hangups = new SimHangups(this);
        this.control = new SimCallControl(this);
        this.spying = new SimSpying(this);
        this.trunk = new SimTrunk(this);
        this.inbound = new SimInbound(this);
        this.recording = new SimRecording(this);
    }

    static final class Chan {
        final String name;
        final String uniqueid;
        final String linkedid;
        final long createdNanos = System.nanoTime();
        int state;
        String cidNum = UNKNOWN;
        String cidName = UNKNOWN;
        String colNum = UNKNOWN;
        String colName = UNKNOWN;
        String context;
        String exten;
        int priority = 1;
        String app = "";
        String appData = "";
        Bridge bridge;
        Call call;
        boolean dead;
        /** The parking space while parked. */
        String parked;
        /** MuteAudio state: audio read from the channel (in) / written to it (out) suppressed. */
        boolean mutedIn;
        boolean mutedOut;
        /** Digits AMI PlayDTMF sent to the channel, in order (what the far end heard). */
        final StringBuilder dtmfSent = new StringBuilder();

        String parkingSpaceOf() {
            return parked;
        }
        final Map<String, String> vars = new LinkedHashMap<>();

        Chan(String name, String uniqueid, String linkedid, int state, String context, String exten) {
            this.name = name;
            this.uniqueid = uniqueid;
            this.linkedid = linkedid;
            this.state = state;
            this.context = context;
            this.exten = exten;
        }
    }

    /** DIAL: made by Dial() (05); AMI: made by the Bridge action; PARKING: the parking lot's holding bridge. */
    enum BridgeKind { DIAL, AMI, PARKING }

    static final class Bridge {
        final String id = UUID.randomUUID().toString();
        final List<Chan> members = new ArrayList<>();
        final BridgeKind kind;

        Bridge() {
            this(BridgeKind.DIAL);
        }

        Bridge(BridgeKind kind) {
            this.kind = kind;
        }
    }

    /** An attended transfer in progress (Atxfer): the transferer talks to the target in a second bridge. */
    static final class Transfer {
        Chan transferer;
        Chan transfererFar;
        Chan target;
        Chan targetFar;
        Bridge original;
        Bridge consult;
        String exten;
    }

    /** What a Local pair's ;2 half is: a customer or a simulated agent phone. */
    enum Far { CUSTOMER, AGENT_PHONE }

    static final class Call {
        Chan c1;
        Chan c2;
        Chan a1;
        Chan a2;
        /** The trunk pair the {@code ;2} dialled (customers through a trunk, 11a-11d). */
        Chan t1;
        Chan t2;
        Far far;
        CustomerBehaviour behaviour;
        String actionId;
        String dialString;
        String context;
        String exten;
        String application;
        String data;
        int priority = 1;
        boolean async;
        SimConnection origin;
        boolean answered;
        boolean originateAnswered;
        boolean agentAnswered;
        Bridge bridge;
        boolean ended;
        final List<ScheduledFuture<?>> timers = new ArrayList<>();
        /** ChanSpy (Application of the originate): what it spies on, with which options. */
        Chan spyee;
        String spyOptions = "";
        /** 07x (no media): the spyer's far end hung up, the ;1 waits in ChanSpy until the spyee goes away. */
        boolean spyerWaitsForSpyee;
        Transfer xfer;
        /** Parking space while the ;1 is parked. */
        String parkingSpace;
    }

    void execute(Runnable task) {
        exec.execute(() -> safely(task));
    }

    void later(Call call, Duration delay, Runnable task) {
        ScheduledFuture<?> f = exec.schedule(() -> safely(() -> {
            if (call == null || !call.ended) {
                task.run();
            }
        }), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        if (call != null) {
            call.timers.add(f);
        }
    }

    void later(Duration delay, Runnable task) {
        exec.schedule(() -> safely(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private static void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("PBX simulator engine task failed", e);
        }
    }

    void shutdown() {
        inbound.closeAgiClients();
        exec.shutdownNow();
    }

    int liveChannelCount() {
        return liveChannels;
    }

    /** Runs {@code task} on the engine thread and waits for it (for tests and hooks). */
    <T> T call(java.util.concurrent.Callable<T> task) {
        try {
            return exec.submit(task).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PBX simulator engine did not answer", e);
        }
    }

    void attach(SimConnection c) {
        execute(() -> connections.add(c));
    }

    void detach(SimConnection c) {
        execute(() -> connections.remove(c));
    }

    void dropAllConnections() {
        call(() -> {
            for (SimConnection c : connections) {
                c.close();
            }
            connections.clear();
            return null;
        });
    }

    /**
     * A clean restart (13a): the calls are torn down with their events and {@code Event: Shutdown}, then every
     * connection is closed once those frames are written.
     */
    void restartCleanly() {
        call(() -> {
            hangups.restartCleanly();
            queues.forgetCalls();
            spying.spies.clear();
            control.parkingLot = null;
            for (SimConnection c : connections) {
                c.closeAfterFlush();
            }
            connections.clear();
            return null;
        });
    }

    /** Ends every call without any event (the PBX went away). */
    void killAllCalls() {
        call(() -> {
            for (Chan c : new ArrayList<>(channels.values())) {
                c.dead = true;
                if (c.call != null) {
                    endCall(c.call);
                }
            }
            channels.clear();
            liveChannels = 0;
            queues.forgetCalls();
            inbound.forgetCalls();
            return null;
        });
    }

    java.util.List<String> reloads() {
        return java.util.List.copyOf(session.reloads);
    }

    long pingsAnswered() {
        return session.pingsAnswered.get();
    }

    int connectionCount() {
        return call(connections::size);
    }

    List<String> channelNames() {
        return call(() -> new ArrayList<>(channels.keySet()));
    }

    /** "in", "out", "all" or "" for a live channel's MuteAudio state; null when no such live channel. */
    String muteState(String channel) {
        return call(() -> {
            Chan c = channels.get(channel);
            return c == null || c.dead ? null
                    : c.mutedIn && c.mutedOut ? "all" : c.mutedIn ? "in" : c.mutedOut ? "out" : "";
        });
    }

    /** Digits PlayDTMF sent to a channel (live or not, while known); null when unknown. */
    String dtmfSent(String channel) {
        return call(() -> {
            Chan c = channels.get(channel);
            return c == null ? null : c.dtmfSent.toString();
        });
    }

    /** The live channel's current Context,Exten and Application (e.g. {@code evs-hold,s,MusicOnHold}); null if none. */
    String placeOf(String channel) {
        return call(() -> {
            Chan c = channels.get(channel);
            return c == null || c.dead ? null : c.context + "," + c.exten + "," + c.app;
        });
    }

    void broadcast(AmiFrame frame) {
        String wire = frame.toWire();
        for (SimConnection c : connections) {
            if (c.loggedIn && c.eventsOn && !c.isClosed() && c.passesFilters(wire)) {
                c.send(wire);
            }
        }
    }

    void onFrame(SimConnection conn, AmiFrame frame) {
        execute(() -> handle(conn, frame));
    }

    private void handle(SimConnection conn, AmiFrame f) {
        if (conn.isClosed() || conn.authFailing) {
            return;
        }
        String actionId = f.get("ActionID");
        String action = f.action();
        if (action == null) {
            conn.send(error(actionId, "Missing action in request"));
            if (conn.loggedIn) {
                session.requestBadFormat(conn, "Action: NONE");
            }
            return;
        }
        if (!conn.loggedIn && !action.equals("login") && !action.equals("challenge") && !action.equals("logoff")) {
            conn.send(error(actionId, "Permission denied"));
            return;
        }
        try {
            switch (action) {
                case "login" -> session.login(conn, f, actionId);
                case "challenge" -> session.challenge(conn, f, actionId);
                case "logoff" -> session.logoff(conn, actionId);
                case "ping" -> session.ping(conn, actionId);
                case "reload" -> session.reload(conn, f, actionId);
                case "events" -> session.events(conn, f, actionId);
                case "filter" -> session.filter(conn, f, actionId);
                case "coresettings" -> session.coreSettings(conn, actionId);
                case "command" -> session.command(conn, f, actionId);
                case "originate" -> originates.originate(conn, f, actionId);
                case "hangup" -> hangups.hangupAction(conn, f, actionId);
                case "coreshowchannels" -> lists.coreShowChannels(conn, actionId);
                case "status" -> lists.status(conn, f, actionId);
                case "getvar" -> lists.getvar(conn, f, actionId);
                case "redirect" -> control.redirect(conn, f, actionId);
                case "bridge" -> control.bridgeAction(conn, f, actionId);
                case "playdtmf" -> spying.playDtmf(conn, f, actionId);
                case "park" -> control.park(conn, f, actionId);
                case "atxfer" -> control.atxfer(conn, f, actionId);
                case "cancelatxfer" -> control.cancelAtxfer(conn, f, actionId);
                case "muteaudio" -> control.muteAudio(conn, f, actionId);
                case "queuesummary" -> queues.summary(conn, f, actionId);
                case "queuestatus" -> queues.status(conn, f, actionId);
                case "queuepause" -> queues.pause(conn, f, actionId);
                case "mixmonitor" -> recording.mixMonitor(conn, f, actionId);
                case "stopmixmonitor" -> recording.stopMixMonitor(conn, f, actionId);
                case "mixmonitormute" -> recording.mute(conn, f, actionId);
                default -> {
                    conn.send(error(actionId, "Invalid/unknown command: " + f.value("Action")
                            + ". Use Action: ListCommands to show available commands."));
                    session.requestBadFormat(conn, "Action: " + f.value("Action"));
                }
            }
        } catch (RuntimeException e) {
            log.warn("PBX simulator failed on action {}", action, e);
            conn.send(error(actionId, "Internal error"));
        }
    }

    /** The other members of the bridge {@code name} is in (engine thread). */
    List<String> bridgedWith(String name) {
        Chan c = channels.get(name);
        if (c == null || c.dead || c.bridge == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Chan m : c.bridge.members) {
            if (m != c) {
                out.add(m.name);
            }
        }
        return out;
    }

    void enter(Bridge b, Chan c) {
        b.members.add(c);
        c.bridge = b;
        broadcast(bridgeEvent("BridgeEnter", b).addAll(channelSnapshot(c, "")));
    }

    void leave(Bridge b, Chan c) {
        b.members.remove(c);
        c.bridge = null;
        broadcast(bridgeEvent("BridgeLeave", b).addAll(channelSnapshot(c, "")));
    }

    void cancelTimers(Call call) {
        for (ScheduledFuture<?> t : call.timers) {
            t.cancel(false);
        }
        call.timers.clear();
    }

    void endCall(Call call) {
        call.ended = true;
        cancelTimers(call);
    }

    /** The agent bridged to / ringing for {@code extension} hangs up (like 05). Returns how many calls it ended. */
    int agentHangsUp(String extension) {
        return call(() -> {
            int n = 0;
            for (Chan c : new ArrayList<>(channels.values())) {
                Call call = c.call;
                Chan phoneEnd = call == null ? null : call.a2 != null ? call.a2 : call.a1;
                if (call != null && c == phoneEnd && !c.dead && extension.equals(call.exten)) {
                    hangups.agentHangsUp(call, 16);
                    n++;
                }
            }
            return n + queues.agentHangsUp(extension) + inbound.agentHangsUp(extension, false);
        });
    }

    /** The customer dialled as {@code number} hangs up now (like 05b). Returns how many calls it ended. */
    int customerHangsUp(String number) {
        return call(() -> {
            int n = 0;
            for (Chan c : new ArrayList<>(channels.values())) {
                Call call = c.call;
                if (call != null && c == call.c2 && !c.dead && c.name.startsWith("Local/" + number + "@")) {
                    hangups.farHangsUp(call, 16);
                    n++;
                }
            }
            return n + inbound.agentHangsUp(number, true);
        });
    }

    void add(Chan c) {
        channels.put(c.name, c);
        liveChannels = channels.size();
    }

    void newstate(Chan c, int state) {
        c.state = state;
        broadcast(channelEvent("Newstate", c));
    }

    void hangup(Chan c, int cause) {
        if (c.dead) {
            return;
        }
        spying.spyerHangingUp(c);
        spying.waitingSpyersStop(c);
        recording.channelGone(c);
        Bridge nonDial = c.bridge != null && c.bridge.kind != BridgeKind.DIAL ? c.bridge : null;
        if (nonDial != null) {
            if (nonDial.kind == BridgeKind.PARKING) {
                broadcast(new AmiFrame().add("Event", "ParkedCallGiveUp").add("Privilege", "call,all")
                        .add("Timestamp", timestamp()).addAll(channelSnapshot(c, "Parkee"))
                        .add("ParkerDialString", "").add("Parkinglot", "default").add("ParkingSpace", c.parked)
                        .add("ParkingTimeout", 45).add("ParkingDuration", seconds(c)));
            }
            leave(nonDial, c);
        }
        c.dead = true;
        if (c.bridge != null) {
            c.bridge.members.remove(c);
            c.bridge = null;
        }
        channels.remove(c.name);
        liveChannels = channels.size();
        broadcast(channelEvent("Hangup", c).add("Cause", cause).add("Cause-txt", causeText(cause)));
        if (nonDial != null) {
            if (nonDial.kind == BridgeKind.PARKING) {
                if (nonDial.members.isEmpty()) {
                    broadcast(bridgeEvent("BridgeDestroy", nonDial));
                    control.parkingLot = null;
                }
            } else {
                control.dissolve(nonDial);
            }
        }
        spying.spyeeHungUp(c);
    }

    String nextUniqueId() {
        return epoch + "." + (uniqueSeq++);
    }
}
