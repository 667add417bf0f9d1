package com.evscallpro.simulator;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Asterisk side of one FastAGI call: answers each command line as Asterisk 22.10 does ({@code res_agi.c} and
 * the captures 08a-08d), for the scripted caller of a {@link SimAgiCall}. Writes its replies through a {@link Sink};
 * the caller's asynchronous hangup writes the {@code HANGUP} line itself when the channel is idle, so the line order
 * is that of Asterisk's single AGI loop.
 */
final class SimAgiSession {

    interface Sink {
        void write(List<String> lines) throws IOException;
    }

    /**
     * The simulated Asterisk around the call, when the call is a channel of a {@link PbxSimulator} (inbound calls
     * placed by {@link PbxSimulator#placeInbound}); null for the standalone {@link FastAgiCaller}. Called on the
     * session's thread; implementations never call back into the session synchronously.
     */
    interface World {
        /** AGIExecStart. */
        void commandStarted(String line);

        /** AGIExecEnd with the reply lines written for it. */
        void commandEnded(String line, List<String> reply, boolean failure);

        void answered();

        /** SET VARIABLE, EXEC Set: a VarSet (and inheritance bookkeeping). */
        void variableSet(String name, String value);

        /** SET MUSIC ON|OFF, EXEC StartMusicOnHold / StopMusicOnHold / MusicOnHold. */
        void music(boolean on, String mohClass);

        /**
         * EXEC Dial: rings the destinations of {@code args} in the simulator; completes with DIALSTATUS when the Dial
         * returns (the bridged call ended, nobody answered…). A caller hangup is reported by {@link #callerHungUp}.
         */
        java.util.concurrent.CompletableFuture<String> dial(String args, double timeScale,
                                                             java.time.Duration talkTime);

        /** RECORD FILE ended after {@code ms} of recording. */
        void recorded(String file, String format, long ms);

        /** The HANGUP command or EXEC Hangup (SoftHangupRequest cause 32). */
        void agiHangup();

        /** The caller hung up (BYE from the trunk). */
        void callerHungUp();

        /** The AGI is over (the server closed the connection, or it never opened): AGISTATUS and what follows. */
        void agiEnded(String agiStatus);

        /**
         * The channel carries a soft hangup of its own (an AMI Redirect's ASYNCGOTO, Asterisk's {@code ast_async_goto}):
         * a Dial it ends returns -1, as {@code ast_check_hangup} says, whether or not {@link SimAgiSession#channelGone}
         * arrived first.
         */
        default boolean softHangup() {
            return false;
        }
    }

    static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
    static final String UNKNOWN = "510 Invalid or unknown command";
    static final String USAGE_START = "520-Invalid command syntax.  Proper usage follows:";
    static final String USAGE_END = "520 End of proper usage.";
    private static final long INFINITE = Long.MAX_VALUE / 4;
    private static final int SAMPLES_PER_MS = 8;

    /** res_agi.c commands[] entries with dead = 1. */
    private static final Set<String> DEAD_OK = Set.of("ASYNCAGI BREAK", "DATABASE DEL", "DATABASE DELTREE",
            "DATABASE GET", "DATABASE PUT", "EXEC", "GET FULL VARIABLE", "GET VARIABLE", "NOOP", "SET VARIABLE",
            "VERBOSE");

    private static final List<String> COMMANDS = List.of("ANSWER", "ASYNCAGI BREAK", "CHANNEL STATUS",
            "CONTROL STREAM FILE", "DATABASE DEL", "DATABASE DELTREE", "DATABASE GET", "DATABASE PUT", "EXEC",
            "GET DATA", "GET FULL VARIABLE", "GET OPTION", "GET VARIABLE", "HANGUP", "NOOP", "RECORD FILE",
            "SAY ALPHA", "SAY DIGITS", "SAY NUMBER", "SET AUTOHANGUP", "SET CALLERID", "SET CONTEXT", "SET EXTENSION",
            "SET MUSIC", "SET PRIORITY", "SET VARIABLE", "STREAM FILE", "VERBOSE", "WAIT FOR DIGIT");

