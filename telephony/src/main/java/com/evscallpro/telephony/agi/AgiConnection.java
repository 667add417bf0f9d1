package com.evscallpro.telephony.agi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.evscallpro.telephony.CallEvent;

/**
 * One FastAGI connection: a reader (virtual thread) that owns the input side for the whole life of the connection,
 * so a {@code HANGUP} line is noticed even while nobody is sending a command; and the {@link AgiChannel} commands,
 * sent by whichever thread holds the command lock, one at a time, each waiting for its own reply.
 *
 * <p>State, logged at DEBUG as {@code A -event-> B}: {@code ENVIRONMENT → RUNNING → (HANDED_OVER) → CLOSED}; the
 * hangup is a flag on top of it (a dead channel still answers some commands).
 */
final class AgiConnection implements AgiChannel {

    private static final Logger log = LoggerFactory.getLogger(AgiConnection.class);
    private static final int MAX_REPLY_LINES = 500;
    private static final String CALL_ID_VARIABLE = "EVS_CALL_ID";
    static final String STATUS_VARIABLE = "EVS_AGI_STATUS";

    enum Mode { SERVE, REFUSE }

    enum State { ENVIRONMENT, RUNNING, HANDED_OVER, CLOSED }

    private final FastAgiServer server;
    private final FastAgiSettings settings;
    private final Socket socket;
    private final int id;
    private final Mode mode;

    private volatile AgiRequest request;
    private volatile String callId;
    private volatile boolean callIdGiven;
    private volatile CallEvent.Leg leg = CallEvent.Leg.CUSTOMER;
    private volatile String script = "";

    private final ReentrantLock commandLock = new ReentrantLock(true);
    private final Object replyLock = new Object();
    private CompletableFuture<AgiReply> pending;      // guarded by replyLock
    private int staleReplies;                          // guarded by replyLock
    private OutputStream out;                          // written by the command-lock holder only

    private final Object stateLock = new Object();
    private volatile State state = State.ENVIRONMENT;
    private volatile AgiEndReason endReason;
    private final AtomicBoolean hungUp = new AtomicBoolean();
    private final CompletableFuture<Void> hangupSeen = new CompletableFuture<>();
    private volatile boolean handedOver;
    private volatile boolean handlerDone;
    private volatile long lastCommandNanos = System.nanoTime();
    private final CompletableFuture<AgiEndReason> completion = new CompletableFuture<>();
    private volatile ScheduledFuture<?> graceTimer;
    private volatile ScheduledFuture<?> idleTimer;

    AgiConnection(FastAgiServer server, Socket socket, int id, Mode mode) {
        this.server = server;
        this.settings = server.settings();
        this.socket = socket;
        this.id = id;
        this.mode = mode;
    }

    int id() {
        return id;
    }

    Mode mode() {
        return mode;
    }

    State state() {
        return state;
    }

    // ---- reader side ----------------------------------------------------------------------------------------------

