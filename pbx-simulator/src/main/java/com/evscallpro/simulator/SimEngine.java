package com.evscallpro.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Asterisk: channels, bridges, the simulated customers and agent phones, and the AMI action handlers.
 * Everything runs on one engine thread, so the state needs no locks and every client sees events in the same order;
 * the event sequences and header layouts follow the Asterisk 22.10 captures in {@code asterisk-transcripts/}.
 */
final class SimEngine {

    private final java.util.concurrent.atomic.AtomicLong pingsAnswered = new java.util.concurrent.atomic.AtomicLong();

    private static final Logger log = LoggerFactory.getLogger(SimEngine.class);

    static final String UNKNOWN = "<unknown>";
    static final int DOWN = 0;
    static final int RING = 4;
    static final int RINGING = 5;
    static final int UP = 6;
    static final int BUSY = 7;
    private static final long DEFAULT_ORIGINATE_TIMEOUT_MS = 30_000;
    /** Local channels into this context play a message ({@code Playback(${EVS_SOUND})}) and hang up. */
    static final String PLAYBACK_CONTEXT = "evs-playback";
    static final Duration PLAYBACK_TIME = Duration.ofSeconds(1);
    /** The feature code Asterisk's {@code Atxfer} action queues as DTMF before the extension (features.conf). */
    static final String ATXFER_FEATURE = "*2";
    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final SimulatorSettings settings;
    private final ScheduledExecutorService exec;
    private final long epoch = Instant.now().getEpochSecond();
    private final long bootNanos = System.nanoTime();
    private final Random random = new Random();

    // ---- engine-thread state ----
    private final List<SimConnection> connections = new ArrayList<>();
    private final Map<String, Chan> channels = new LinkedHashMap<>();
    private long uniqueSeq = 1;
    int localSeq = 1;
    private int parkingSeq = 701;
    private Bridge parkingLot;
    /** Calls whose ;1 runs ChanSpy (supervisors, played messages). */
    private final List<Call> spies = new ArrayList<>();
    private volatile int liveChannels;
    /** The simulated queues (09 / 09b). */
    private final SimQueues queues;