    private static final Map<String, List<String>> USAGE = Map.of(
            "GET DATA", List.of("Stream the given <replaceable>file</replaceable>, and receive DTMF data.",
                    "Returns the digits received from the channel at the other end."));

    private static final Set<String> APPS = Set.of("answer", "background", "busy", "chanspy", "confbridge",
            "congestion", "dial", "echo", "gosub", "goto", "gotoif", "hangup", "log", "milliwatt", "mixmonitor",
            "musiconhold", "noop", "playback", "playtones", "progress", "queue", "read", "record", "ringing",
            "saydigits", "saynumber", "senddtmf", "set", "startmusiconhold", "stopmixmonitor", "stopmusiconhold",
            "transfer", "verbose", "voicemail", "wait");

    private static final Pattern VAR_REF = Pattern.compile("\\$\\{([^${}]*)}");

    private final SimAgiCall call;
    private final String channelName;
    private final String uniqueId;
    private final Sink sink;
    private final World world;
    private boolean started;
    private boolean ended;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> database;
    private final Deque<Character> typeAhead = new ArrayDeque<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private int state;
    private int commandCount;
    private boolean hungUp;
    private boolean hangupNotified;
    private boolean callerHungUp;
    private boolean executing;
    private boolean asyncHangup;
    private boolean closed;
    private final List<String> commands = new ArrayList<>();
    private final List<String> replies = new ArrayList<>();
    private Timeline current;
    /** The running command failed (AGIExecEnd {@code ResultCode: -1}, e.g. a missing sound). */
    private boolean failed;

    SimAgiSession(SimAgiCall call, String channelName, String uniqueId, Sink sink) {
        this(call, channelName, uniqueId, sink, null);
    }

    SimAgiSession(SimAgiCall call, String channelName, String uniqueId, Sink sink, World world) {
        this.world = world;
        this.call = call;
        this.channelName = channelName;
        this.uniqueId = uniqueId;
        this.sink = sink;
        this.state = call.initialState;
        this.database = new LinkedHashMap<>(call.database);
        variables.put("CHANNEL", channelName);
        variables.put("UNIQUEID", uniqueId);
        variables.put("EXTEN", extension());
        variables.put("CONTEXT", call.context);
        variables.putAll(call.variables);
    }

    String extension() {
        return call.extension != null ? call.extension : call.did;
    }

