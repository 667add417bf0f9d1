package com.evscallpro.telephony.sim;

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

    private static final Logger log = LoggerFactory.getLogger(SimEngine.class);

    static final String UNKNOWN = "<unknown>";
    static final int DOWN = 0;
    static final int RING = 4;
    static final int RINGING = 5;
    static final int UP = 6;
    static final int BUSY = 7;
    private static final long DEFAULT_ORIGINATE_TIMEOUT_MS = 30_000;
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
    private int localSeq = 1;
    private volatile int liveChannels;

    SimEngine(SimulatorSettings settings) {
        this.settings = settings;
        this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pbx-sim-engine");
            t.setDaemon(true);
            return t;
        });
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

    static final class Bridge {
        final String id = UUID.randomUUID().toString();
        final List<Chan> members = new ArrayList<>();
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
    }

    // ------------------------------------------------------------------ threading

    void execute(Runnable task) {
        exec.execute(() -> safely(task));
    }

    private void later(Call call, Duration delay, Runnable task) {
        ScheduledFuture<?> f = exec.schedule(() -> safely(() -> {
            if (call == null || !call.ended) {
                task.run();
            }
        }), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        if (call != null) {
            call.timers.add(f);
        }
    }

    private void later(Duration delay, Runnable task) {
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
            return null;
        });
    }

    int connectionCount() {
        return call(connections::size);
    }

    List<String> channelNames() {
        return call(() -> new ArrayList<>(channels.keySet()));
    }

    private void broadcast(AmiFrame frame) {
        String wire = frame.toWire();
        for (SimConnection c : connections) {
            if (c.loggedIn && c.eventsOn && !c.isClosed()) {
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
                case "ping" -> conn.send(AmiFrame.response("Success", actionId).add("Ping", "Pong")
                        .add("Timestamp", timestamp()));
                case "events" -> {
                    String mask = f.value("EventMask");
                    conn.eventsOn = mask == null || !mask.equalsIgnoreCase("off");
                    conn.send(AmiFrame.response("Success", actionId).add("Events", conn.eventsOn ? "On" : "Off"));
                }
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
                case "queuestatus" -> {
                    conn.send(AmiFrame.response("Success", actionId).add("EventList", "start")
                            .add("Message", "Queue status will follow"));
                    AmiFrame done = new AmiFrame().add("Event", "QueueStatusComplete");
                    if (actionId != null) {
                        done.add("ActionID", actionId);
                    }
                    conn.send(done.add("EventList", "Complete").add("ListItems", 0));
                }
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

    private static AmiFrame error(String actionId, String message) {
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
        call.far = settings.agentContext().equals(localContext) ? Far.AGENT_PHONE : Far.CUSTOMER;
        call.behaviour = call.far == Far.CUSTOMER
                ? settings.customers().behaviourFor(localExten)
                : CustomerBehaviour.answerAndStay(settings.agentAnswerDelay());
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

        CustomerBehaviour b = call.behaviour;
        Duration timeout = Duration.ofMillis(timeoutMs);
        switch (b.kind()) {
            case ANSWER -> {
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

    private void finishOriginate(Call call, boolean success, int reason, String[] cidIfNoChannel) {
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

    private void dialAgent(Call call) {
        Chan c1 = call.c1;
        String ext = call.exten;
        String ctx = settings.agentContext();
        String base = "Local/" + ext + "@" + ctx + "-" + String.format(Locale.ROOT, "%08x", localSeq++);
        Chan a1 = new Chan(base + ";1", nextUniqueId(), c1.linkedid, DOWN, ctx, ext);
        Chan a2 = new Chan(base + ";2", nextUniqueId(), c1.linkedid, RING, ctx, ext);
        a1.call = call;
        a2.call = call;
        a1.app = "AppDial";
        a1.appData = "(Outgoing Line)";
        a2.app = "NoOp";
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

    private void enter(Bridge b, Chan c) {
        b.members.add(c);
        c.bridge = b;
        broadcast(bridgeEvent("BridgeEnter", b).addAll(channelSnapshot(c, "")));
    }

    private void leave(Bridge b, Chan c) {
        b.members.remove(c);
        c.bridge = null;
        broadcast(bridgeEvent("BridgeLeave", b).addAll(channelSnapshot(c, "")));
    }

    // ------------------------------------------------------------------ hangups

    /** The far end (customer or agent phone behind ;2 of the originated pair) hangs up, e.g. Hangup() in dialplan. */
    private void farHangsUp(Call call, int cause) {
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
        String name = f.value("Channel");
        if (name == null) {
            conn.send(error(actionId, "No channel specified"));
            return;
        }
        Chan c = channels.get(name);
        if (c == null || c.dead) {
            conn.send(error(actionId, "No such channel"));
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
        Call call = c.call;
        if (call == null) {
            hangup(c, cause);
            return;
        }
        if (c == call.c2) {
            farHangsUp(call, cause);
        } else if (c == call.a2) {
            agentHangsUp(call, cause);
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
     * Redirect of a channel to Context/Exten/Priority (06): a bridged channel leaves its bridge, the agent pair left
     * alone is hung up, and the channel goes on in the new place (dialling the agent extension again when the new
     * context is a connect context).
     */
    private void redirect(SimConnection conn, AmiFrame f, String actionId) {
        String name = f.value("Channel");
        if (name == null) {
            conn.send(error(actionId, "Channel not specified"));
            return;
        }
        Chan c = channels.get(name);
        if (c == null || c.dead) {
            conn.send(error(actionId, "No such channel"));
            return;
        }
        String context = f.value("Context");
        String exten = f.value("Exten");
        if (context == null || exten == null) {
            conn.send(error(actionId, "Redirect requires Context and Exten"));
            return;
        }
        conn.send(AmiFrame.response("Success", actionId).add("Message", "Redirect successful"));
        Call call = c.call;
        if (call == null || c != call.c1) {
            c.context = context;
            c.exten = exten;
            c.priority = 1;
            return;
        }
        Bridge b = call.bridge;
        if (b != null) {
            leave(b, call.c1);
            leave(b, call.a1);
            broadcast(channelEvent("HangupRequest", call.a2).add("Cause", 16));
            broadcast(bridgeEvent("BridgeDestroy", b));
            call.bridge = null;
            hangup(call.a1, 16);
            broadcast(channelEvent("SoftHangupRequest", call.a2).add("Cause", 16));
            hangup(call.a2, 16);
        } else if (call.a1 != null && !call.a1.dead) {
            cancelAgentDial(call);
        }
        call.agentAnswered = false;
        c.context = context;
        c.exten = exten;
        c.priority = 1;
        c.app = "NoOp";
        c.appData = "";
        if (settings.connectContexts().contains(context)) {
            call.exten = exten;
            c.priority = 2;
            c.app = "Dial";
            c.appData = "Local/" + exten + "@" + settings.agentContext() + ",20";
            dialAgent(call);
        }
    }

    private void cancelTimers(Call call) {
        for (ScheduledFuture<?> t : call.timers) {
            t.cancel(false);
        }
        call.timers.clear();
    }

    private void endCall(Call call) {
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
            return n;
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

    private void add(Chan c) {
        channels.put(c.name, c);
        liveChannels = channels.size();
    }

    private void newstate(Chan c, int state) {
        c.state = state;
        broadcast(channelEvent("Newstate", c));
    }

    private void hangup(Chan c, int cause) {
        if (c.dead) {
            return;
        }
        c.dead = true;
        if (c.bridge != null) {
            c.bridge.members.remove(c);
            c.bridge = null;
        }
        channels.remove(c.name);
        liveChannels = channels.size();
        broadcast(channelEvent("Hangup", c).add("Cause", cause).add("Cause-txt", causeText(cause)));
    }

    private AmiFrame channelEvent(String name, Chan c) {
        return new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(c, ""));
    }

    private AmiFrame dialEvent(String name, Chan caller, Chan dest) {
        AmiFrame f = new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp());
        if (caller != null) {
            f.addAll(channelSnapshot(caller, ""));
        }
        return f.addAll(channelSnapshot(dest, "Dest"));
    }

    private AmiFrame localBridge(Chan one, Chan two) {
        return new AmiFrame().add("Event", "LocalBridge").add("Privilege", "call,all").add("Timestamp", timestamp())
                .addAll(channelSnapshot(one, "LocalOne")).addAll(channelSnapshot(two, "LocalTwo"))
                .add("Context", one.context).add("Exten", one.exten).add("LocalOptimization", "Yes");
    }

    private AmiFrame bridgeEvent(String name, Bridge b) {
        return new AmiFrame().add("Event", name).add("Privilege", "call,all").add("Timestamp", timestamp())
                .add("BridgeUniqueid", b.id).add("BridgeType", "basic").add("BridgeTechnology", "simple_bridge")
                .add("BridgeCreator", UNKNOWN).add("BridgeName", UNKNOWN).add("BridgeNumChannels", b.members.size())
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
        return switch (cause) {
            case 1 -> "Unallocated (unassigned) number";
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 18 -> "No user responding";
            case 19 -> "User alerting, no answer";
            case 21 -> "Call Rejected";
            case 27 -> "Destination out of order";
            case 28 -> "Invalid number format (addressing incomplete)";
            case 34 -> "Circuit/channel congestion";
            case 38 -> "Network out of order";
            case 127 -> "Interworking, unspecified";
            default -> "Unknown";
        };
    }

    private String nextUniqueId() {
        return epoch + "." + (uniqueSeq++);
    }

    private static String timestamp() {
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