    /** The connection's reader thread: environment, then start the handler, then read replies until the end. */
    void run() {
        AgiLineReader in;
        try {
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 1024);
            in = new AgiLineReader(new BufferedInputStream(socket.getInputStream()), settings.maxLineLength());
            socket.setSoTimeout((int) Math.max(1, settings.environmentTimeout().toMillis()));
            Map<String, String> env = readEnvironment(in);
            socket.setSoTimeout(0);
            request = AgiRequest.of(env);
        } catch (SocketTimeoutException e) {
            protocolError("no complete agi_* environment within " + settings.environmentTimeout().toMillis() + " ms");
            return;
        } catch (ProtocolViolation | IOException e) {
            if (state == State.CLOSED) {
                return;
            }
            protocolError(e.getMessage());
            return;
        }
        if (request.uniqueId().isEmpty()) {
            protocolError("environment without agi_uniqueid");
            return;
        }
        String given = request.parameters().get(CALL_ID_VARIABLE);
        callIdGiven = given != null && !given.isEmpty();
        callId = callIdGiven ? given : request.uniqueId();
        script = request.script();
        Runnable task;
        boolean listed = false;
        if (mode == Mode.REFUSE) {
            task = this::refuse;
        } else {
            FastAgiServer.Route route = server.route(script);
            if (route == null) {
                task = this::noScript;
            } else {
                leg = route.leg();
                listed = true;
                task = () -> runHandler(route.handler());
            }
        }
        if (!transition(State.ENVIRONMENT, State.RUNNING, "environment")) {
            return; // closed meanwhile (server stopping)
        }
        if (listed) {
            server.registry().add(this);
            if (state == State.CLOSED) {
                server.registry().remove(this);
                return;
            }
        }
        Thread.ofVirtual().name("agi-handler-" + id).start(task);
        readReplies(in);
    }

    private Map<String, String> readEnvironment(AgiLineReader in) throws IOException, ProtocolViolation {
        Map<String, String> env = new LinkedHashMap<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new ProtocolViolation(env.isEmpty() ? "closed before sending the agi_* environment"
                        : "closed in the middle of the agi_* environment (" + env.size() + " lines)");
            }
            if (line.isEmpty()) {
                if (env.isEmpty()) {
                    throw new ProtocolViolation("empty agi_* environment");
                }
                return env;
            }
            if (!line.startsWith("agi_")) {
                throw new ProtocolViolation("not an agi_* environment line (" + line.length() + " bytes)");
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new ProtocolViolation("agi_* line without ':'");
            }
            String key = line.substring(4, colon);
            String value = line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            env.put(key, value);
            if (env.size() > settings.maxEnvironmentLines()) {
                throw new ProtocolViolation("more than " + settings.maxEnvironmentLines() + " agi_* lines");
            }
        }
    }

    private void readReplies(AgiLineReader in) {
        try {
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    remoteClosed();
                    return;
                }
                if (line.startsWith("HANGUP")) {
                    markHungUp("HANGUP");
                    line = line.substring("HANGUP".length());
                    if (line.isEmpty()) {
                        continue;
                    }
                }
                List<String> lines = new ArrayList<>(4);
                lines.add(line);
                if (line.length() >= 4 && line.charAt(3) == '-' && isStatus(line)) {
                    String end = line.substring(0, 3);
                    while (true) {
                        String next = in.readLine();
                        if (next == null) {
                            throw new EOFException("connection closed in the middle of a " + end + " reply");
                        }
                        if (next.equals("HANGUP")) {
                            markHungUp("HANGUP");
                            continue;
                        }
                        lines.add(next);
                        if (lines.size() > MAX_REPLY_LINES) {
                            throw new ProtocolViolation("multi-line reply longer than " + MAX_REPLY_LINES + " lines");
                        }
                        if (next.equals(end) || next.startsWith(end + " ")) {
                            break;
                        }
                    }
                }
                AgiReply reply;
                try {
                    reply = AgiReply.parse(lines);
                } catch (IllegalArgumentException e) {
                    throw new ProtocolViolation("unexpected line from Asterisk (" + line.length() + " bytes)");
                }
                if (!deliver(reply)) {
                    throw new ProtocolViolation("reply with no command waiting for it: status " + reply.status());
                }
            }
        } catch (ProtocolViolation e) {
            protocolError(e.getMessage());
        } catch (AgiLineReader.LineTooLongException | EOFException e) {
            if (state != State.CLOSED) {
                protocolError(e.getMessage());
            }
        } catch (IOException e) {
            if (state != State.CLOSED) {
                remoteClosed();
            }
        }
    }

    private static boolean isStatus(String line) {
        return Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(1))
                && Character.isDigit(line.charAt(2));
    }

    private boolean deliver(AgiReply reply) {
        synchronized (replyLock) {
            if (staleReplies > 0) {
                staleReplies--;
                log.debug("AGI {} dropped the late reply of a timed-out command (status {})", uniqueIdForLog(),
                        reply.status());
                return true;
            }
            if (pending == null) {
                return false;
            }
            CompletableFuture<AgiReply> p = pending;
            pending = null;
            p.complete(reply);
            return true;
        }
    }

    private void remoteClosed() {
        if (state == State.CLOSED) {
            return;
        }
        if (!hungUp.get()) {
            markHungUp("CONNECTION_LOST");
            close(AgiEndReason.REMOTE_CLOSED);
        } else {
            close(AgiEndReason.HUNG_UP);
        }
    }

    private void protocolError(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        log.warn("Closing FastAGI connection #{} from {} ({}): {}", id, remote(), uniqueIdForLog(), reason);
        close(AgiEndReason.PROTOCOL_ERROR);
    }

    // ---- handler side ---------------------------------------------------------------------------------------------

    private void runHandler(AgiHandler handler) {
        AgiEndReason reason = AgiEndReason.HANDLER_DONE;
        try {
            handler.handle(this);
        } catch (AgiHangupException | AgiChannelClosedException e) {
            log.debug("AGI {} handler for '{}' ended: {}", uniqueIdForLog(), script, e.getMessage());
        } catch (Throwable t) {
            reason = AgiEndReason.HANDLER_FAILED;
            log.warn("AGI handler for script '{}' failed on {} ({}); the dialplan gets {}=FAILED", script,
                    uniqueIdForLog(), name(), STATUS_VARIABLE, t);
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (!hungUp.get() && state != State.CLOSED) {
                try {
                    execute("SET VARIABLE " + STATUS_VARIABLE + " FAILED", settings.commandTimeout());
                } catch (RuntimeException ignored) {
                    // best effort: the connection closes anyway
                }
            }
        } finally {
            handlerDone = true;
            if (reason == AgiEndReason.HANDLER_DONE && handedOver && state != State.CLOSED) {
                transition(State.RUNNING, State.HANDED_OVER, "handed over");
                scheduleIdleCheck();
                if (hungUp.get()) {
                    maybeCloseDead();
                }
            } else {
                close(hungUp.get() ? AgiEndReason.HUNG_UP : reason);
            }
        }
    }

    private void refuse() {
        try {
            execute("SET VARIABLE " + STATUS_VARIABLE + " BUSY",
                    settings.commandTimeout().compareTo(Duration.ofSeconds(2)) < 0
                            ? settings.commandTimeout() : Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            log.debug("AGI refusal of {} not acknowledged: {}", uniqueIdForLog(), e.toString());
        } finally {
            handlerDone = true;
            close(AgiEndReason.REFUSED);
        }
    }

    private void noScript() {
        log.warn("No FastAGI script registered for '{}' (request on {}): hanging the channel up", script,
                uniqueIdForLog());
        try {
            hangup();
        } catch (RuntimeException e) {
            log.debug("AGI hangup of {} (no script) failed: {}", uniqueIdForLog(), e.toString());
        } finally {
            handlerDone = true;
            close(AgiEndReason.NO_SCRIPT);
        }
    }

    // ---- commands -------------------------------------------------------------------------------------------------

    /** Sends one command line and waits for its reply; the single place where commands meet the wire. */
    AgiReply execute(String line, Duration timeout) {
        AgiCommands.check(line);
        long timeoutNanos = Math.max(1, timeout.toNanos());
        long start = System.nanoTime();
        if (state == State.CLOSED) {
            throw closedException(line);
        }
        try {
            if (!commandLock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new AgiTimeoutException("another command kept the channel busy for " + timeout.toMillis()
                        + " ms", line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgiException("interrupted while waiting for the channel", line, null, e);
        }
        try {
            if (state == State.CLOSED || state == State.ENVIRONMENT) {
                throw closedException(line);
            }
            lastCommandNanos = System.nanoTime();
            CompletableFuture<AgiReply> f = new CompletableFuture<>();
            synchronized (replyLock) {
                pending = f;
            }
            try {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                synchronized (replyLock) {
                    if (pending == f) {
                        pending = null;
                    }
                }
                remoteClosed();
                throw closedException(line);
            }
            AgiReply reply = await(f, line, timeoutNanos - (System.nanoTime() - start));
            lastCommandNanos = System.nanoTime();
            switch (reply.status()) {
                case AgiReply.SUCCESS:
                    return reply;
                case AgiReply.DEAD_CHANNEL:
                    markHungUp("511");
                    throw new AgiHangupException("dead channel: " + reply.text(), line, reply);
                case AgiReply.INVALID_COMMAND:
                    throw new AgiCommandException("invalid or unknown command", line, reply);
                case AgiReply.USAGE:
                    throw new AgiCommandException("invalid command syntax", line, reply);
                default:
                    throw new AgiCommandException("unexpected status " + reply.status(), line, reply);
            }
        } finally {
            commandLock.unlock();
            if (hungUp.get()) {
                maybeCloseDead();
            }
        }
    }

    private AgiReply await(CompletableFuture<AgiReply> f, String line, long remainingNanos) {
        try {
            return f.get(Math.max(1, remainingNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            synchronized (replyLock) {
                if (!f.isDone()) {
                    if (pending == f) {
                        pending = null;
                    }
                    staleReplies++;
                    f.cancel(false);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (f.isDone() && !f.isCancelled() && !f.isCompletedExceptionally()) {
                return f.join(); // the reply won the race against the timeout
            }
            if (f.isCompletedExceptionally() && !f.isCancelled()) {
                throw closedException(line);
            }
            if (e instanceof InterruptedException) {
                throw new AgiException("interrupted while waiting for the reply", line, null, e);
            }
            log.warn("AGI {} no reply to '{}' within {} ms; a late reply will be dropped", uniqueIdForLog(),
                    commandWord(line), TimeUnit.NANOSECONDS.toMillis(remainingNanos));
            throw new AgiTimeoutException("no reply within the command timeout", line);
        } catch (ExecutionException e) {
            throw closedException(line);
        }
    }

    private AgiException closedException(String line) {
        if (hungUp.get()) {
            return new AgiHangupException("channel hung up" + (state == State.CLOSED ? " (AGI connection closed)" : ""),
                    line, null);
        }
        return new AgiChannelClosedException("AGI connection closed (" + endReason + ")", line);
    }

    private Duration timeoutFor(String line) {
        return AgiCommands.isMedia(line) ? settings.mediaTimeout() : settings.commandTimeout();
    }

    private Duration mediaTimeout(long extraMs) {
        return settings.mediaTimeout().plusMillis(Math.max(0, extraMs));
    }

    @Override
    public AgiReply send(String commandLine) {
        return execute(commandLine, timeoutFor(commandLine));
    }

    @Override
    public AgiReply send(String commandLine, Duration timeout) {
        return execute(commandLine, timeout);
    }

    @Override
    public void answer() {
        String line = "ANSWER";
        AgiReply r = execute(line, settings.commandTimeout());
        if (r.resultCode() < 0) {
            throw new AgiCommandException("ANSWER failed", line, r);
        }
    }

    @Override
    public StreamResult streamFile(String file, String escapeDigits) {
        String line = "STREAM FILE " + AgiCommands.word(file) + " " + AgiCommands.digits(escapeDigits);
        AgiReply r = execute(line, settings.mediaTimeout());
        int code = r.resultCode();
        long endpos = Math.max(0, r.endpos());
        if (code < 0) {
            if (hangupFollows()) {
                throw new AgiHangupException("hung up during STREAM FILE", line, r);
            }
            return new StreamResult(StreamResult.NO_DIGIT, endpos, true);
        }
        return new StreamResult(code == 0 ? StreamResult.NO_DIGIT : (char) code, endpos, false);
    }

    @Override
    public GetDataResult getData(String prompt, long timeoutMs, int maxDigits) {
        if (maxDigits < 1) {
            throw new IllegalArgumentException("maxDigits must be at least 1");
        }
        String line = "GET DATA " + AgiCommands.word(prompt) + " " + timeoutMs + " " + maxDigits;
        AgiReply r = execute(line, mediaTimeout(timeoutMs * (maxDigits + 1L)));
        if ("-1".equals(r.result())) {
            markHungUp("GET DATA -1");
            throw new AgiHangupException("hung up during GET DATA", line, r);
        }
        String digits = r.result() == null ? "" : r.result();
        return new GetDataResult(digits, "timeout".equals(r.data()));
    }

    @Override
    public Optional<Character> waitForDigit(long timeoutMs) {
        String line = "WAIT FOR DIGIT " + timeoutMs;
        AgiReply r = execute(line, timeoutMs < 0 ? settings.mediaTimeout() : mediaTimeout(timeoutMs));
        int code = r.resultCode();
        if (code < 0) {
            markHungUp("WAIT FOR DIGIT -1");
            throw new AgiHangupException("hung up during WAIT FOR DIGIT", line, r);
        }
        return code == 0 ? Optional.empty() : Optional.of((char) code);
    }

    @Override
    public Optional<Character> sayDigits(String digits, String escapeDigits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("SAY DIGITS needs decimal digits");
        }
        return say("SAY DIGITS " + digits + " " + AgiCommands.digits(escapeDigits));
    }

    @Override
    public Optional<Character> sayNumber(long number, String escapeDigits) {
        return say("SAY NUMBER " + number + " " + AgiCommands.digits(escapeDigits));
    }

    private Optional<Character> say(String line) {
        AgiReply r = execute(line, settings.mediaTimeout());
        int code = r.resultCode();
        if (code < 0) {
            if (hangupFollows()) {
                throw new AgiHangupException("hung up during " + commandWord(line), line, r);
            }
            throw new AgiCommandException(commandWord(line) + " failed", line, r);
        }
        return code == 0 ? Optional.empty() : Optional.of((char) code);
    }

    @Override
    public void setVariable(String name, String value) {
        String line = "SET VARIABLE " + AgiCommands.word(name) + " " + AgiCommands.word(value);
        execute(line, settings.commandTimeout());
        if (CALL_ID_VARIABLE.equals(name)) {
            adoptCallId(value);
        }
    }

    @Override
    public Optional<String> getVariable(String name) {
        Optional<String> v = value(execute("GET VARIABLE " + AgiCommands.word(name), settings.commandTimeout()));
        if (CALL_ID_VARIABLE.equals(name)) {
            v.ifPresent(this::adoptCallId);
        }
        return v;
    }

    @Override
    public Optional<String> getFullVariable(String expression) {
        return value(execute("GET FULL VARIABLE " + AgiCommands.word(expression), settings.commandTimeout()));
    }

    private static Optional<String> value(AgiReply r) {
        if (r.resultCode() != 1) {
            return Optional.empty();
        }
        return Optional.of(r.data() == null ? "" : r.data());
    }

    @Override
    public int exec(String application, String args) {
        String line = "EXEC " + AgiCommands.word(application)
                + (args == null || args.isEmpty() ? "" : " " + AgiCommands.word(args));
        return execute(line, settings.mediaTimeout()).resultCode();
    }

    @Override
    public RecordResult recordFile(String file, String format, String escapeDigits, long timeoutMs, boolean beep,
                                   int silenceSeconds) {
        String line = "RECORD FILE " + AgiCommands.word(file) + " " + AgiCommands.word(format) + " "
                + AgiCommands.digits(escapeDigits) + " " + timeoutMs + (beep ? " BEEP" : "")
                + (silenceSeconds > 0 ? " s=" + silenceSeconds : "");
        AgiReply r = execute(line, timeoutMs < 0 ? settings.mediaTimeout() : mediaTimeout(timeoutMs));
        int code = r.resultCode();
        String reason = r.data() == null ? "" : r.data();
        if ("hangup".equals(reason) || (code < 0 && hangupFollows())) {
            markHungUp("RECORD FILE hangup");
            throw new AgiHangupException("hung up during RECORD FILE", line, r);
        }
        if (code < 0) {
            throw new AgiCommandException("RECORD FILE failed: " + reason, line, r);
        }
        char digit = "dtmf".equals(reason) && code > 0 ? (char) code : StreamResult.NO_DIGIT;
        return new RecordResult(digit, Math.max(0, r.endpos()), reason);
    }

    @Override
    public void hangup() {
        if (state == State.CLOSED && hungUp.get()) {
            return;
        }
        try {
            AgiReply r = execute("HANGUP", settings.commandTimeout());
            if (r.resultCode() == 1) {
                markHungUp("AGI HANGUP");
            }
        } catch (AgiHangupException e) {
            // already hung up: what we wanted
        }
    }

    @Override
    public AgiChannelState channelStatus() {
        String line = "CHANNEL STATUS";
        AgiReply r = execute(line, settings.commandTimeout());
        try {
            return AgiChannelState.ofCode(r.resultCode());
        } catch (IllegalArgumentException e) {
            throw new AgiCommandException("unknown channel status", line, r);
        }
    }

    @Override
    public void verbose(String message, int level) {
        execute("VERBOSE " + AgiCommands.quoted(message) + " " + level, settings.commandTimeout());
    }

    /**
     * After a {@code result=-1} that may mean "hung up" or "failed" (STREAM FILE, SAY): Asterisk writes the HANGUP
     * line right after such a reply when the caller left, so wait a moment for it.
     */
    private boolean hangupFollows() {
        if (hungUp.get()) {
            return true;
        }
        try {
            hangupSeen.get(100, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return hungUp.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return hungUp.get();
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    void markHungUp(String how) {
        if (!hungUp.compareAndSet(false, true)) {
            return;
        }
        log.debug("AGI {} {} -hangup({})-> {} hung up", uniqueIdForLog(), state, how, state);
        hangupSeen.complete(null);
        AgiRequest r = request;
        if (r != null && mode == Mode.SERVE) {
            server.publish(new CallEvent(CallEvent.Type.HUNG_UP, callId, leg, r.channel(), r.uniqueId(), null,
                    Instant.now(), 0, null, "agi:" + how));
        }
        if (state != State.CLOSED) {
            try {
                graceTimer = server.timer().schedule(
                        () -> server.offTimer("agi-grace-" + id, () -> close(AgiEndReason.HUNG_UP)),
                        settings.hangupGrace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // server stopping
            }
            maybeCloseDead();
        }
    }

    /** A hung-up channel is closed as soon as nobody is running a command on it and no handler still runs. */
    private void maybeCloseDead() {
        if (!hungUp.get() || state == State.CLOSED || !handlerDone) {
            return;
        }
        if (commandLock.tryLock()) {
            try {
                close(AgiEndReason.HUNG_UP);
            } finally {
                commandLock.unlock();
            }
        }
    }

    private void scheduleIdleCheck() {
        Duration idle = settings.handedOverIdleTimeout();
        if (idle == null || idle.isZero() || idle.isNegative() || state == State.CLOSED) {
            return;
        }
        long dueNanos = lastCommandNanos + idle.toNanos() - System.nanoTime();
        try {
            idleTimer = server.timer().schedule(() -> {
                if (state == State.CLOSED) {
                    return;
                }
                boolean idleNow = System.nanoTime() - lastCommandNanos >= idle.toNanos();
                if (idleNow && !commandLock.isLocked()) {
                    log.warn("AGI {} handed over but idle for {} s: closing it", uniqueIdForLog(), idle.toSeconds());
                    server.offTimer("agi-idle-" + id, () -> close(AgiEndReason.IDLE_TIMEOUT));
                } else {
                    scheduleIdleCheck();
                }
            }, Math.max(1, dueNanos), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // server stopping
        }
    }

    private boolean transition(State from, State to, String event) {
        synchronized (stateLock) {
            if (state != from) {
                return false;
            }
            state = to;
        }
        log.debug("AGI {} {} -{}-> {}", uniqueIdForLog(), from, event, to);
        return true;
    }

    /** Closes the connection once; everything owned by it (socket, registry entry, permit, timers) is released. */
    void close(AgiEndReason reason) {
        State previous;
        synchronized (stateLock) {
            if (state == State.CLOSED) {
                return;
            }
            previous = state;
            state = State.CLOSED;
            endReason = reason;
        }
        log.debug("AGI {} {} -{}-> CLOSED", uniqueIdForLog(), previous, reason);
        cancel(graceTimer);
        cancel(idleTimer);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        CompletableFuture<AgiReply> p;
        synchronized (replyLock) {
            p = pending;
            pending = null;
        }
        if (p != null) {
            p.completeExceptionally(new IOException("AGI connection closed"));
        }
        server.connectionClosed(this);
        completion.complete(reason);
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private void adoptCallId(String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String old;
        synchronized (stateLock) {
            if (callIdGiven || value.equals(callId)) {
                return;
            }
            old = callId;
            callId = value;
            callIdGiven = true;
        }
        if (mode == Mode.SERVE) {
            server.registry().callIdChanged(this, old, value);
        }
    }

    // ---- AgiChannel -----------------------------------------------------------------------------------------------

    @Override
    public AgiRequest request() {
        return request;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public boolean isHungUp() {
        return hungUp.get();
    }

    @Override
    public boolean isOpen() {
        return state != State.CLOSED;
    }

    @Override
    public AgiChannel handOver() {
        handedOver = true;
        return this;
    }

    @Override
    public CompletableFuture<AgiEndReason> completion() {
        return completion;
    }

    @Override
    public void close() {
        close(hungUp.get() ? AgiEndReason.HUNG_UP : AgiEndReason.RELEASED);
    }

    private String uniqueIdForLog() {
        AgiRequest r = request;
        return r == null ? "#" + id : r.uniqueId();
    }

    private String remote() {
        try {
            return String.valueOf(socket.getRemoteSocketAddress());
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String commandWord(String line) {
        int sp = line.indexOf(' ');
        int sp2 = sp < 0 ? -1 : line.indexOf(' ', sp + 1);
        return sp2 < 0 ? line : line.substring(0, sp2);
    }

    @Override
    public String toString() {
        return "AgiChannel[" + uniqueIdForLog() + ", " + state + (hungUp.get() ? ", hung up" : "") + "]";
    }

    /** The peer broke the protocol; the message never contains the offending bytes (they may be personal data). */
    static final class ProtocolViolation extends Exception {
        ProtocolViolation(String message) {
            super(message, null, false, false);
        }
    }
}