    /** The {@code agi_*} environment lines in Asterisk's order, without the final empty line. */
    List<String> environment(String authority) {
        started = true;
        String script = call.script;
        if (!call.scriptParameters.isEmpty()) {
            StringBuilder q = new StringBuilder();
            call.scriptParameters.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(v));
            script += q;
        }
        List<String> env = new ArrayList<>();
        env.add("agi_network: yes");
        env.add("agi_network_script: " + script);
        env.add("agi_request: agi://" + authority + "/" + script);
        env.add("agi_channel: " + channelName);
        env.add("agi_language: " + call.language);
        env.add("agi_type: " + call.type);
        env.add("agi_uniqueid: " + uniqueId);
        env.add("agi_version: " + call.version);
        env.add("agi_callerid: " + call.callerId);
        env.add("agi_calleridname: " + call.callerIdName);
        env.add("agi_callingpres: " + call.callingPres);
        env.add("agi_callingani2: " + call.callingAni2);
        env.add("agi_callington: " + call.callingTon);
        env.add("agi_callingtns: " + call.callingTns);
        env.add("agi_dnid: " + (call.dnid != null ? call.dnid : call.did));
        env.add("agi_rdnis: " + call.rdnis);
        env.add("agi_context: " + call.context);
        env.add("agi_extension: " + extension());
        env.add("agi_priority: " + call.priority);
        env.add("agi_enhanced: " + call.enhanced);
        env.add("agi_accountcode: " + call.accountCode);
        env.add("agi_threadid: " + call.threadId);
        for (int i = 0; i < call.args.size(); i++) {
            env.add("agi_arg_" + (i + 1) + ": " + call.args.get(i));
        }
        return env;
    }

    // ---- asynchronous caller actions ------------------------------------------------------------------------------

    /** The caller hangs up now (real time). Idle channel: the HANGUP line goes out at once. */
    void hangUpNow() throws IOException {
        lock.lock();
        try {
            if (hungUp || closed) {
                return;
            }
            hungUp = true;
            callerHungUp = true;
            if (world != null) {
                world.callerHungUp();
            }
            interruptOrNotify();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The channel is gone for the AGI without the caller hanging up (AMI Hangup, AMI Redirect: Asterisk's
     * {@code run_agi} sees the soft hangup, the running command returns -1, the {@code HANGUP} line follows and the
     * dead-channel rules apply). Called off the engine thread.
     */
    void channelGone() throws IOException {
        lock.lock();
        try {
            if (hungUp || closed) {
                return;
            }
            hungUp = true;
            interruptOrNotify();
        } finally {
            lock.unlock();
        }
    }

    private void interruptOrNotify() throws IOException {
        if (executing) {
            asyncHangup = true;
            wake.signalAll();
        } else if (!hangupNotified) {
            hangupNotified = true;
            emit(List.of("HANGUP"));
        }
    }

    /** Wakes a command waiting on the world (a Dial that ended). */
    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The server closed the connection (or the caller gave up): wake any endless wait. */
    void closed() {
        boolean end;
        String status;
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
            end = !ended;
            ended = true;
            status = !started ? "FAILURE" : hungUp ? "HANGUP" : "SUCCESS";
        } finally {
            lock.unlock();
        }
        if (end && world != null) {
            world.agiEnded(status);
        }
    }

    // ---- commands -------------------------------------------------------------------------------------------------

    /** Runs one command line and writes its reply (and the HANGUP line when the channel died meanwhile). */
    void execute(String line) throws IOException {
        lock.lock();
        try {
            commandCount++;
            commands.add(line);
            executing = true;
            List<String> out = new ArrayList<>(4);
            if (world != null) {
                world.commandStarted(line);
            }
            try {
                run(line, out);
            } finally {
                executing = false;
                if (current != null) {
                    current.finish();
                    current = null;
                }
            }
            if (world != null) {
                world.commandEnded(line, out, failed);
            }
            failed = false;
            if (commandCount == call.hangUpCommand && !hungUp) {
                // the caller hangs up during this command, which ended before the hangup instant
                hungUp = true;
                callerHungUp = true;
                if (world != null) {
                    world.callerHungUp();
                }
            }
            if (hungUp && !hangupNotified) {
                hangupNotified = true;
                out.add("HANGUP");
            }
            emit(out);
        } finally {
            lock.unlock();
        }
    }

    private void emit(List<String> lines) throws IOException {
        replies.addAll(lines);
        sink.write(lines);
    }

    private void run(String line, List<String> out) {
        Timeline t = timeline();
        current = t;
        List<String> argv = parseArgs(line);
        String command = match(argv);
        if (command == null) {
            out.add(UNKNOWN);
            return;
        }
        if (hungUp && !DEAD_OK.contains(command)) {
            out.add(DEAD);
            return;
        }
        String reply = switch (command) {
            case "ANSWER" -> {
                if (state != 6 && world != null) {
                    world.answered();
                }
                state = 6;
                yield "200 result=0";
            }
            case "CHANNEL STATUS" -> argv.size() > 3 ? null
                    : argv.size() == 3 && !argv.get(2).equals(channelName) ? "200 result=-1" : "200 result=" + state;
            case "STREAM FILE" -> streamFile(argv, t);
            case "CONTROL STREAM FILE" -> argv.size() < 5 ? null : playReply(t, argv.get(2), argv.get(4), false);
            case "GET OPTION" -> getOption(argv, t);
            case "GET DATA" -> getData(argv, t);
            case "WAIT FOR DIGIT" -> waitForDigit(argv, t);
            case "SAY DIGITS", "SAY ALPHA" -> argv.size() != 4 || (command.equals("SAY DIGITS")
                    && !argv.get(2).matches("-?\\d+.*")) ? null : say(t, argv.get(2).length(), argv.get(3));
            case "SAY NUMBER" -> argv.size() < 4 || argv.size() > 5 || !argv.get(2).matches("-?\\d+") ? null
                    : say(t, Long.toString(Math.abs(Long.parseLong(argv.get(2)))).length(), argv.get(3));
            case "SET VARIABLE" -> {
                if (argv.size() != 4) {
                    yield null;
                }
                variables.put(argv.get(2), argv.get(3));
                if (world != null) {
                    world.variableSet(argv.get(2), argv.get(3));
                }
                yield "200 result=1";
            }
            case "GET VARIABLE" -> {
                if (argv.size() != 3) {
                    yield null;
                }
                String v = lookup(argv.get(2));
                yield v == null ? "200 result=0" : "200 result=1 (" + v + ")";
            }
            case "GET FULL VARIABLE" -> argv.size() != 4 && argv.size() != 5 ? null
                    : argv.size() == 5 && !argv.get(4).equals(channelName) ? "200 result=0"
                    : "200 result=1 (" + substitute(argv.get(3)) + ")";
            case "EXEC" -> argv.size() < 2 ? null : exec(argv.get(1), argv.size() > 2 ? argv.get(2) : "", t);
            case "RECORD FILE" -> recordFile(argv, t);
            case "HANGUP" -> {
                if (argv.size() > 2) {
                    yield null;
                }
                if (argv.size() == 2 && !argv.get(1).equals(channelName)) {
                    yield "200 result=-1";
                }
                hungUp = true;
                if (world != null) {
                    world.agiHangup();
                }
                yield "200 result=1";
            }
            case "VERBOSE" -> argv.size() < 2 ? null : "200 result=1";
            case "NOOP", "ASYNCAGI BREAK" -> "200 result=0";
            case "DATABASE GET" -> {
                if (argv.size() != 4) {
                    yield null;
                }
                String v = database.get(argv.get(2) + "/" + argv.get(3));
                yield v == null ? "200 result=0" : "200 result=1 (" + v + ")";
            }
            case "DATABASE PUT" -> {
                if (argv.size() != 5) {
                    yield null;
                }
                database.put(argv.get(2) + "/" + argv.get(3), argv.get(4));
                yield "200 result=1";
            }
            case "DATABASE DEL" -> argv.size() != 4 ? null
                    : database.remove(argv.get(2) + "/" + argv.get(3)) != null ? "200 result=1" : "200 result=0";
            case "DATABASE DELTREE" -> argv.size() < 3 || argv.size() > 4 ? null : "200 result=1";
            case "SET CALLERID" -> argv.size() != 3 ? null : "200 result=1";
            case "SET CONTEXT", "SET EXTENSION", "SET PRIORITY", "SET AUTOHANGUP" ->
                    argv.size() != 3 ? null : "200 result=0";
            case "SET MUSIC" -> {
                if (argv.size() < 3) {
                    yield null;
                }
                if (world != null) {
                    world.music(argv.get(2).equalsIgnoreCase("on"), argv.size() > 3 ? argv.get(3) : "default");
                }
                yield "200 result=0";
            }
            default -> "200 result=0";
        };
        if (reply == null) {
            out.add(USAGE_START);
            out.addAll(USAGE.getOrDefault(command, List.of("Usage: " + command + " (see 'agi show commands')")));
            out.add(USAGE_END);
        } else {
            out.add(reply);
        }
    }

    // ---- media ----------------------------------------------------------------------------------------------------

    private String streamFile(List<String> argv, Timeline t) {
        if (argv.size() < 4 || argv.size() > 5) {
            return null;
        }
        long offsetSamples = 0;
        if (argv.size() == 5) {
            try {
                offsetSamples = Long.parseLong(argv.get(4));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (call.missingSounds.contains(argv.get(2))) {
            failed = true;
            return "200 result=-1 endpos=" + offsetSamples;
        }
        return playReply(t, argv.get(2), argv.get(3), false);
    }

    private String playReply(Timeline t, String file, String escape, boolean any) {
        long len = soundMs(file);
        Outcome o = t.play(len, escape, any);
        if (o.hangup) {
            return "200 result=-1 endpos=" + o.at * SAMPLES_PER_MS;
        }
        return "200 result=" + (int) o.digit + " endpos=" + o.at * SAMPLES_PER_MS;
    }

    private String getOption(List<String> argv, Timeline t) {
        if (argv.size() < 4 || argv.size() > 5) {
            return null;
        }
        if (call.missingSounds.contains(argv.get(2))) {
            return "200 result=-1 endpos=0";
        }
        long len = soundMs(argv.get(2));
        Outcome o = t.play(len, argv.get(3), false);
        if (o.hangup) {
            return "200 result=-1 endpos=" + o.at * SAMPLES_PER_MS;
        }
        if (o.digit != 0) {
            return "200 result=" + (int) o.digit + " endpos=" + o.at * SAMPLES_PER_MS;
        }
        long timeout = argv.size() == 5 ? parseLong(argv.get(4), 5000) : 5000;
        Outcome w = t.waitDigit(len, timeout);
        if (w.hangup) {
            return "200 result=-1 endpos=" + len * SAMPLES_PER_MS;
        }
        int res = w.digit != 0 && argv.get(3).indexOf(w.digit) >= 0 ? w.digit : 0;
        return "200 result=" + res + " endpos=" + len * SAMPLES_PER_MS;
    }

    private String getData(List<String> argv, Timeline t) {
        if (argv.size() < 3) {
            return null;
        }
        long timeout = argv.size() >= 4 ? parseLong(argv.get(3), 0) : 0;
        int max = argv.size() >= 5 ? (int) parseLong(argv.get(4), 1024) : 1024;
        if (timeout <= 0) {
            timeout = timeout < 0 ? INFINITE : 5000;
        }
        max = Math.max(1, Math.min(max, 1024));
        StringBuilder digits = new StringBuilder();
        long now;
        if (call.missingSounds.contains(argv.get(2))) {
            now = 0;
        } else {
            Outcome prompt = t.play(soundMs(argv.get(2)), "", true);
            if (prompt.hangup) {
                return "200 result=-1";
            }
            now = prompt.at;
            if (prompt.digit != 0) {
                if (prompt.digit == '#') {
                    return "200 result=";
                }
                digits.append(prompt.digit);
            }
        }
        while (digits.length() < max) {
            Outcome o = t.waitDigit(now, timeout);
            now = o.at;
            if (o.hangup) {
                return "200 result=-1";
            }
            if (o.digit == 0) {
                return "200 result=" + digits + " (timeout)";
            }
            if (o.digit == '#') {
                break;
            }
            digits.append(o.digit);
        }
        return "200 result=" + digits;
    }

    private String waitForDigit(List<String> argv, Timeline t) {
        if (argv.size() != 4) {
            return null;
        }
        long timeout;
        try {
            timeout = Long.parseLong(argv.get(3));
        } catch (NumberFormatException e) {
            return null;
        }
        Outcome o = t.waitDigit(0, timeout < 0 ? INFINITE : timeout);
        return o.hangup ? "200 result=-1" : "200 result=" + (int) o.digit;
    }

    private String say(Timeline t, int count, String escape) {
        Outcome o = t.play(call.digitSoundLength.toMillis() * count, escape, false);
        return "200 result=" + (o.hangup ? -1 : (int) o.digit);
    }

    private String recordFile(List<String> argv, Timeline t) {
        if (argv.size() < 6) {
            return null;
        }
        long timeout;
        try {
            timeout = Long.parseLong(argv.get(5));
        } catch (NumberFormatException e) {
            return null;
        }
        String escape = argv.get(4);
        long limit = timeout < 0 ? INFINITE : timeout;
        long now = 0;
        String reply;
        while (true) {
            Outcome o = t.waitDigit(now, limit - now);
            now = o.at;
            if (o.hangup) {
                reply = "200 result=-1 (hangup) endpos=" + now * SAMPLES_PER_MS;
                break;
            }
            if (o.digit == 0) {
                reply = "200 result=0 (timeout) endpos=" + now * SAMPLES_PER_MS;
                break;
            }
            if (escape.indexOf(o.digit) >= 0) {
                reply = "200 result=" + (int) o.digit + " (dtmf) endpos=" + now * SAMPLES_PER_MS;
                break;
            }
        }
        if (world != null) {
            world.recorded(argv.get(2), argv.get(3), now);
        }
        return reply;
    }

    private String exec(String app, String args, Timeline t) {
        String name = app.toLowerCase(Locale.ROOT);
        if (!APPS.contains(name)) {
            return "200 result=-2";
        }
        if (hungUp) {
            return "200 result=0"; // as captured: EXEC on a dead channel returns at once
        }
        long duration = 0;
        if (world != null) {
            switch (name) {
                case "dial" -> {
                    return worldDial(args, t);
                }
                case "startmusiconhold", "musiconhold" -> world.music(true, args.isEmpty() ? "default"
                        : args.split(",")[0]);
                case "stopmusiconhold" -> world.music(false, null);
                case "set" -> {
                    int eq = args.indexOf('=');
                    if (eq > 0) {
                        world.variableSet(args.substring(0, eq), args.substring(eq + 1));
                    }
                }
                case "answer" -> {
                    if (state != 6) {
                        world.answered();
                    }
                }
                case "hangup" -> world.agiHangup();
                default -> {
                    // no effect on the simulated world
                }
            }
        }
        switch (name) {
            case "playback", "background" -> {
                String files = args.contains(",") ? args.substring(0, args.indexOf(',')) : args;
                for (String f : files.split("&")) {
                    if (!f.isEmpty() && !call.missingSounds.contains(f)) {
                        duration += soundMs(f);
                    }
                }
            }
            case "wait" -> duration = (long) (parseDouble(args, 0) * 1000);
            case "dial", "queue" -> {
                boolean answered = "ANSWER".equals(call.dialStatus);
                duration = answered ? call.dialTalkTime.toMillis() : 0;
                if (name.equals("dial")) {
                    variables.put("DIALSTATUS", call.dialStatus);
                } else if (!answered) {
                    variables.put("QUEUESTATUS", "TIMEOUT");
                }
            }
            case "answer" -> state = 6;
            case "set" -> {
                int eq = args.indexOf('=');
                if (eq > 0) {
                    variables.put(args.substring(0, eq), args.substring(eq + 1));
                }
            }
            case "hangup" -> {
                hungUp = true;
                return "200 result=-1";
            }
            default -> {
                // runs at once, returns 0
            }
        }
        Outcome o = t.play(duration, "", false);
        return o.hangup ? "200 result=-1" : "200 result=0";
    }

    /**
     * EXEC Dial in the simulated world: the engine rings the destinations; the command returns when the Dial does
     * ({@code DIALSTATUS} set, {@code 200 result=0}) or when the caller hangs up (scripted on this command's timeline,
     * or asynchronously), or when the channel is hung up / redirected by AMI ({@code 200 result=-1}).
     */
    private String worldDial(String args, Timeline t) {
        java.util.concurrent.CompletableFuture<String> status = world.dial(args, call.timeScale, call.dialTalkTime);
        status.whenComplete((s, e) -> Thread.ofVirtual().start(this::signal));
        long start = System.nanoTime();
        long hangupAt = t.hangupAt;
        try {
            while (!status.isDone() && !asyncHangup && !closed) {
                long left = hangupAt >= INFINITE ? TimeUnit.SECONDS.toNanos(60)
                        : start + (long) (hangupAt * call.timeScale * 1_000_000.0) - System.nanoTime();
                if (left <= 0) {
                    t.markHangup(); // the world ends the Dial at once (CANCEL, or ANSWER when bridged)
                    break;
                }
                wake.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
        boolean gone = hungUp || asyncHangup || closed || !status.isDone() || world.softHangup();
        asyncHangup = false;
        if (status.isDone()) {
            variables.put("DIALSTATUS", status.join());
        }
        if (gone) {
            hungUp = true;
            return "200 result=-1";
        }
        return "200 result=0";
    }

    // ---- timeline -------------------------------------------------------------------------------------------------

    private record Key(long at, char digit) {
    }

    private record Outcome(char digit, long at, boolean hangup) {
    }

    private Timeline timeline() {
        List<Key> keys = new ArrayList<>();
        for (Character c : typeAhead) {
            keys.add(new Key(0, c));
        }
        typeAhead.clear();
        for (SimAgiCall.Press p : call.presses) {
            if (p.command() == commandCount) {
                for (int i = 0; i < p.digits().length(); i++) {
                    keys.add(new Key(p.offsetMs() + i * p.interDigitMs(), p.digits().charAt(i)));
                }
            }
        }
        keys.sort((a, b) -> Long.compare(a.at, b.at));
        long hangupAt = commandCount == call.hangUpCommand ? call.hangUpOffsetMs : INFINITE;
        return new Timeline(keys, hangupAt);
    }

    /**
     * The simulated timeline of one command: keys and the caller's hangup at fixed offsets from the command start.
     * Each primitive works out what happens first, then really waits that long (scaled), and an asynchronous hangup
     * during that wait wins.
     */
    private final class Timeline {
        private final Deque<Key> keys;
        private long hangupAt;
        private long paced;

        Timeline(List<Key> keys, long hangupAt) {
            this.keys = new ArrayDeque<>(keys);
            this.hangupAt = hangupAt;
        }

        /** Plays {@code len} ms; stops at an escape digit (any digit when {@code any}); other digits are dropped. */
        Outcome play(long len, String escape, boolean any) {
            while (!keys.isEmpty() && keys.peekFirst().at < len) {
                Key k = keys.peekFirst();
                if (hangupAt <= k.at) {
                    break;
                }
                if (!pace(k.at)) {
                    return asyncHangupOutcome();
                }
                keys.pollFirst();
                if (any || escape.indexOf(k.digit) >= 0) {
                    return new Outcome(k.digit, k.at, false);
                }
            }
            if (hangupAt < len) {
                long at = hangupAt;
                if (!pace(at)) {
                    return asyncHangupOutcome();
                }
                markHangup();
                return new Outcome((char) 0, at, true);
            }
            if (!pace(len)) {
                return asyncHangupOutcome();
            }
            return new Outcome((char) 0, len, false);
        }

        /** Waits from {@code from} up to {@code timeout} ms for the next digit (type-ahead digits come at once). */
        Outcome waitDigit(long from, long timeout) {
            long deadline = timeout >= INFINITE ? INFINITE : from + Math.max(0, timeout);
            Key k = keys.peekFirst();
            long keyAt = k == null ? INFINITE : Math.max(from, k.at);
            long at = hangupAt >= INFINITE ? INFINITE : Math.max(from, hangupAt);
            if (at < INFINITE && at <= keyAt && at <= deadline) {
                if (!pace(at)) {
                    return asyncHangupOutcome();
                }
                markHangup();
                return new Outcome((char) 0, at, true);
            }
            if (k != null && keyAt <= deadline) {
                if (!pace(keyAt)) {
                    return asyncHangupOutcome();
                }
                keys.pollFirst();
                return new Outcome(k.digit, keyAt, false);
            }
            if (!pace(deadline)) {
                return asyncHangupOutcome();
            }
            return new Outcome((char) 0, deadline, false);
        }

        /** Leftover keys go to the type-ahead buffer (idempotent). */
        void finish() {
            for (Key k : keys) {
                typeAhead.add(k.digit);
            }
            keys.clear();
        }

        private void markHangup() {
            hungUp = true;
            callerHungUp = true;
            hangupAt = INFINITE;
            if (world != null) {
                world.callerHungUp();
            }
        }

        private Outcome asyncHangupOutcome() {
            hangupAt = INFINITE;
            asyncHangup = false;
            return new Outcome((char) 0, paced, true);
        }

        /** Really waits until simulated {@code until} ms of this command; false when the caller hung up meanwhile. */
        private boolean pace(long until) {
            if (until <= paced) {
                return !asyncHangup;
            }
            long simMs = until - paced;
            long startNanos = System.nanoTime();
            long realNanos = until >= INFINITE ? Long.MAX_VALUE
                    : (long) Math.min((double) Long.MAX_VALUE / 2, simMs * call.timeScale * 1_000_000.0);
            long deadline = startNanos + realNanos;
            try {
                while (!asyncHangup && !closed) {
                    long left = realNanos == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(60) : deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    wake.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
            if (asyncHangup || closed) {
                long elapsedSim = (long) ((System.nanoTime() - startNanos) / 1_000_000.0 / call.timeScale);
                paced = Math.min(until, paced + elapsedSim);
                asyncHangup = false;
                hungUp = true;
                return false;
            }
            paced = until;
            return true;
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private long soundMs(String file) {
        java.time.Duration d = call.sounds.get(file);
        return (d != null ? d : call.defaultSoundLength).toMillis();
    }

    private String lookup(String name) {
        if (name.endsWith(")")) {
            return function(name);
        }
        return variables.get(name);
    }

    private String function(String expr) {
        String upper = expr.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CALLERID(")) {
            String what = upper.substring(9, upper.length() - 1);
            return switch (what) {
                case "NUM", "NUMBER" -> call.callerId.equals("unknown") ? "" : call.callerId;
                case "NAME" -> call.callerIdName.equals("unknown") ? "" : call.callerIdName;
                case "ALL" -> "\"" + call.callerIdName + "\" <" + call.callerId + ">";
                default -> "";
            };
        }
        return null;
    }

    private String substitute(String text) {
        Matcher m = VAR_REF.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = lookup(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double parseDouble(String s, double fallback) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Asterisk's parse_args: blanks split, double quotes group, backslash escapes the next character. */
    static List<String> parseArgs(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        boolean token = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                cur.append(c);
                escaped = false;
                token = true;
            } else if (c == '\\') {
                escaped = true;
                token = true;
            } else if (c == '"') {
                quoted = !quoted;
                token = true;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (token) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    token = false;
                }
            } else {
                cur.append(c);
                token = true;
            }
        }
        if (token) {
            args.add(cur.toString());
        }
        return args;
    }

    /** The longest command whose words start argv (case-insensitive), or null. */
    static String match(List<String> argv) {
        String best = null;
        int bestWords = 0;
        for (String c : COMMANDS) {
            String[] words = c.split(" ");
            if (words.length > argv.size() || words.length <= bestWords) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < words.length; i++) {
                if (!words[i].equalsIgnoreCase(argv.get(i))) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                best = c;
                bestWords = words.length;
            }
        }
        return best;
    }

    // ---- observations ---------------------------------------------------------------------------------------------

    List<String> commands() {
        lock.lock();
        try {
            return List.copyOf(commands);
        } finally {
            lock.unlock();
        }
    }

    List<String> replies() {
        lock.lock();
        try {
            return List.copyOf(replies);
        } finally {
            lock.unlock();
        }
    }

    Map<String, String> variables() {
        lock.lock();
        try {
            return Map.copyOf(variables);
        } finally {
            lock.unlock();
        }
    }

    boolean isHungUp() {
        lock.lock();
        try {
            return hungUp;
        } finally {
            lock.unlock();
        }
    }

    boolean callerHungUp() {
        lock.lock();
        try {
            return callerHungUp;
        } finally {
            lock.unlock();
        }
    }
}
