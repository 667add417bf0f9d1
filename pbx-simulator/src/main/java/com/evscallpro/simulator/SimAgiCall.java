package com.evscallpro.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An inbound call that the simulated Asterisk sends to a FastAGI server ({@link FastAgiCaller#place}), and how its
 * caller behaves. Defaults: a PJSIP trunk call on the DID, not answered yet (CHANNEL STATUS 4), script {@code ivr},
 * language {@code en}, every sound 1 s long, real time.
 *
 * <pre>{@code
 * SimAgiCall call = SimAgiCall.toDid("0140000000")
 *         .callerId("0612345678", "Alice")
 *         .pressDuring(2, "1")          // presses 1 while the 2nd command runs (e.g. the welcome prompt)
 *         .pressDuring(3, "1234#")      // types 1234# during the 3rd (GET DATA)
 *         .hangUpDuring(6)              // hangs up while the 6th command runs
 *         .timeScale(0.01);             // media time runs 100 times faster
 * }</pre>
 *
 * <p><b>Time.</b> Each command has a simulated duration (prompt length, GET DATA timeouts, Dial talk time); the caller
 * really waits {@code duration × timeScale}. Key presses and {@link #hangUpDuring} are placed on the timeline of the
 * command they belong to, so outcomes do not depend on thread scheduling. Digits that the command does not read stay
 * in a type-ahead buffer for the next command. {@link #hangUpAfter} and {@link PlacedAgiCall#hangUp()} are real-time
 * (asynchronous) hangups: a running media command returns {@code -1}, an idle channel gets the {@code HANGUP} line
 * at once.
 *
 * <p>Mutable builder; {@link FastAgiCaller#place} takes a copy, so one template can place many calls.
 */
public final class SimAgiCall {

    /** A key sequence pressed while command {@code command} runs, starting {@code offsetMs} after it starts. */
    record Press(int command, long offsetMs, String digits, long interDigitMs) {
    }

    String did;
    String script = "ivr";
    final Map<String, String> scriptParameters = new LinkedHashMap<>();
    final List<String> args = new ArrayList<>();
    String channel;
    String type = "PJSIP";
    String language = "en";
    String uniqueId;
    String callerId = "unknown";
    String callerIdName = "unknown";
    String callingPres = "0";
    String callingAni2 = "0";
    String callingTon = "0";
    String callingTns = "0";
    String dnid;
    String rdnis = "unknown";
    String context = "from-trunk";
    String extension;
    String priority = "2";
    String enhanced = "0.0";
    String accountCode = "";
    String threadId;
    String version = "22.10.1";
    String requestAuthority;
    int initialState = 4;
    final Map<String, String> variables = new LinkedHashMap<>();
    final Map<String, String> database = new LinkedHashMap<>();
    final List<Press> presses = new ArrayList<>();
    long defaultKeyDelayMs = 300;
    long defaultInterDigitMs = 250;
    int hangUpCommand = -1;
    long hangUpOffsetMs;
    Duration hangUpAfter;
    final Map<String, Duration> sounds = new LinkedHashMap<>();
    final Set<String> missingSounds = new HashSet<>();
    Duration defaultSoundLength = Duration.ofSeconds(1);
    Duration digitSoundLength = Duration.ZERO;
    String dialStatus = "ANSWER";
    Duration dialTalkTime = Duration.ZERO;
    double timeScale = 1.0;
    Duration maxDuration = Duration.ofMinutes(10);

    private SimAgiCall(String did) {
        this.did = Objects.requireNonNull(did, "did");
    }

    /** A call coming in on this DID (dialled number): {@code agi_dnid} and {@code agi_extension} are the DID. */
    public static SimAgiCall toDid(String did) {
        return new SimAgiCall(did);
    }

    SimAgiCall copy() {
        SimAgiCall c = new SimAgiCall(did);
        c.script = script;
        c.scriptParameters.putAll(scriptParameters);
        c.args.addAll(args);
        c.channel = channel;
        c.type = type;
        c.language = language;
        c.uniqueId = uniqueId;
        c.callerId = callerId;
        c.callerIdName = callerIdName;
        c.callingPres = callingPres;
        c.callingAni2 = callingAni2;
        c.callingTon = callingTon;
        c.callingTns = callingTns;
        c.dnid = dnid;
        c.rdnis = rdnis;
        c.context = context;
        c.extension = extension;
        c.priority = priority;
        c.enhanced = enhanced;
        c.accountCode = accountCode;
        c.threadId = threadId;
        c.version = version;
        c.requestAuthority = requestAuthority;
        c.initialState = initialState;
        c.variables.putAll(variables);
        c.database.putAll(database);
        c.presses.addAll(presses);
        c.defaultKeyDelayMs = defaultKeyDelayMs;
        c.defaultInterDigitMs = defaultInterDigitMs;
        c.hangUpCommand = hangUpCommand;
        c.hangUpOffsetMs = hangUpOffsetMs;
        c.hangUpAfter = hangUpAfter;
        c.sounds.putAll(sounds);
        c.missingSounds.addAll(missingSounds);
        c.defaultSoundLength = defaultSoundLength;
        c.digitSoundLength = digitSoundLength;
        c.dialStatus = dialStatus;
        c.dialTalkTime = dialTalkTime;
        c.timeScale = timeScale;
        c.maxDuration = maxDuration;
        return c;
    }

    // ---- what Asterisk says about the call ------------------------------------------------------------------------

    /** The script path of {@code agi://host:port/<script>} (default {@code ivr}). */
    public SimAgiCall script(String script) {
        this.script = Objects.requireNonNull(script);
        return this;
    }

    /** Adds {@code ?name=value} to the script path (e.g. {@code EVS_CALL_ID}). */
    public SimAgiCall scriptParameter(String name, String value) {
        scriptParameters.put(name, value);
        return this;
    }

    /** The {@code AGI()} arguments, sent as {@code agi_arg_1…}. */
    public SimAgiCall args(String... values) {
        args.clear();
        args.addAll(List.of(values));
        return this;
    }

    public SimAgiCall callerId(String number, String name) {
        this.callerId = number == null ? "unknown" : number;
        this.callerIdName = name == null ? "unknown" : name;
        return this;
    }

    /** The channel name (default {@code PJSIP/trunk-<8 hex>}) and its technology ({@code agi_type}). */
    public SimAgiCall channel(String name, String type) {
        this.channel = name;
        this.type = type;
        return this;
    }

    /** The Asterisk unique id (default {@code <epoch>.<sequence>}). */
    public SimAgiCall uniqueId(String uniqueId) {
        this.uniqueId = uniqueId;
        return this;
    }

    public SimAgiCall threadId(String threadId) {
        this.threadId = threadId;
        return this;
    }

    public SimAgiCall language(String language) {
        this.language = language;
        return this;
    }

    /** Dialplan position of the {@code AGI()} step (default {@code from-trunk}, the DID, priority 2). */
    public SimAgiCall dialplan(String context, String extension, String priority) {
        this.context = context;
        this.extension = extension;
        this.priority = priority;
        return this;
    }

    /** {@code agi_dnid} (default the DID; Local channels say {@code unknown}) and {@code agi_rdnis}. */
    public SimAgiCall dnid(String dnid, String rdnis) {
        this.dnid = dnid;
        this.rdnis = rdnis;
        return this;
    }

    /** Overrides {@code host:port} in {@code agi_request} (default: where the caller connects). */
    public SimAgiCall requestAuthority(String hostAndPort) {
        this.requestAuthority = hostAndPort;
        return this;
    }

    /** The dialplan answered before {@code AGI()} (CHANNEL STATUS 6 from the start). */
    public SimAgiCall answeredBeforeAgi() {
        this.initialState = 6;
        return this;
    }

    /** A channel variable set before the AGI starts (e.g. {@code EVS_CALL_ID}). */
    public SimAgiCall variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** An AstDB entry for {@code DATABASE GET}. */
    public SimAgiCall database(String family, String key, String value) {
        database.put(family + "/" + key, value);
        return this;
    }

    // ---- caller behaviour -----------------------------------------------------------------------------------------

    /**
     * The caller presses {@code digits} while command number {@code command} (1 = the first command the server
     * sends) runs: the first 300 ms after it starts, then one every 250 ms.
     */
    public SimAgiCall pressDuring(int command, String digits) {
        return pressDuring(command, digits, Duration.ofMillis(defaultKeyDelayMs), Duration.ofMillis(defaultInterDigitMs));
    }

    public SimAgiCall pressDuring(int command, String digits, Duration offset, Duration interDigit) {
        if (command < 1) {
            throw new IllegalArgumentException("commands are numbered from 1");
        }
        for (char d : digits.toCharArray()) {
            if ("0123456789*#ABCD".indexOf(d) < 0) {
                throw new IllegalArgumentException("not a DTMF digit: " + d);
            }
        }
        presses.add(new Press(command, offset.toMillis(), digits, interDigit.toMillis()));
        return this;
    }

    /** The caller hangs up while command {@code command} runs, 300 ms after it starts (a media command gets -1). */
    public SimAgiCall hangUpDuring(int command) {
        return hangUpDuring(command, Duration.ofMillis(defaultKeyDelayMs));
    }

    public SimAgiCall hangUpDuring(int command, Duration offset) {
        this.hangUpCommand = command;
        this.hangUpOffsetMs = offset.toMillis();
        return this;
    }

    /** The caller hangs up this long (scaled by the time scale) after the AGI connection opened. */
    public SimAgiCall hangUpAfter(Duration after) {
        this.hangUpAfter = after;
        return this;
    }

    /** Length of one sound file. */
    public SimAgiCall sound(String name, Duration length) {
        sounds.put(name, length);
        return this;
    }

    /** Length of the sounds not declared with {@link #sound} (default 1 s). */
    public SimAgiCall defaultSoundLength(Duration length) {
        this.defaultSoundLength = length;
        return this;
    }

    /** A sound that does not exist: STREAM FILE answers {@code 200 result=-1 endpos=0}. */
    public SimAgiCall missingSound(String name) {
        missingSounds.add(name);
        return this;
    }

    /** Length of one digit of SAY DIGITS / SAY NUMBER (default 0: like the capture box, no digit sounds). */
    public SimAgiCall digitSoundLength(Duration length) {
        this.digitSoundLength = length;
        return this;
    }

    /** What {@code EXEC Dial} / {@code EXEC Queue} gives: DIALSTATUS (ANSWER, BUSY, NOANSWER…) and talk time. */
    public SimAgiCall dialOutcome(String dialStatus, Duration talkTime) {
        this.dialStatus = dialStatus;
        this.dialTalkTime = talkTime;
        return this;
    }

    /** Real time per simulated time (0.01 = 100× faster). */
    public SimAgiCall timeScale(double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("time scale must be positive");
        }
        this.timeScale = scale;
        return this;
    }

    /** Safety net: the caller closes the connection after this long (real time) if the server never does. */
    public SimAgiCall maxDuration(Duration max) {
        this.maxDuration = max;
        return this;
    }

    public String did() {
        return did;
    }
}