    SimEngine(SimulatorSettings settings) {
        this.settings = settings;
        this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pbx-sim-engine");
            t.setDaemon(true);
            return t;
        });
        this.queues = new SimQueues(this, settings);
    }

    // ------------------------------------------------------------------ model

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

    // ------------------------------------------------------------------ threading

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

    // ------------------------------------------------------------------ connections

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
            return null;
        });
    }

    long pingsAnswered() {
        return pingsAnswered.get();
    }

    int connectionCount() {
        return call(connections::size);
    }

    List<String> channelNames() {
        return call(() -> new ArrayList<>(channels.keySet()));
    }

    void broadcast(AmiFrame frame) {
        String wire = frame.toWire();
        for (SimConnection c : connections) {
            if (c.loggedIn && c.eventsOn && !c.isClosed() && c.passesFilters(wire)) {
                c.send(wire);
            }
        }
    }

    // ------------------------------------------------------------------ actions

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
                requestBadFormat(conn, "Action: NONE");
            }
            return;
        }
        if (!conn.loggedIn && !action.equals("login") && !action.equals("challenge") && !action.equals("logoff")) {
            conn.send(error(actionId, "Permission denied"));
            return;
        }
        try {
            switch (action) {
                case "login" -> login(conn, f, actionId);
                case "challenge" -> challenge(conn, f, actionId);
                case "logoff" -> {
                    conn.send(AmiFrame.response("Goodbye", actionId).add("Message", "Thanks for all the fish."));
                    conn.closeAfterFlush();
                }
                case "ping" -> {
                    pingsAnswered.incrementAndGet();
                    conn.send(AmiFrame.response("Success", actionId).add("Ping", "Pong")
                            .add("Timestamp", timestamp()));
                }
                case "events" -> {
                    String mask = f.value("EventMask");
                    conn.eventsOn = mask == null || !mask.equalsIgnoreCase("off");
                    conn.send(AmiFrame.response("Success", actionId).add("Events", conn.eventsOn ? "On" : "Off"));
                }
                case "filter" -> filter(conn, f, actionId);
                case "coresettings" -> conn.send(AmiFrame.response("Success", actionId)
                        .add("AMIversion", "11.0.0").add("AsteriskVersion", "22.10.1").add("SystemName", "")
                        .add("CoreMaxCalls", "0").add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "")
                        .add("CoreRunGroup", "").add("CoreMaxFilehandles", "0").add("CoreRealTimeEnabled", "No")
                        .add("CoreCDRenabled", "No").add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No"));
                case "command" -> command(conn, f, actionId);
                case "originate" -> originate(conn, f, actionId);
                case "hangup" -> hangupAction(conn, f, actionId);
                case "coreshowchannels" -> coreShowChannels(conn, actionId);
                case "status" -> status(conn, f, actionId);
                case "getvar" -> getvar(conn, f, actionId);
                case "redirect" -> redirect(conn, f, actionId);
                case "bridge" -> bridgeAction(conn, f, actionId);
                case "park" -> park(conn, f, actionId);
                case "atxfer" -> atxfer(conn, f, actionId);
                case "queuesummary" -> queues.summary(conn, f, actionId);
                case "queuestatus" -> queues.status(conn, f, actionId);
                case "queuepause" -> queues.pause(conn, f, actionId);
                default -> {
                    conn.send(error(actionId, "Invalid/unknown command: " + f.value("Action")
                            + ". Use Action: ListCommands to show available commands."));
                    requestBadFormat(conn, "Action: " + f.value("Action"));
                }
            }
        } catch (RuntimeException e) {
            log.warn("PBX simulator failed on action {}", action, e);
            conn.send(error(actionId, "Internal error"));
        }
    }

    static AmiFrame error(String actionId, String message) {
        return AmiFrame.response("Error", actionId).add("Message", message);
    }

    private void login(SimConnection conn, AmiFrame f, String actionId) {
        String user = f.value("Username");
        boolean ok = settings.username().equals(user);
        if (ok) {
            String authType = f.value("AuthType");
            if (authType != null && authType.equalsIgnoreCase("md5")) {
                String key = f.value("Key");
                ok = conn.challenge != null && key != null
                        && key.equalsIgnoreCase(md5Hex(conn.challenge + settings.secret()));
            } else {
                ok = settings.secret().equals(f.get("Secret"));
            }
        }
        if (!ok) {
            conn.authFailing = true;
            later(settings.loginFailureDelay(), () -> {
                conn.send(error(actionId, "Authentication failed"));
                conn.closeAfterFlush();
            });
            return;
        }
        conn.loggedIn = true;
        conn.username = user;
        String events = f.value("Events");
        conn.eventsOn = events == null || !events.equalsIgnoreCase("off");
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Authentication accepted"));
        long up = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - bootNanos);
        conn.send(new AmiFrame().add("Event", "FullyBooted").add("Privilege", "system,all")
                .add("Uptime", up).add("LastReload", up).add("Status", "Fully Booted"));
        broadcast(securityEvent("SuccessfulAuth", "Informational", conn)
                .add("AccountID", user).add("SessionID", sessionId(conn))
                .add("LocalAddress", local(conn)).add("RemoteAddress", remote(conn))
                .add("UsingPassword", "0").add("SessionTV", conn.sessionTv));
    }

    /**
     * {@code Action: Filter} (Asterisk 10+): {@code Operation: Add}, {@code Filter: <regex>} or {@code !<regex>}, for
     * this session only. The regex is POSIX extended in Asterisk; the POSIX classes ({@code [:space:]}...) are
     * translated, the rest is compiled as a Java regex. Applies to events only: responses and the items of list
     * actions are written to the session directly, as in Asterisk.
     */
    private void filter(SimConnection conn, AmiFrame f, String actionId) {
        String operation = f.value("Operation");
        String filter = f.get("Filter");
        if (operation == null || !operation.equalsIgnoreCase("add")) {
            conn.send(error(actionId, "Unknown operation"));
            return;
        }
        if (filter == null || filter.isEmpty()) {
            conn.send(error(actionId, "Filter did not compile.  Check the syntax of the filter given."));
            return;
        }
        boolean black = filter.startsWith("!");
        java.util.regex.Pattern p;
        try {
            p = java.util.regex.Pattern.compile(posixToJava(black ? filter.substring(1) : filter));
        } catch (java.util.regex.PatternSyntaxException e) {
            conn.send(error(actionId, "Filter did not compile.  Check the syntax of the filter given."));
            return;
        }
        (black ? conn.blackFilters : conn.whiteFilters).add(p);
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Success"));
    }

    private static String posixToJava(String regex) {
        return regex.replace("[:space:]", "\\p{Space}").replace("[:alpha:]", "\\p{Alpha}")
                .replace("[:digit:]", "\\p{Digit}").replace("[:alnum:]", "\\p{Alnum}")
                .replace("[:upper:]", "\\p{Upper}").replace("[:lower:]", "\\p{Lower}")
                .replace("[:punct:]", "\\p{Punct}");
    }

    private void challenge(SimConnection conn, AmiFrame f, String actionId) {
        String authType = f.value("AuthType");
        if (authType == null || !authType.equalsIgnoreCase("md5")) {
            conn.send(error(actionId, "Must specify AuthType"));
            return;
        }
        if (conn.challenge == null) {
            conn.challenge = Long.toString(100_000_000L + random.nextInt(900_000_000));
        }
        conn.send(AmiFrame.response("Success", actionId).add("Challenge", conn.challenge));
    }

    private void command(SimConnection conn, AmiFrame f, String actionId) {
        String cmd = f.value("Command");
        AmiFrame r = AmiFrame.response("Success", actionId).add("Message", "Command output follows");
        if (cmd != null && cmd.equalsIgnoreCase("core show version")) {
            r.add("Output", "Asterisk 22.10.1 built by evscallpro-pbx-simulator on a Java VM");
        } else if (cmd != null && cmd.equalsIgnoreCase("core show channels count")) {
            r.add("Output", liveChannels + " active channels");
        } else {
            r.add("Output", "No such command '" + cmd + "' (type 'core show help " + cmd
                    + "' for other possible commands)");
        }
        conn.send(r);
    }

    private void getvar(SimConnection conn, AmiFrame f, String actionId) {
        String variable = f.value("Variable");
        if (variable == null) {
            conn.send(error(actionId, "No variable specified"));
            return;
        }
        String channel = f.value("Channel");
        String value;
        if (channel != null) {
            Chan c = channels.get(channel);
            if (c == null) {
                conn.send(error(actionId, "No such channel"));
                return;
            }
            value = variable.equalsIgnoreCase("CHANNEL") ? c.name : c.vars.getOrDefault(variable, "");
        } else {
            value = variable.equalsIgnoreCase("VERSION()") ? "22.10.1" : "";
        }
        conn.send(AmiFrame.response("Success", actionId).add("Variable", variable).add("Value", value));
    }

    private AmiFrame securityEvent(String name, String severity, SimConnection conn) {
        Instant now = Instant.now();
        return new AmiFrame().add("Event", name).add("Privilege", "security,all").add("Timestamp", timestamp(now))
                .add("EventTV", EVENT_TV.format(now)).add("Severity", severity).add("Service", "AMI")
                .add("EventVersion", "1");
    }

    private void requestBadFormat(SimConnection conn, String requestType) {
        broadcast(securityEvent("RequestBadFormat", "Error", conn).add("SessionID", sessionId(conn))
                .add("LocalAddress", local(conn)).add("RemoteAddress", remote(conn))
                .add("RequestType", requestType).add("SessionTV", conn.sessionTv)
                .add("AccountID", conn.username == null ? settings.username() : conn.username));
    }

    private static String sessionId(SimConnection conn) {
        return "0x" + Long.toHexString(conn.sessionId);
    }

    private static String local(SimConnection conn) {
        return "IPV4/TCP/" + conn.socket.getLocalAddress().getHostAddress() + "/" + conn.socket.getLocalPort();
    }

    private static String remote(SimConnection conn) {
        return "IPV4/TCP/" + conn.socket.getInetAddress().getHostAddress() + "/" + conn.socket.getPort();
    }

    // ------------------------------------------------------------------ originate

    private void originate(SimConnection conn, AmiFrame f, String actionId) {
        String dial = f.value("Channel");
        if (dial == null) {
            conn.send(error(actionId, "Channel not specified"));
            return;
        }
        String exten = f.value("Exten");
        String context = f.value("Context");
        String priority = f.value("Priority");
        String application = f.value("Application");
        if (application == null && (exten == null || context == null || priority == null)) {
            conn.send(error(actionId, "Originate with 'Exten' requires 'Context' and 'Priority'"));
            return;
        }
        String timeoutText = f.value("Timeout");
        long timeoutMs = DEFAULT_ORIGINATE_TIMEOUT_MS;
        if (timeoutText != null) {
            try {
                timeoutMs = Long.parseLong(timeoutText);
            } catch (NumberFormatException e) {
                conn.send(error(actionId, "Invalid timeout"));
                return;
            }
        }
        boolean async = isTrue(f.value("Async"));

        Call call = new Call();
        call.actionId = actionId;
        call.dialString = dial;
        call.context = context;
        call.exten = exten;
        call.application = application;
        call.data = application == null ? null : (f.get("Data") == null ? "" : f.get("Data"));
        call.async = async;
        call.origin = conn;
        if (priority != null) {
            try {
                call.priority = Integer.parseInt(priority);
            } catch (NumberFormatException e) {
                call.priority = 1;
            }
        }
        String[] cid = parseCallerId(f.value("CallerID"));

        // Local/<exten>@<context>[/options]
        String localExten = null;
        String localContext = null;
        if (dial.regionMatches(true, 0, "Local/", 0, 6)) {
            String rest = dial.substring(6);
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                rest = rest.substring(0, slash);
            }
            int at = rest.indexOf('@');
            if (at > 0 && at < rest.length() - 1) {
                localExten = rest.substring(0, at);
                localContext = rest.substring(at + 1);
            }
        }
        if (async) {
            conn.send(AmiFrame.response("Success", actionId).add("Message", "Originate successfully queued"));
        }
        if (localExten == null) {
            // unknown technology: no channel at all (04c)
            finishOriginate(call, false, 0, cid);
            return;
        }

        String seq = String.format(Locale.ROOT, "%08x", localSeq++);
        String base = "Local/" + localExten + "@" + localContext + "-" + seq;
        String id1 = f.value("ChannelId");
        String id2 = f.value("OtherChannelId");
        if (id1 == null) {
            id1 = nextUniqueId();
        }
        if (id2 == null) {
            id2 = f.value("ChannelId") != null ? id1 + ";2" : nextUniqueId();
        }
        if (uniqueIdInUse(id1) || uniqueIdInUse(id2)) {
            // Asterisk refuses to allocate a channel whose Uniqueid is in use: the async originate fails, reason 0
            finishOriginate(call, false, 0, cid);
            return;
        }
        Chan c1 = new Chan(base + ";1", id1, id1, DOWN, localContext, localExten);
        Chan c2 = new Chan(base + ";2", id2, id1, RING, localContext, localExten);
        c1.app = "AppDial2";
        c1.appData = "(Outgoing Line)";
        c1.call = call;
        c2.call = call;
        call.c1 = c1;
        call.c2 = c2;
        if (!settings.dialplan().exists(localContext, localExten, settings)) {
            noSuchExtension(call, cid); // 04c
            return;
        }
        call.far = settings.agentContext().equals(localContext) ? Far.AGENT_PHONE : Far.CUSTOMER;
        if (PLAYBACK_CONTEXT.equals(localContext)) {
            call.behaviour = CustomerBehaviour.answer(Duration.ZERO, PLAYBACK_TIME);
        } else {
            call.behaviour = call.far == Far.CUSTOMER
                    ? settings.customers().behaviourFor(localExten)
                    : CustomerBehaviour.answerAndStay(settings.agentAnswerDelay());
        }
        add(c1);
        add(c2);
        broadcast(channelEvent("Newchannel", c1));
        broadcast(channelEvent("Newchannel", c2));
        for (String v : f.getAll("Variable")) {
            for (String pair : v.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    c1.vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                    c2.vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                }
            }
        }
        if (cid[0] != null || cid[1] != null) {
            for (Chan c : List.of(c1, c2)) {
                c.cidNum = cid[1] == null ? UNKNOWN : cid[1];
                c.cidName = cid[0] == null ? UNKNOWN : cid[0];
                c.colNum = c.cidNum;
                c.colName = c.cidName;
            }
        }
        c2.app = "NoOp";
        broadcast(localBridge(c1, c2));
        broadcast(dialEvent("DialBegin", null, c1).add("DialString", localExten + "@" + localContext));

        if (queues.originated(call)) {
            return; // a queue context: answers and runs Queue() (09)
        }
        CustomerBehaviour b = call.behaviour;
        Duration timeout = Duration.ofMillis(timeoutMs);
        switch (b.kind()) {
            case ANSWER, ANSWERING_MACHINE -> {
                if (b.ring().compareTo(timeout) >= 0) {
                    ringing(call);
                    later(call, timeout, () -> noAnswer(call));
                } else if (b.ring().isZero()) {
                    later(call, Duration.ofMillis(1), () -> answer(call));
                } else {
                    ringing(call);
                    later(call, b.ring(), () -> answer(call));
                }
            }
            case NO_ANSWER -> {
                ringing(call);
                later(call, timeout, () -> noAnswer(call));
            }
            case BUSY, CONGESTION, FAILED -> {
                Runnable fail = () -> {
                    switch (b.kind()) {
                        case BUSY -> busyOrCongestion(call, BUSY, "BUSY", 5, 17);
                        case CONGESTION -> busyOrCongestion(call, BUSY, "CONGESTION", 8, 34);
                        default -> unallocated(call);
                    }
                };
                if (b.ring().isZero()) {
                    later(call, Duration.ofMillis(1), fail);
                } else if (b.ring().compareTo(timeout) >= 0) {
                    ringing(call);
                    later(call, timeout, () -> noAnswer(call));
                } else {
                    ringing(call);
                    later(call, b.ring(), fail);
                }
            }
        }
    }

    /**
     * {@code Local/<exten>@<context>} with no such extension or context (04c): the pair is created and destroyed at
     * once (Hangup cause 0 on both, no Dial events), the async originate fails with Reason 0; a synchronous one gets
     * {@code Response: Error} before the channel events.
     */
    private void noSuchExtension(Call call, String[] cid) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        if (!call.async) {
            finishOriginate(call, false, 0, cid);
        }
        add(c1);
        add(c2);
        broadcast(channelEvent("Newchannel", c1));
        broadcast(channelEvent("Newchannel", c2));
        if (cid[0] != null || cid[1] != null) {
            for (Chan c : List.of(c1, c2)) {
                c.cidNum = cid[1] == null ? UNKNOWN : cid[1];
                c.cidName = cid[0] == null ? UNKNOWN : cid[0];
                c.colNum = c.cidNum;
                c.colName = c.cidName;
            }
        }
        hangup(c2, 0);
        finishOriginate(call, false, 0, cid);
        hangup(c1, 0);
        endCall(call);
    }

    private boolean uniqueIdInUse(String id) {
        for (Chan c : channels.values()) {
            if (c.uniqueid.equals(id)) {
                return true;
            }
        }
        return false;
    }

    private void ringing(Call call) {
        newstate(call.c1, RINGING);
        broadcast(dialEvent("DialState", null, call.c1).add("DialStatus", "RINGING"));
    }

    /** The far end answers (01). */
    private void answer(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        call.answered = true;
        c2.priority = 2;
        c2.app = "Answer";
        newstate(c2, UP);
        newstate(c1, UP);
        broadcast(dialEvent("DialEnd", null, c1).add("DialStatus", "ANSWER"));
        c2.app = "Wait";
        boolean connectAgent = call.application == null && settings.connectContexts().contains(call.context);
        if (call.application != null) {
            c1.app = call.application;
            c1.appData = call.data;
        } else {
            c1.context = call.context;
            c1.exten = call.exten;
            c1.priority = connectAgent ? 2 : parsePriority(call);
            c1.app = connectAgent ? "Dial" : "NoOp";
            c1.appData = connectAgent ? "Local/" + call.exten + "@" + settings.agentContext() + ",20" : "";
        }
        finishOriginate(call, true, 4, null);
        if (connectAgent) {
            dialAgent(call);
        } else if ("ChanSpy".equalsIgnoreCase(call.application)) {
            later(call, Duration.ofMillis(100), () -> startSpy(call));
        } else if ("Queue".equalsIgnoreCase(call.application)) {
            queues.applicationQueue(call);
        } else if (call.far == Far.CUSTOMER) {
            pressDigits(call, c1);
        }
        Duration talk = call.behaviour.talk();
        if (call.far == Far.CUSTOMER && talk != null) {
            later(call, talk, () -> farHangsUp(call, 16));
        }
    }

    private static int parsePriority(Call call) {
        return call.priority;
    }

    private void pressDigits(Call call, Chan on) {
        String digits = call.behaviour.dtmf();
        for (int i = 0; i < digits.length(); i++) {
            String digit = String.valueOf(digits.charAt(i));
            later(call, Duration.ofMillis(200L + 150L * i), () -> {
                if (!on.dead) {
                    broadcast(channelEvent("DTMFBegin", on).add("Digit", digit).add("Direction", "Received"));
                    broadcast(channelEvent("DTMFEnd", on).add("Digit", digit).add("DurationMs", "100")
                            .add("Direction", "Received"));
                }
            });
        }
    }

    /** Ringing until the originate Timeout (03). */
    private void noAnswer(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        c2.priority = 3;
        broadcast(channelEvent("HangupRequest", c2).add("Cause", 19));
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        hangup(c2, 19);
        finishOriginate(call, false, 3, null);
        hangup(c1, 19);
        endCall(call);
    }

    /** Busy (02) or congestion (04a). */
    private void busyOrCongestion(Call call, int state, String dialStatus, int reason, int cause) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        c2.priority = 2;
        c2.app = dialStatus.equals("BUSY") ? "Busy" : "Congestion";
        newstate(c2, state);
        broadcast(dialEvent("DialEnd", null, c1).add("DialStatus", dialStatus));
        broadcast(channelEvent("HangupRequest", c2).add("Cause", 0));
        if (reason == 5) {
            finishOriginate(call, false, reason, null);
            hangup(c1, 0);
        } else {
            hangup(c1, 0);
            finishOriginate(call, false, reason, null);
        }
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        hangup(c2, cause);
        endCall(call);
    }

    /** Hangup(1) before answer (04b). */
    private void unallocated(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        c2.priority = 2;
        c2.app = "Hangup";
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        broadcast(channelEvent("HangupRequest", c1).add("Cause", 1));
        finishOriginate(call, false, 0, null);
        hangup(c2, 1);
        broadcast(dialEvent("DialEnd", null, c1).add("DialStatus", "NOANSWER"));
        hangup(c1, 1);
        endCall(call);
    }

    void finishOriginate(Call call, boolean success, int reason, String[] cidIfNoChannel) {
        if (call.originateAnswered || !call.async && call.origin == null) {
            return;
        }
        call.originateAnswered = true;
        if (!call.async) {
            // a synchronous originate answers with the Response only
            call.origin.send(success
                    ? AmiFrame.response("Success", call.actionId).add("Message", "Originate successfully queued")
                    : error(call.actionId, "Originate failed"));
            return;
        }
        AmiFrame f = new AmiFrame().add("Event", "OriginateResponse").add("Privilege", "call,all")
                .add("Timestamp", timestamp());
        if (call.actionId != null) {
            f.add("ActionID", call.actionId);
        }
        f.add("Response", success ? "Success" : "Failure");
        f.add("Channel", success ? call.c1.name : call.dialString);
        if (call.application != null) {
            f.add("Application", call.application).add("Data", call.data);
        } else {
            f.add("Context", call.context).add("Exten", call.exten);
        }
        f.add("Reason", reason);
        f.add("Uniqueid", success ? call.c1.uniqueid : UNKNOWN);
        String num;
        String name;
        if (call.c1 != null) {
            num = call.c1.cidNum;
            name = call.c1.cidName;
        } else {
            num = cidIfNoChannel == null || cidIfNoChannel[1] == null ? UNKNOWN : cidIfNoChannel[1];
            name = cidIfNoChannel == null || cidIfNoChannel[0] == null ? UNKNOWN : cidIfNoChannel[0];
        }
        f.add("CallerIDNum", num).add("CallerIDName", name);
        broadcast(f);
    }

    // ------------------------------------------------------------------ agent leg (05 / 05b)

    /**
     * The Local pair a {@code Dial(Local/<exten>@<context>)} creates (05, 09, Atxfer): {@code ;1} Down running
     * AppDial, {@code ;2} Ringing in the dialplan, both in the call's Linkedid. Not yet added nor announced.
     */
    Chan[] dialledLocalPair(Call call, String exten, String context, String linkedid) {
        String base = "Local/" + exten + "@" + context + "-" + String.format(Locale.ROOT, "%08x", localSeq++);
        Chan one = new Chan(base + ";1", nextUniqueId(), linkedid, DOWN, context, exten);
        Chan two = new Chan(base + ";2", nextUniqueId(), linkedid, RING, context, exten);
        one.call = call;
        two.call = call;
        one.app = "AppDial";
        one.appData = "(Outgoing Line)";
        two.app = "NoOp";
        return new Chan[] {one, two};
    }

    private void dialAgent(Call call) {
        Chan c1 = call.c1;
        String ext = call.exten;
        String ctx = settings.agentContext();
        Chan[] pair = dialledLocalPair(call, ext, ctx, c1.linkedid);
        Chan a1 = pair[0];
        Chan a2 = pair[1];
        call.a1 = a1;
        call.a2 = a2;
        add(a1);
        add(a2);
        broadcast(channelEvent("Newchannel", a1));
        broadcast(channelEvent("Newchannel", a2));
        a1.cidNum = ext;
        a1.cidName = c1.cidName;
        a1.colNum = c1.cidNum;
        a1.colName = c1.cidName;
        a2.cidNum = c1.cidNum;
        a2.cidName = c1.cidName;
        a2.colNum = ext;
        a2.colName = c1.cidName;
        a1.vars.putAll(c1.vars);
        a2.vars.putAll(c1.vars);
        broadcast(localBridge(a1, a2));
        broadcast(dialEvent("DialBegin", c1, a1).add("DialString", ext + "@" + ctx));
        later(call, settings.agentAnswerDelay(), () -> agentAnswers(call));
    }

    private void agentAnswers(Call call) {
        Chan c1 = call.c1;
        Chan a1 = call.a1;
        Chan a2 = call.a2;
        call.agentAnswered = true;
        a2.priority = 2;
        a2.app = "Answer";
        newstate(a2, UP);
        newstate(a1, UP);
        a1.exten = "";
        broadcast(dialEvent("DialEnd", c1, a1).add("DialStatus", "ANSWER"));
        Bridge b = new Bridge();
        call.bridge = b;
        broadcast(bridgeEvent("BridgeCreate", b));
        enter(b, a1);
        enter(b, c1);
        a2.priority = 3;
        a2.app = "Wait";
        if (call.c2.priority < 3) {
            call.c2.priority = 3;
        }
        pressDigits(call, c1);
        if (settings.agentHangupAfter() != null) {
            later(call, settings.agentHangupAfter(), () -> agentHangsUp(call, 16));
        }
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

    // ------------------------------------------------------------------ hangups

    /** The far end (customer or agent phone behind ;2 of the originated pair) hangs up, e.g. Hangup() in dialplan. */
    private void farHangsUp(Call call, int cause) {
        if (queues.farHangsUp(call, cause)) {
            return;
        }
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        if (c1.dead && c2.dead) {
            return;
        }
        c2.priority = 4;
        c2.app = "Hangup";
        if (!call.answered) {
            cancelTimers(call);
            broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
            broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
            finishOriginate(call, false, 1, null);
            hangup(c2, cause);
            hangup(c1, cause);
            endCall(call);
            return;
        }
        if (call.bridge != null) {
            // 05b run1
            Bridge b = call.bridge;
            Chan a1 = call.a1;
            Chan a2 = call.a2;
            broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
            broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
            hangup(c2, cause);
            leave(b, c1);
            leave(b, a1);
            a2.priority = 3;
            broadcast(channelEvent("HangupRequest", a2).add("Cause", 16));
            hangup(a1, 16);
            broadcast(channelEvent("SoftHangupRequest", a2).add("Cause", 16));
            hangup(a2, 16);
            broadcast(channelEvent("SoftHangupRequest", c1).add("Cause", 16));
            hangup(c1, cause);
            broadcast(bridgeEvent("BridgeDestroy", b));
            call.bridge = null;
            endCall(call);
            return;
        }
        if ("ChanSpy".equalsIgnoreCase(call.application) && settings.dialplan().noMedia() && call.spyee != null) {
            // 07x: with no media ChanSpy does not notice; ChanSpyStop and the ;1 wait for the spyee's hangup
            broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
            broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
            hangup(c2, cause);
            call.spyerWaitsForSpyee = true;
            return;
        }
        if ("ChanSpy".equalsIgnoreCase(call.application)) {
            // 07: the spyer's far end hangs up; ChanSpy notices, ChanSpyStop, then the ;1
            broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
            broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
            hangup(c2, cause);
            hangup(c1, cause);
            endCall(call);
            return;
        }
        // 01
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        broadcast(channelEvent("HangupRequest", c1).add("Cause", cause));
        if (call.a1 != null && !call.a1.dead) {
            cancelAgentDial(call);
        }
        hangup(c1, cause);
        hangup(c2, cause);
        endCall(call);
    }

    /** The agent hangs up (05 run1): its ;2 runs Hangup(), the customer's dialplan then ends too. */
    private void agentHangsUp(Call call, int cause) {
        Chan a1 = call.a1;
        Chan a2 = call.a2;
        if (a1 == null || a1.dead) {
            return;
        }
        if (call.xfer != null) {
            completeAttendedTransfer(call);
            return;
        }
        a2.priority = 4;
        a2.app = "Hangup";
        broadcast(channelEvent("SoftHangupRequest", a2).add("Cause", 16));
        broadcast(channelEvent("HangupRequest", a1).add("Cause", cause));
        hangup(a2, cause);
        Bridge b = call.bridge;
        if (b != null) {
            leave(b, a1);
        }
        hangup(a1, cause);
        if (b != null) {
            leave(b, call.c1);
            broadcast(bridgeEvent("BridgeDestroy", b));
            call.bridge = null;
        } else if (!call.agentAnswered) {
            broadcast(dialEvent("DialEnd", call.c1, a1).add("DialStatus", "NOANSWER"));
        }
        customerDialplanEnds(call);
    }

    /** The customer ;1 finished its dialplan after Dial() returned (05 run1 tail). */
    private void customerDialplanEnds(Call call) {
        Chan c1 = call.c1;
        Chan c2 = call.c2;
        c1.app = "Hangup";
        broadcast(channelEvent("SoftHangupRequest", c1).add("Cause", 16));
        broadcast(channelEvent("HangupRequest", c2).add("Cause", 16));
        hangup(c1, 16);
        broadcast(channelEvent("SoftHangupRequest", c2).add("Cause", 16));
        hangup(c2, 16);
        endCall(call);
    }

    private void cancelAgentDial(Call call) {
        broadcast(dialEvent("DialEnd", call.c1, call.a1).add("DialStatus", "CANCEL"));
        hangupPair(call.a1, call.a2, 16);
    }

    /** A Local pair torn down from its ;1 side (06, Hangup action on an unbridged ;1). */
    private void hangupPair(Chan one, Chan two, int cause) {
        if (!two.dead) {
            broadcast(channelEvent("HangupRequest", two).add("Cause", cause));
        }
        if (!one.dead) {
            hangup(one, cause);
        }
        if (!two.dead) {
            broadcast(channelEvent("SoftHangupRequest", two).add("Cause", 16));
            hangup(two, cause);
        }
    }

    private void hangupAction(SimConnection conn, AmiFrame f, String actionId) {
        Chan c = liveChannelOrError(conn, f, actionId, "No channel specified", name -> "No such channel");
        if (c == null) {
            return;
        }
        int cause = 16;
        String causeText = f.value("Cause");
        if (causeText != null) {
            try {
                cause = Integer.parseInt(causeText);
            } catch (NumberFormatException ignored) {
                // Asterisk ignores a bad cause too
            }
            if (cause <= 0) {
                cause = 16;
            }
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Channel Hungup"));
        if (queues.hangupAction(c, cause)) {
            return;
        }
        Call call = c.call;
        if (call == null) {
            hangup(c, cause);
            return;
        }
        if (call.xfer != null && (c == call.xfer.transferer || c == call.xfer.transfererFar)) {
            completeAttendedTransfer(call);
        } else if (c == call.c2) {
            farHangsUp(call, cause);
        } else if (c == call.a2) {
            agentHangsUp(call, cause);
        } else if (c != call.c1 && c != call.a1) {
            // a channel that is not one of the call's own four (a transfer target): its pair ends
            hangupPair(c, partner(c), cause);
        } else if (c == call.a1) {
            Bridge b = call.bridge;
            if (b != null) {
                leave(b, call.a1);
                leave(b, call.c1);
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
            } else if (!call.agentAnswered) {
                broadcast(dialEvent("DialEnd", call.c1, call.a1).add("DialStatus", "NOANSWER"));
            }
            hangupPair(call.a1, call.a2, cause);
            customerDialplanEnds(call);
        } else {
            // the originated ;1
            cancelTimers(call);
            if (!call.answered) {
                broadcast(channelEvent("HangupRequest", call.c2).add("Cause", cause));
                finishOriginate(call, false, 1, null);
                hangup(call.c1, cause);
                broadcast(channelEvent("SoftHangupRequest", call.c2).add("Cause", 16));
                hangup(call.c2, cause);
                endCall(call);
                return;
            }
            Bridge b = call.bridge;
            if (b != null) {
                leave(b, call.c1);
                leave(b, call.a1);
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
                hangupPair(call.a1, call.a2, 16);
            } else if (call.a1 != null && !call.a1.dead) {
                cancelAgentDial(call);
            }
            hangupPair(call.c1, call.c2, cause);
            endCall(call);
        }
    }

    /**
     * The live channel named by the action's {@code Channel} header, or null after answering the error Asterisk gives
     * for Redirect and Park ({@code Channel not specified} / {@code Channel does not exist: <name>}).
     */
    private Chan liveChannelOrError(SimConnection conn, AmiFrame f, String actionId) {
        return liveChannelOrError(conn, f, actionId, "Channel not specified", name -> "Channel does not exist: " + name);
    }

    /** The same with the action's own error texts (each Asterisk action words them its way). */
    private Chan liveChannelOrError(SimConnection conn, AmiFrame f, String actionId, String missing,
                                    java.util.function.Function<String, String> unknown) {
        String name = f.value("Channel");
        if (name == null) {
            conn.send(error(actionId, missing));
            return null;
        }
        Chan c = channels.get(name);
        if (c == null || c.dead) {
            conn.send(error(actionId, unknown.apply(name)));
            return null;
        }
        return c;
    }

    /**
     * Redirect of a channel to Context/Exten/Priority (06): the first Newexten in the new place still carries the old
     * Application/AppData (the quirk of 06), a bridged channel leaves its bridge, the agent pair left alone is hung
     * up, and the channel goes on in the new place (dialling the agent extension again when the new context is a
     * connect context; otherwise it stays there until hung up).
     */
    private void redirect(SimConnection conn, AmiFrame f, String actionId) {
        Chan c = liveChannelOrError(conn, f, actionId);
        if (c == null) {
            return;
        }
        String context = f.value("Context");
        String exten = f.value("Exten");
        if (context == null || exten == null) {
            conn.send(error(actionId, "Redirect requires Context and Exten"));
            return;
        }
        int priority = 1;
        try {
            priority = f.value("Priority") == null ? 1 : Integer.parseInt(f.value("Priority"));
        } catch (NumberFormatException e) {
            conn.send(error(actionId, "Invalid priority"));
            return;
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Redirect successful"));
        c.context = context;
        c.exten = exten;
        c.priority = priority;
        broadcast(newexten(c)); // 06: new place, old Application/AppData
        Call call = c.call;
        if (c.parkingSpaceOf() != null) {
            unpark(c);
        }
        pull(c);
        if (call != null && c == call.c1 && call.a1 != null && !call.a1.dead && call.bridge == null
                && call.xfer == null) {
            cancelAgentDial(call);
        }
        c.app = "NoOp";
        c.appData = "";
        if (call != null && c == call.c1) {
            call.agentAnswered = false;
            if (settings.connectContexts().contains(context)) {
                call.exten = exten;
                c.priority = priority + 1;
                c.app = "Dial";
                c.appData = "Local/" + exten + "@" + settings.agentContext() + ",20";
                broadcast(newexten(c));
                dialAgent(call);
            }
        }
    }

    private AmiFrame newexten(Chan c) {
        return new AmiFrame().add("Event", "Newexten").add("Privilege", "dialplan,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(c, "")).add("Extension", c.exten).add("Application", c.app)
                .add("AppData", c.appData);
    }

    /**
     * {@code x} leaves the bridge it is in, and what that means for the others: out of a Dial() bridge the customer
     * ;1 leaving hangs up the agent pair (06), the agent ;1 leaving ends the customer's dialplan (its Dial returned);
     * out of a Bridge-action bridge the channel left alone goes on after the bridge and ends.
     */
    private void pull(Chan x) {
        Bridge b = x.bridge;
        if (b == null) {
            return;
        }
        Call call = x.call;
        if (b.kind == BridgeKind.DIAL && call != null && call.bridge == b && (x == call.c1 || x == call.a1)) {
            Chan a1 = call.a1;
            Chan a2 = call.a2;
            if (x == call.c1) {
                leave(b, call.c1);
                leave(b, a1);
                broadcast(channelEvent("HangupRequest", a2).add("Cause", 16));
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
                hangup(a1, 16);
                broadcast(channelEvent("SoftHangupRequest", a2).add("Cause", 16));
                hangup(a2, 16);
            } else {
                leave(b, a1);
                leave(b, call.c1);
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
                Chan c1 = call.c1;
                Chan c2 = call.c2;
                later(Duration.ofMillis(1), () -> {
                    if (!c1.dead && c1.bridge == null) {
                        c1.app = "Hangup";
                        broadcast(channelEvent("SoftHangupRequest", c1).add("Cause", 16));
                        hangupPair(c1, c2, 16);
                    }
                });
            }
            return;
        }
        if (b.kind == BridgeKind.PARKING) {
            leave(b, x);
            if (b.members.isEmpty()) {
                broadcast(bridgeEvent("BridgeDestroy", b));
                parkingLot = null;
            }
            return;
        }
        leave(b, x);
        if (call != null && call.bridge == b) {
            call.bridge = null;
        }
        dissolve(b);
    }

    /** A Bridge-action bridge lost a member: the others leave, it is destroyed, and they end after it. */
    private void dissolve(Bridge b) {
        List<Chan> rest = new ArrayList<>(b.members);
        for (Chan y : rest) {
            leave(b, y);
        }
        broadcast(bridgeEvent("BridgeDestroy", b));
        for (Chan y : rest) {
            if (y.call != null && y.call.bridge == b) {
                y.call.bridge = null;
            }
            later(Duration.ofMillis(1), () -> {
                if (!y.dead && y.bridge == null) {
                    y.app = "Hangup";
                    broadcast(channelEvent("SoftHangupRequest", y).add("Cause", 16));
                    hangupPair(y, partner(y), 16);
                    if (y.call != null && (y == y.call.c1 || y == y.call.c2)) {
                        endCall(y.call);
                    }
                }
            });
        }
    }

    /** The other half of a Local pair (;1 ↔ ;2), or the channel itself when there is none. */
    private Chan partner(Chan c) {
        String other = c.name.endsWith(";1") ? c.name.substring(0, c.name.length() - 1) + "2"
                : c.name.endsWith(";2") ? c.name.substring(0, c.name.length() - 1) + "1" : null;
        Chan p = other == null ? null : channels.get(other);
        return p == null ? c : p;
    }

    /** AMI Bridge: both channels leave what they are in and meet in a new basic bridge. */
    private void bridgeAction(SimConnection conn, AmiFrame f, String actionId) {
        String one = f.value("Channel1");
        String two = f.value("Channel2");
        if (one == null || two == null) {
            conn.send(error(actionId, "Missing channel parameter in request"));
            return;
        }
        Chan a = channels.get(one);
        if (a == null || a.dead) {
            conn.send(error(actionId, "Channel1 does not exist: " + one));
            return;
        }
        Chan b = channels.get(two);
        if (b == null || b.dead) {
            conn.send(error(actionId, "Channel2 does not exist: " + two));
            return;
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Channels have been bridged"));
        if (a.bridge != null && a.bridge == b.bridge) {
            return;
        }
        for (Chan x : List.of(a, b)) {
            if (x.parkingSpaceOf() != null) {
                unpark(x);
            }
            pull(x);
        }
        if (a.dead || b.dead) {
            return;
        }
        Bridge nb = new Bridge(BridgeKind.AMI);
        broadcast(bridgeEvent("BridgeCreate", nb));
        enter(nb, a);
        enter(nb, b);
        for (Chan x : List.of(a, b)) {
            x.app = "Bridge";
            x.appData = "";
        }
    }

    /**
     * AMI Park: the channel leaves its bridge (the partner left alone is treated as in a Redirect) and waits in the
     * parking lot's holding bridge; {@code ParkedCall} says where. No parking timeout is simulated.
     */
    private void park(SimConnection conn, AmiFrame f, String actionId) {
        Chan c = liveChannelOrError(conn, f, actionId);
        if (c == null) {
            return;
        }
        if (c.parkingSpaceOf() != null) {
            conn.send(error(actionId, "Channel is already parked"));
            return;
        }
        String timeoutText = f.value("Timeout");
        long timeoutSec = 45;
        if (timeoutText != null) {
            try {
                timeoutSec = Math.max(0, Long.parseLong(timeoutText) / 1000);
            } catch (NumberFormatException e) {
                conn.send(error(actionId, "Invalid timeout value"));
                return;
            }
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Park successful"));
        pull(c);
        if (c.dead) {
            return;
        }
        if (parkingLot == null) {
            parkingLot = new Bridge(BridgeKind.PARKING);
            broadcast(bridgeEvent("BridgeCreate", parkingLot));
        }
        String space = Integer.toString(parkingSeq++);
        c.parked = space;
        c.app = "Park";
        c.appData = "";
        enter(parkingLot, c);
        String parker = c.call != null && c.call.a1 != null ? "Local/" + c.call.exten + "@" + settings.agentContext()
                : "";
        broadcast(new AmiFrame().add("Event", "ParkedCall").add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(c, "Parkee")).add("ParkerDialString", parker).add("Parkinglot", "default")
                .add("ParkingSpace", space).add("ParkingTimeout", timeoutSec).add("ParkingDuration", 0));
    }

    /** A parked channel leaves the lot because it is taken elsewhere (Bridge, Redirect). */
    private void unpark(Chan c) {
        c.parked = null;
    }

    /**
     * AMI Atxfer: Asterisk queues the {@code atxfer} feature code and the extension as DTMF on the channel (DTMFEnd
     * events); the transferer leaves the call's bridge (the other party is put on hold), the target is dialled from
     * {@code Context} and bridged with the transferer; when the transferer hangs up the target joins the waiting
     * party (AttendedTransfer, Result Success).
     */
    private void atxfer(SimConnection conn, AmiFrame f, String actionId) {
        String name = f.value("Channel");
        if (name == null) {
            conn.send(error(actionId, "No channel specified"));
            return;
        }
        String exten = f.value("Exten");
        if (exten == null) {
            conn.send(error(actionId, "No extension specified"));
            return;
        }
        Chan x = channels.get(name);
        if (x == null || x.dead) {
            conn.send(error(actionId, "Channel specified does not exist"));
            return;
        }
        String context = f.value("Context") == null ? x.context : f.value("Context");
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Atxfer successfully queued"));
        String digits = ATXFER_FEATURE + exten;
        for (int i = 0; i < digits.length(); i++) {
            broadcast(channelEvent("DTMFEnd", x).add("Digit", digits.charAt(i)).add("DurationMs", "0")
                    .add("Direction", "Received"));
        }
        Call call = x.call;
        if (call == null || x != call.a1 || call.bridge == null || call.xfer != null) {
            return; // not a bridged agent: the digits go nowhere
        }
        Transfer t = new Transfer();
        t.transferer = call.a1;
        t.transfererFar = call.a2;
        t.original = call.bridge;
        t.exten = exten;
        call.xfer = t;
        leave(t.original, x);
        broadcast(channelEvent("Hold", call.c1).add("MusicClass", "default"));
        Chan[] pair = dialledLocalPair(call, exten, context, x.linkedid);
        Chan t1 = pair[0];
        Chan t2 = pair[1];
        t1.cidNum = exten;
        t1.cidName = x.cidName;
        t1.colNum = x.cidNum;
        t1.colName = x.cidName;
        t2.cidNum = x.cidNum;
        t2.cidName = x.cidName;
        t2.colNum = exten;
        t2.colName = x.cidName;
        t.target = t1;
        t.targetFar = t2;
        add(t1);
        add(t2);
        broadcast(channelEvent("Newchannel", t1));
        broadcast(channelEvent("Newchannel", t2));
        broadcast(localBridge(t1, t2));
        broadcast(dialEvent("DialBegin", x, t1).add("DialString", exten + "@" + context));
        later(call, settings.agentAnswerDelay(), () -> {
            if (call.xfer != t || t1.dead) {
                return;
            }
            t2.priority = 2;
            t2.app = "Answer";
            newstate(t2, UP);
            newstate(t1, UP);
            broadcast(dialEvent("DialEnd", x, t1).add("DialStatus", "ANSWER"));
            Bridge consult = new Bridge();
            t.consult = consult;
            broadcast(bridgeEvent("BridgeCreate", consult));
            enter(consult, t1);
            enter(consult, x);
            t2.app = "Wait";
        });
    }

    /** The transferer hung up during an attended transfer: the target takes its place (or the dial is cancelled). */
    private void completeAttendedTransfer(Call call) {
        Transfer t = call.xfer;
        call.xfer = null;
        Chan x = t.transferer;
        Chan xFar = t.transfererFar;
        broadcast(channelEvent("SoftHangupRequest", xFar).add("Cause", 16));
        broadcast(channelEvent("HangupRequest", x).add("Cause", 16));
        hangup(xFar, 16);
        if (t.consult == null) {
            // the target never answered: it is cancelled, the waiting party comes back from hold alone
            broadcast(dialEvent("DialEnd", x, t.target).add("DialStatus", "CANCEL"));
            hangupPair(t.target, t.targetFar, 16);
            hangup(x, 16);
            broadcast(channelEvent("Unhold", call.c1));
            call.a1 = null;
            call.a2 = null;
            Bridge b = call.bridge;
            if (b != null) {
                leave(b, call.c1);
                broadcast(bridgeEvent("BridgeDestroy", b));
                call.bridge = null;
            }
            customerDialplanEnds(call);
            return;
        }
        leave(t.consult, x);
        hangup(x, 16);
        leave(t.consult, t.target);
        broadcast(bridgeEvent("BridgeDestroy", t.consult));
        enter(t.original, t.target);
        broadcast(channelEvent("Unhold", call.c1));
        AmiFrame e = new AmiFrame().add("Event", "AttendedTransfer").add("Privilege", "call,all")
                .add("Timestamp", timestamp()).add("Result", "Success")
                .addAll(channelSnapshot(x, "OrigTransferer")).addAll(bridgeSnapshot(t.original, "OrigBridge"))
                .addAll(channelSnapshot(x, "SecondTransferer")).addAll(bridgeSnapshot(t.consult, "SecondBridge"))
                .add("DestType", "Bridge").add("DestBridgeUniqueid", t.original.id)
                .addAll(channelSnapshot(call.c1, "Transferee")).addAll(channelSnapshot(t.target, "TransferTarget"))
                .add("IsExternal", "No");
        broadcast(e);
        call.a1 = t.target;
        call.a2 = t.targetFar;
        call.exten = t.exten;
        call.agentAnswered = true;
    }

    private static AmiFrame bridgeSnapshot(Bridge b, String prefix) {
        return new AmiFrame().add(prefix + "Uniqueid", b.id).add(prefix + "Type", "basic")
                .add(prefix + "Technology", "simple_bridge").add(prefix + "Creator", UNKNOWN)
                .add(prefix + "Name", UNKNOWN).add(prefix + "NumChannels", b.members.size())
                .add(prefix + "VideoSourceMode", "none");
    }

    /** ChanSpy on the answered ;1 (07): spies on the first live channel whose name starts with Data's first field. */
    private void startSpy(Call call) {
        Chan c1 = call.c1;
        if (c1.dead) {
            return;
        }
        String data = call.data == null ? "" : call.data;
        int comma = data.indexOf(',');
        String prefix = (comma < 0 ? data : data.substring(0, comma)).trim();
        call.spyOptions = comma < 0 ? "" : data.substring(comma + 1).trim();
        Chan target = null;
        for (Chan c : channels.values()) {
            if (!c.dead && c != c1 && c != call.c2 && !prefix.isEmpty() && c.name.startsWith(prefix)) {
                target = c;
                break;
            }
        }
        if (target == null) {
            return; // ChanSpy keeps looking (beeping) until the spyer hangs up
        }
        call.spyee = target;
        spies.add(call);
        broadcast(spyEvent("ChanSpyStart", c1, target));
    }

    private AmiFrame spyEvent(String name, Chan spyer, Chan spyee) {
        return new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(spyer, "Spyer")).addAll(channelSnapshot(spyee, "Spyee"));
    }

    /** Around a channel's Hangup: a spyer stops spying first; spies on it stop after (E: the spyer leaves too). */
    private void spyerHangingUp(Chan c) {
        Call call = c.call;
        if (call != null && c == call.c1 && call.spyee != null) {
            broadcast(spyEvent("ChanSpyStop", c, call.spyee));
            call.spyee = null;
            spies.remove(call);
        }
    }

    /** 07x: the spyee hangs up; spyers that wait for it stop (before its Hangup) and hang up right after. */
    private void waitingSpyersStop(Chan spyee) {
        for (Call s : new ArrayList<>(spies)) {
            if (s.spyee != spyee || !s.spyerWaitsForSpyee) {
                continue;
            }
            broadcast(spyEvent("ChanSpyStop", s.c1, spyee));
            s.spyee = null;
            spies.remove(s);
            later(Duration.ofMillis(1), () -> {
                hangup(s.c1, 16);
                endCall(s);
            });
        }
    }

    private void spyeeHungUp(Chan c) {
        for (Call s : new ArrayList<>(spies)) {
            if (s.spyee != c) {
                continue;
            }
            broadcast(spyEvent("ChanSpyStop", s.c1, c));
            s.spyee = null;
            spies.remove(s);
            if (s.spyOptions.contains("E")) {
                later(s, Duration.ofMillis(1), () -> {
                    broadcast(channelEvent("SoftHangupRequest", s.c1).add("Cause", 16));
                    hangupPair(s.c1, s.c2, 16);
                    endCall(s);
                });
            }
        }
    }

    private void cancelTimers(Call call) {
        for (ScheduledFuture<?> t : call.timers) {
            t.cancel(false);
        }
        call.timers.clear();
    }

    void endCall(Call call) {
        call.ended = true;
        cancelTimers(call);
    }

    // ------------------------------------------------------------------ hooks for tests

    /** The agent bridged to / ringing for {@code extension} hangs up (like 05). Returns how many calls it ended. */
    int agentHangsUp(String extension) {
        return call(() -> {
            int n = 0;
            for (Chan c : new ArrayList<>(channels.values())) {
                Call call = c.call;
                if (call != null && c == call.a2 && !c.dead && extension.equals(call.exten)) {
                    agentHangsUp(call, 16);
                    n++;
                }
            }
            return n + queues.agentHangsUp(extension);
        });
    }

    /** The customer dialled as {@code number} hangs up now (like 05b). Returns how many calls it ended. */
    int customerHangsUp(String number) {
        return call(() -> {
            int n = 0;
            for (Chan c : new ArrayList<>(channels.values())) {
                Call call = c.call;
                if (call != null && c == call.c2 && !c.dead && c.name.startsWith("Local/" + number + "@")) {
                    farHangsUp(call, 16);
                    n++;
                }
            }
            return n;
        });
    }

    // ------------------------------------------------------------------ lists

    private void coreShowChannels(SimConnection conn, String actionId) {
        conn.send(AmiFrame.response("Success", actionId).add("EventList", "start")
                .add("Message", "Channels will follow"));
        int n = 0;
        for (Chan c : channels.values()) {
            AmiFrame f = new AmiFrame().add("Event", "CoreShowChannel");
            if (actionId != null) {
                f.add("ActionID", actionId);
            }
            f.addAll(channelSnapshot(c, ""));
            f.add("Application", c.app).add("ApplicationData", c.appData).add("Duration", duration(c))
                    .add("BridgeId", c.bridge == null ? "" : c.bridge.id);
            conn.send(f);
            n++;
        }
        AmiFrame done = new AmiFrame().add("Event", "CoreShowChannelsComplete");
        if (actionId != null) {
            done.add("ActionID", actionId);
        }
        conn.send(done.add("EventList", "Complete").add("ListItems", n));
    }

    private void status(SimConnection conn, AmiFrame f, String actionId) {
        String only = f.value("Channel");
        List<Chan> list = new ArrayList<>();
        if (only != null) {
            Chan c = channels.get(only);
            if (c == null) {
                conn.send(error(actionId, "No such channel"));
                return;
            }
            list.add(c);
        } else {
            list.addAll(channels.values());
        }
        String vars = f.value("Variables");
        conn.send(AmiFrame.response("Success", actionId).add("EventList", "start")
                .add("Message", "Channel status will follow"));
        for (Chan c : list) {
            AmiFrame s = new AmiFrame().add("Event", "Status").add("Privilege", "Call").addAll(channelSnapshot(c, ""))
                    .add("Type", "Local").add("DNID", "").add("EffectiveConnectedLineNum", c.colNum)
                    .add("EffectiveConnectedLineName", c.colName).add("TimeToHangup", "0")
                    .add("BridgeID", c.bridge == null ? "" : c.bridge.id).add("Application", c.app)
                    .add("Data", c.appData).add("Nativeformats", "(slin)").add("Readformat", "slin")
                    .add("Readtrans", "").add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", "0")
                    .add("Pickupgroup", "0").add("Seconds", seconds(c));
            if (vars != null) {
                for (String v : vars.split(",")) {
                    String name = v.trim();
                    if (name.isEmpty()) {
                        continue;
                    }
                    String value = name.equals("CHANNEL") ? c.name : c.vars.getOrDefault(name, "(null)");
                    s.add("Variable", name + "=" + value);
                }
            }
            if (actionId != null) {
                s.add("ActionID", actionId);
            }
            conn.send(s);
        }
        AmiFrame done = new AmiFrame().add("Event", "StatusComplete");
        if (actionId != null) {
            done.add("ActionID", actionId);
        }
        conn.send(done.add("EventList", "Complete").add("ListItems", list.size()).add("Items", list.size()));
    }

    private static long seconds(Chan c) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - c.createdNanos);
    }

    private static String duration(Chan c) {
        long s = seconds(c);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    // ------------------------------------------------------------------ frames

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
        spyerHangingUp(c);
        waitingSpyersStop(c);
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
                    parkingLot = null;
                }
            } else {
                dissolve(nonDial);
            }
        }
        spyeeHungUp(c);
    }

    AmiFrame channelEvent(String name, Chan c) {
        return new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(c, ""));
    }

    AmiFrame dialEvent(String name, Chan caller, Chan dest) {
        AmiFrame f = new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp());
        if (caller != null) {
            f.addAll(channelSnapshot(caller, ""));
        }
        return f.addAll(channelSnapshot(dest, "Dest"));
    }

    AmiFrame localBridge(Chan one, Chan two) {
        return new AmiFrame().add("Event", "LocalBridge").add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(one, "LocalOne")).addAll(channelSnapshot(two, "LocalTwo"))
                .add("Context", one.context).add("Exten", one.exten).add("LocalOptimization", "Yes");
    }

    AmiFrame bridgeEvent(String name, Bridge b) {
        return new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp())
                .add("BridgeUniqueid", b.id).add("BridgeType", b.kind == BridgeKind.PARKING ? "parking" : "basic")
                .add("BridgeTechnology", b.kind == BridgeKind.PARKING ? "holding_bridge" : "simple_bridge")
                .add("BridgeCreator", b.kind == BridgeKind.PARKING ? "Parking" : UNKNOWN)
                .add("BridgeName", b.kind == BridgeKind.PARKING ? "default" : UNKNOWN)
                .add("BridgeNumChannels", b.members.size())
                .add("BridgeVideoSourceMode", "none");
    }

    static AmiFrame channelSnapshot(Chan c, String prefix) {
        return new AmiFrame().add(prefix + "Channel", c.name).add(prefix + "ChannelState", c.state)
                .add(prefix + "ChannelStateDesc", stateDesc(c.state)).add(prefix + "CallerIDNum", c.cidNum)
                .add(prefix + "CallerIDName", c.cidName).add(prefix + "ConnectedLineNum", c.colNum)
                .add(prefix + "ConnectedLineName", c.colName).add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "").add(prefix + "Context", c.context).add(prefix + "Exten", c.exten)
                .add(prefix + "Priority", c.priority).add(prefix + "Uniqueid", c.uniqueid)
                .add(prefix + "Linkedid", c.linkedid);
    }

    static String stateDesc(int state) {
        return switch (state) {
            case 0 -> "Down";
            case 1 -> "Rsrvd";
            case 2 -> "OffHook";
            case 3 -> "Dialing";
            case 4 -> "Ring";
            case 5 -> "Ringing";
            case 6 -> "Up";
            case 7 -> "Busy";
            case 8 -> "Dialing Offhook";
            case 9 -> "Pre-ring";
            default -> "Unknown";
        };
    }

    static String causeText(int cause) {
        return com.evscallpro.telephony.Q850.text(cause);
    }

    String nextUniqueId() {
        return epoch + "." + (uniqueSeq++);
    }

    static String timestamp() {
        return timestamp(Instant.now());
    }

    private static String timestamp(Instant now) {
        return now.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", now.getNano() / 1000);
    }

    static String eventTv(Instant now) {
        return EVENT_TV.format(now);
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")
                || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("y") || v.equalsIgnoreCase("t"));
    }

    /** {@code "Name" <num>} / {@code Name <num>} / {@code num} into {name, num}. */
    static String[] parseCallerId(String cid) {
        if (cid == null || cid.isBlank()) {
            return new String[2];
        }
        String s = cid.trim();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String num = s.substring(lt + 1, gt).trim();
            String name = s.substring(0, lt).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return new String[] {name.isEmpty() ? null : name, num.isEmpty() ? null : num};
        }
        if (s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '+' || ch == '*' || ch == '#')) {
            return new String[] {null, s};
        }
        return new String[] {s, null};
    }

    private static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
