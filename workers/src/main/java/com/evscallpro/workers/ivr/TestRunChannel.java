package com.evscallpro.workers.ivr;

import com.evscallpro.telephony.agi.AgiChannel;
import com.evscallpro.telephony.agi.AgiChannelClosedException;
import com.evscallpro.telephony.agi.AgiChannelState;
import com.evscallpro.telephony.agi.AgiEndReason;
import com.evscallpro.telephony.agi.AgiHangupException;
import com.evscallpro.telephony.agi.AgiReply;
import com.evscallpro.telephony.agi.AgiRequest;
import com.evscallpro.telephony.agi.GetDataResult;
import com.evscallpro.telephony.agi.RecordResult;
import com.evscallpro.telephony.agi.StreamResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The channel of a test call: no telephony at all. Prompts "play" at once and are reported ({@link Listener#prompt});
 * keys come from the analyst's keypad ({@link #press}); inputs wait for them within their timeout as Asterisk does
 * (each key within the timeout, {@code #} ends an input, keys pressed during a prompt that cannot be interrupted are
 * dropped), so the no-input branches can be tested; variables live in a map. What would reach another system
 * ({@code EXEC}: Dial, Queue…; {@code RECORD FILE}) is refused: the test run simulates the blocks that need them.
 */
final class TestRunChannel implements AgiChannel {

    /** What the channel tells the test run. */
    interface Listener {
        void prompt(String file);

        void said(String digits);

        void collected(String keys);

        void noInput(long timeoutMs);
    }

    private final AgiRequest request;
    private final String callId;
    private final Listener listener;
    private final LinkedBlockingQueue<Character> keys = new LinkedBlockingQueue<>();
    private final Map<String, String> variables = new ConcurrentHashMap<>();
    private final CompletableFuture<AgiEndReason> completion = new CompletableFuture<>();
    private volatile boolean hungUp;

    TestRunChannel(String callId, String callerNumber, String did, String language, Listener listener) {
        this.callId = callId;
        this.listener = listener;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("network_script", "ivr");
        env.put("channel", "Test/" + callId);
        env.put("uniqueid", callId);
        env.put("callerid", callerNumber == null || callerNumber.isBlank() ? "unknown" : callerNumber);
        env.put("dnid", did == null || did.isBlank() ? "unknown" : did);
        env.put("language", language == null ? "en" : language);
        this.request = new AgiRequest("ivr", Map.of(), List.of(), env);
    }

    /** Keys from the keypad ({@code 0-9 * #}); anything else is refused. */
    void press(String typed) {
        if (typed == null || !typed.matches("[0-9*#]{1,32}")) {
            throw new IllegalArgumentException("keys must be 0-9, * or #: " + typed);
        }
        for (char c : typed.toCharArray()) {
            keys.add(c);
        }
    }

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
        return hungUp;
    }

    @Override
    public boolean isOpen() {
        return !completion.isDone();
    }

    @Override
    public AgiChannel handOver() {
        return this;
    }

    @Override
    public CompletableFuture<AgiEndReason> completion() {
        return completion;
    }

    @Override
    public void close() {
        completion.complete(hungUp ? AgiEndReason.HUNG_UP : AgiEndReason.RELEASED);
    }

    @Override
    public void answer() {
        live("ANSWER");
    }

    @Override
    public StreamResult streamFile(String file, String escapeDigits) {
        live("STREAM FILE");
        listener.prompt(file);
        Character pressed = keys.peek();
        if (pressed != null && escapeDigits != null && escapeDigits.indexOf(pressed) >= 0) {
            keys.poll();
            return new StreamResult(pressed, 0, false);
        }
        keys.clear(); // keys that cannot interrupt a prompt are lost, as on Asterisk
        return new StreamResult(StreamResult.NO_DIGIT, 8000, false);
    }

    @Override
    public GetDataResult getData(String prompt, long timeoutMs, int maxDigits) {
        live("GET DATA");
        listener.prompt(prompt);
        StringBuilder typed = new StringBuilder();
        boolean timedOut = false;
        while (typed.length() < maxDigits) {
            Character c = next(timeoutMs, "GET DATA");
            if (c == null) {
                timedOut = true;
                break;
            }
            if (c == '#') {
                break;
            }
            typed.append(c);
        }
        if (typed.isEmpty()) {
            listener.noInput(timeoutMs);
        } else {
            listener.collected(typed.toString());
        }
        return new GetDataResult(typed.toString(), timedOut);
    }

    @Override
    public Optional<Character> waitForDigit(long timeoutMs) {
        live("WAIT FOR DIGIT");
        Character c = next(timeoutMs < 0 ? Long.MAX_VALUE : timeoutMs, "WAIT FOR DIGIT");
        if (c == null) {
            listener.noInput(timeoutMs);
        } else {
            listener.collected(String.valueOf(c));
        }
        return Optional.ofNullable(c);
    }

    @Override
    public Optional<Character> sayDigits(String digits, String escapeDigits) {
        live("SAY DIGITS");
        listener.said(digits);
        return Optional.empty();
    }

    @Override
    public Optional<Character> sayNumber(long number, String escapeDigits) {
        live("SAY NUMBER");
        listener.said(String.valueOf(number));
        return Optional.empty();
    }

    @Override
    public void setVariable(String name, String value) {
        variables.put(name, value == null ? "" : value);
    }

    @Override
    public Optional<String> getVariable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public Optional<String> getFullVariable(String expression) {
        return Optional.empty();
    }

    @Override
    public int exec(String application, String args) {
        throw new UnsupportedOperationException("a test call runs no Asterisk application (" + application + ")");
    }

    @Override
    public RecordResult recordFile(String file, String format, String escapeDigits, long timeoutMs, boolean beep,
                                   int silenceSeconds) {
        throw new UnsupportedOperationException("a test call records nothing");
    }

    @Override
    public void hangup() {
        hungUp = true;
        close();
    }

    @Override
    public AgiChannelState channelStatus() {
        return hungUp ? AgiChannelState.DOWN_AVAILABLE : AgiChannelState.UP;
    }

    @Override
    public void verbose(String message, int level) {
        // no console
    }

    @Override
    public AgiReply send(String commandLine) {
        return send(commandLine, Duration.ZERO);
    }

    @Override
    public AgiReply send(String commandLine, Duration timeout) {
        live(commandLine);
        if (commandLine.startsWith("SET MUSIC")) {
            return new AgiReply(200, "0", null, Map.of(), "", List.of("200 result=0"));
        }
        throw new UnsupportedOperationException("a test call does not run " + commandLine);
    }

    private void live(String command) {
        if (hungUp) {
            throw new AgiHangupException("the test caller hung up", command, null);
        }
        if (completion.isDone()) {
            throw new AgiChannelClosedException("the test call is over", command);
        }
    }

    /** The next key within {@code timeoutMs}, or null; the caller hanging up meanwhile ends the wait. */
    private Character next(long timeoutMs, String command) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(timeoutMs, 3_600_000L));
        while (true) {
            live(command);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                Character c = keys.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
                if (c != null) {
                    return c;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AgiChannelClosedException("interrupted", command);
            }
        }
    }
}
